using SigmaNex.Core.Resources;
using SigmaNex.Core.Text;
using YamlDotNet.RepresentationModel;

namespace SigmaNex.Core.Safety;

/// <summary>Medicines and substances with their names in several languages (Resources/glossary/drugs.yaml).</summary>
public sealed class DrugGlossary
{
    private readonly Dictionary<string, string> _canonical = new(StringComparer.Ordinal);
    /// <summary>Names of several words, by their first word.</summary>
    private readonly Dictionary<string, List<(string[] Words, string Canonical)>> _phrases = new(StringComparer.Ordinal);

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
                    if (!_phrases.TryGetValue(words[0], out var list))
                    {
                        _phrases[words[0]] = list = [];
                    }

                    list.Add((words, canonical));
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

            if (!_phrases.TryGetValue(words[i], out var candidates))
            {
                continue;
            }

            foreach (var (phrase, canonical) in candidates)
            {
                if (i + phrase.Length <= words.Count && Matches(words, i, phrase))
                {
                    yield return (canonical, i);
                }
            }
        }
    }

    private static bool Matches(IReadOnlyList<string> words, int start, string[] phrase)
    {
        for (var k = 1; k < phrase.Length; k++)
        {
            if (!string.Equals(words[start + k], phrase[k], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
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
