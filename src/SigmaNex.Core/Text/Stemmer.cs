using System.Collections.Concurrent;
using Lucene.Net.Tartarus.Snowball;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace SigmaNex.Core.Text;

/// <summary>
/// Snowball stemming per language (the algorithms as packaged by Lucene.Net), with a shared cache:
/// a corpus has far fewer distinct words than tokens, so each word is stemmed about once.
/// </summary>
public static class Stemmer
{
    private const int MaxCachedWordsPerLanguage = 400_000;

    private static readonly Dictionary<string, Func<SnowballProgram>> s_factories = new(StringComparer.Ordinal)
    {
        ["en"] = () => new EnglishStemmer(),
        ["it"] = () => new ItalianStemmer(),
        ["es"] = () => new SpanishStemmer(),
        ["fr"] = () => new FrenchStemmer(),
        ["de"] = () => new German2Stemmer(),
        ["pt"] = () => new PortugueseStemmer(),
        ["nl"] = () => new DutchStemmer(),
        ["sv"] = () => new SwedishStemmer(),
        ["da"] = () => new DanishStemmer(),
        ["no"] = () => new NorwegianStemmer(),
        ["fi"] = () => new FinnishStemmer(),
        ["ro"] = () => new RomanianStemmer(),
        ["ru"] = () => new RussianStemmer(),
        ["tr"] = () => new TurkishStemmer(),
        ["hu"] = () => new HungarianStemmer(),
    };

    private static readonly ConcurrentDictionary<string, ConcurrentDictionary<string, string>> s_cache = new(StringComparer.Ordinal);

    [ThreadStatic]
    private static Dictionary<string, SnowballProgram>? t_programs;

    public static bool Supports(string language) => s_factories.ContainsKey(language);

    /// <summary>Stems a lower-case word (accents intact); returns the word itself for unsupported languages.</summary>
    public static string Stem(string language, string word)
    {
        if (!s_factories.TryGetValue(language, out var factory) || word.Length < 3 || char.IsAsciiDigit(word[0]))
        {
            return word;
        }

        var cache = s_cache.GetOrAdd(language, _ => new ConcurrentDictionary<string, string>(StringComparer.Ordinal));
        if (cache.TryGetValue(word, out var cached))
        {
            return cached;
        }

        t_programs ??= new Dictionary<string, SnowballProgram>(StringComparer.Ordinal);
        if (!t_programs.TryGetValue(language, out var program))
        {
            program = factory();
            t_programs[language] = program;
        }

        program.SetCurrent(word);
        program.Stem();
        var stem = program.Current;
        if (cache.Count < MaxCachedWordsPerLanguage)
        {
            cache.TryAdd(word, stem);
        }

        return stem;
    }
}
