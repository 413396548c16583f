using System.Collections.Concurrent;
using SigmaNex.Core.Resources;
using YamlDotNet.RepresentationModel;

namespace SigmaNex.Core.Language;

/// <summary>
/// The fixed phrases of composed answers (headings, the emergency-number line, notices) per language,
/// from <c>Resources/phrases/&lt;lang&gt;.yaml</c>. Unknown languages and missing keys fall back to English.
/// </summary>
public sealed class Phrases
{
    private static readonly ConcurrentDictionary<string, Phrases?> s_cache = new(StringComparer.Ordinal);

    private readonly IReadOnlyDictionary<string, string> _values;
    private readonly Phrases? _fallback;

    private Phrases(string language, IReadOnlyDictionary<string, string> values, Phrases? fallback)
    {
        Language = language;
        _values = values;
        _fallback = fallback;
    }

    public string Language { get; }

    public static IReadOnlyList<string> Available =>
        EmbeddedResources.List("phrases").Select(n => Path.GetFileNameWithoutExtension(n)).Order(StringComparer.Ordinal).ToList();

    public static bool Has(string language) => Load(language) is not null;

    public static Phrases For(string language) => Load(language) ?? Load("en")!;

    public string this[string key] =>
        _values.TryGetValue(key, out var v) ? v : _fallback?[key] ?? throw new KeyNotFoundException($"no phrase '{key}'");

    /// <summary>The phrase in this language only (no English fallback), or null.</summary>
    public string? TryGet(string key) => _values.TryGetValue(key, out var v) ? v : null;

    public string Format(string key, params (string Name, string Value)[] values)
    {
        var text = this[key];
        foreach (var (name, value) in values)
        {
            text = text.Replace("{" + name + "}", value, StringComparison.Ordinal);
        }

        return text;
    }

    private static Phrases? Load(string language) => s_cache.GetOrAdd(language, lang =>
    {
        var text = EmbeddedResources.TryReadText($"phrases/{lang}.yaml");
        if (text is null)
        {
            return null;
        }

        var yaml = new YamlStream();
        yaml.Load(new StringReader(text));
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in ((YamlMappingNode)yaml.Documents[0].RootNode).Children)
        {
            values[((YamlScalarNode)k).Value!] = ((YamlScalarNode)v).Value ?? string.Empty;
        }

        return new Phrases(lang, values, lang == "en" ? null : Load("en"));
    });
}
