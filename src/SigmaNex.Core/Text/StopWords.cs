using System.Collections.Frozen;
using SigmaNex.Core.Resources;

namespace SigmaNex.Core.Text;

/// <summary>Per-language function words, stored folded (no accents) so lookups can use folded tokens.</summary>
public static class StopWords
{
    private static readonly Lazy<FrozenDictionary<string, FrozenSet<string>>> s_lists = new(Load);

    public static FrozenSet<string> For(string language) =>
        s_lists.Value.TryGetValue(language, out var set) ? set : FrozenSet<string>.Empty;

    public static bool IsStopWord(string language, string foldedToken) => For(language).Contains(foldedToken);

    private static FrozenDictionary<string, FrozenSet<string>> Load()
    {
        var lists = new Dictionary<string, FrozenSet<string>>(StringComparer.Ordinal);
        foreach (var name in EmbeddedResources.List("stopwords"))
        {
            var lang = Path.GetFileNameWithoutExtension(name);
            var words = EmbeddedResources.ReadText(name)
                .Split('\n')
                .Where(l => !l.StartsWith('#'))
                .SelectMany(l => Tokenizer.Tokenize(l))
                .Select(TextFolding.Fold);
            lists[lang] = words.ToFrozenSet(StringComparer.Ordinal);
        }

        return lists.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
