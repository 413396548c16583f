using SigmaNex.Core.Resources;
using YamlDotNet.RepresentationModel;

namespace SigmaNex.Core.Translation;

/// <summary>
/// Generic drug and substance names by language (Resources/glossary/drug-names.yaml): what a protected drug name
/// becomes in the target language. Brands and names not listed have no translation and are kept as written.
/// </summary>
public sealed class DrugNames
{
    private readonly List<Dictionary<string, IReadOnlyList<string>>> _groups = [];
    private readonly Dictionary<string, int> _groupOf = new(StringComparer.Ordinal);

    public DrugNames(IEnumerable<IReadOnlyDictionary<string, IReadOnlyList<string>>> groups)
    {
        foreach (var group in groups)
        {
            var index = _groups.Count;
            _groups.Add(group.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal));
            foreach (var name in group.Values.SelectMany(n => n))
            {
                _groupOf.TryAdd(Key(name), index);
            }
        }
    }

    public static DrugNames Default { get; } = Load(EmbeddedResources.ReadText("glossary/drug-names.yaml"));

    /// <summary>Every name in every language.</summary>
    public IEnumerable<string> AllNames => _groups.SelectMany(g => g.Values.SelectMany(n => n));

    /// <summary>The languages a name is listed in: e.g. "adrenalina" → it, es.</summary>
    public IReadOnlyList<string> LanguagesOf(string name) =>
        _groupOf.TryGetValue(Key(name), out var i)
            ? _groups[i].Where(kv => kv.Value.Any(n => Key(n) == Key(name))).Select(kv => kv.Key).ToList()
            : [];

    /// <summary>The name's equivalent in <paramref name="language"/>, or null when none is listed.</summary>
    public string? Translate(string name, string language) =>
        _groupOf.TryGetValue(Key(name), out var i) && _groups[i].TryGetValue(language, out var names) && names.Count > 0
            ? names[0]
            : null;

    public static DrugNames Load(string yamlText)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(yamlText));
        var root = (YamlSequenceNode)yaml.Documents[0].RootNode;
        return new DrugNames(root.Children.Cast<YamlMappingNode>().Select(group =>
            (IReadOnlyDictionary<string, IReadOnlyList<string>>)group.Children.ToDictionary(
                kv => ((YamlScalarNode)kv.Key).Value!,
                kv => kv.Value is YamlSequenceNode list
                    ? (IReadOnlyList<string>)list.Children.Select(n => ((YamlScalarNode)n).Value!).ToList()
                    : [((YamlScalarNode)kv.Value).Value!])));
    }

    // Case-insensitive and whitespace-insensitive, accents kept (paracétamol is not paracetamol in French output).
    private static string Key(string name) => string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
}
