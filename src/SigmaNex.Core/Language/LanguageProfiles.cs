using System.Globalization;
using SigmaNex.Core.Resources;

namespace SigmaNex.Core.Language;

/// <summary>
/// The shipped language model of <see cref="NgramLanguageDetector"/>: the character n-gram profiles
/// (<c>Resources/language/profiles.txt</c>, derived from libexttextcat) and the letters each language
/// writes (<c>Resources/language/alphabets.txt</c>) and its most frequent words (<c>Resources/language/words.txt</c>). Loaded once, on first use.
/// </summary>
internal sealed class LanguageProfiles
{
    private static readonly Lazy<LanguageProfiles> s_default = new(() => Parse(
        EmbeddedResources.ReadText("language/profiles.txt"),
        EmbeddedResources.ReadText("language/alphabets.txt"),
        EmbeddedResources.ReadText("language/words.txt")), LazyThreadSafetyMode.ExecutionAndPublication);

    private LanguageProfiles(
        string[] languages,
        Dictionary<string, int[]> ranks,
        Dictionary<string, Dictionary<char, char>> folds,
        Dictionary<string, (string Script, HashSet<char> Extra)> alphabets,
        Dictionary<string, HashSet<string>> words)
    {
        Words = words;
        Languages = languages;
        Ranks = ranks;
        Folds = folds;
        Alphabets = alphabets;
    }

    public static LanguageProfiles Default => s_default.Value;

    /// <summary>The profiled languages, in the order of the rank arrays.</summary>
    public string[] Languages { get; }

    /// <summary>For each n-gram, its 1-based rank in each language's profile (0 when absent).</summary>
    public Dictionary<string, int[]> Ranks { get; }

    /// <summary>Letters a language's profile spells differently (Romanian without diacritics).</summary>
    public Dictionary<string, Dictionary<char, char>> Folds { get; }

    /// <summary>The script of each alphabetic language and the letters it writes beyond its script's shared set.</summary>
    public Dictionary<string, (string Script, HashSet<char> Extra)> Alphabets { get; }

    /// <summary>Very frequent words of each alphabetic language.</summary>
    public Dictionary<string, HashSet<string>> Words { get; }

    public static LanguageProfiles Parse(string profiles, string alphabets, string words)
    {
        var lines = profiles.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        var languages = new string[lines.Count];
        var ranks = new Dictionary<string, int[]>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Count; i++)
        {
            var tab = lines[i].IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0)
            {
                throw new InvalidOperationException($"language profiles line {i + 1}: expected 'lang<TAB>ngrams'");
            }

            languages[i] = lines[i][..tab];
            var rank = 0;
            foreach (var gram in lines[i][(tab + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                rank++;
                if (!ranks.TryGetValue(gram, out var row))
                {
                    ranks[gram] = row = new int[lines.Count];
                }

                if (row[i] == 0)
                {
                    row[i] = rank;
                }
            }
        }

        var folds = new Dictionary<string, Dictionary<char, char>>(StringComparer.Ordinal);
        var letters = new Dictionary<string, (string, HashSet<char>)>(StringComparer.Ordinal);
        foreach (var line in alphabets.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var parts = line.Split('\t');
            if (parts.Length < 3)
            {
                throw new InvalidOperationException($"language alphabets: expected 'script<TAB>lang<TAB>letters', got '{line}'");
            }

            letters[parts[1]] = (parts[0], parts[2].ToHashSet());
            if (parts.Length > 3 && parts[3].Split('=') is [var from, var to] && from.Length == to.Length)
            {
                folds[parts[1]] = from.Zip(to).ToDictionary(p => p.First, p => p.Second);
            }
        }

        var frequent = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var line in words.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var parts = line.Split('\t');
            if (parts.Length != 2)
            {
                throw new InvalidOperationException($"language words: expected 'lang<TAB>words', got '{line}'");
            }

            frequent[parts[0]] = parts[1].Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        }

        foreach (var lang in letters.Keys.Concat(frequent.Keys).Where(l => !languages.Contains(l)))
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"language alphabets: '{lang}' has no profile"));
        }

        return new LanguageProfiles(languages, ranks, folds, letters, frequent);
    }
}
