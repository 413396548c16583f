using System.Reflection;
using System.Text.RegularExpressions;

namespace SigmaNex.Core.Context;

/// <summary>
/// The prompt templates (system, general, medical, emergency, question), read from Prompts/*.md in the
/// assembly, or from a folder of overrides (<c>prompts_dir</c>) when the user provides one.
/// Placeholders are <c>{{name}}</c>; an unknown placeholder is left as it is.
/// </summary>
public sealed partial class PromptTemplates
{
    public static readonly IReadOnlyList<string> Names = ["system", "general", "medical", "emergency", "question"];

    private readonly Dictionary<string, string> _templates = new(StringComparer.Ordinal);

    public PromptTemplates(string? overrideFolder = null, string? systemPrompt = null)
    {
        foreach (var name in Names)
        {
            var file = overrideFolder is null ? null : Path.Combine(overrideFolder, name + ".md");
            _templates[name] = file is not null && File.Exists(file) ? File.ReadAllText(file) : Embedded(name);
        }

        if (!string.IsNullOrWhiteSpace(systemPrompt))
        {
            _templates["system"] = systemPrompt;
        }
    }

    public string Render(string name, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(_templates[name], m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value).Trim();

    private static string Embedded(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"SigmaNex.Core.Prompts.{name}.md")
            ?? throw new InvalidOperationException($"missing prompt template {name}.md");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"\{\{\s*([a-z_]+)\s*\}\}")]
    private static partial Regex Placeholder();
}
