using SigmaNex.Core.Resources;
using SigmaNex.Core.Text;
using YamlDotNet.RepresentationModel;

namespace SigmaNex.Core.Safety;

/// <summary>Medicines and substances with their names in several languages (Resources/glossary/drugs.yaml).</summary>
public sealed class DrugGlossary
{
    private readonly Dictionary<string, string> _canonical = new(StringComparer.Ordinal);
    private readonly List<(string[] Words, string Canonical)> _phrases = [];

    private DrugGlossary(IEnumerable<(string Canonical, IReadOnlyList<string> Names)> entries)
    {
        foreach (var (canonical, names) in entries)
        {
            Entries.Add(canonical, names);
            foreach (var name in names)
            {
                var words = Tokenizer.Tokenize(name).Select(TextFolding.Fold).ToArray();
                if (words.Length == 1)
                {
                    _canonical[words[0]] = canonical;
                }
                else if (words.Length > 1)
                {
                    _phrases.Add((words, canonical));
                }
            }
        }
    }

    public static DrugGlossary Default { get; } = Load();

    /// <summary>Canonical name → every name it goes by.</summary>
    public Dictionary<string, IReadOnlyList<string>> Entries { get; } = new(StringComparer.Ordinal);

    /// <summary>The substances a text names, by canonical name.</summary>
    public HashSet<string> Find(string text)
    {
        var words = Tokenizer.Tokenize(text).Select(TextFolding.Fold).ToArray();
        return Locate(words).Select(m => m.Canonical).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Every mention of a substance among folded words, with the index of its first word.</summary>
    public IEnumerable<(string Canonical, int Index)> Locate(IReadOnlyList<string> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (_canonical.TryGetValue(words[i], out var c))
            {
                yield return (c, i);
            }

            foreach (var (phrase, canonical) in _phrases)
            {
                if (i + phrase.Length <= words.Count && phrase.Select((w, k) => words[i + k] == w).All(x => x))
                {
                    yield return (canonical, i);
                }
            }
        }
    }

    private static DrugGlossary Load()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(EmbeddedResources.ReadText("glossary/drugs.yaml")));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        return new DrugGlossary(root.Children.Select(kv => (
            ((YamlScalarNode)kv.Key).Value!,
            (IReadOnlyList<string>)((YamlSequenceNode)kv.Value).Children.Select(n => ((YamlScalarNode)n).Value!).ToList())));
    }
}
