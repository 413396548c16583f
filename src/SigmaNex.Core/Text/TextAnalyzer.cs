using System.Collections.Concurrent;
using System.Text;

namespace SigmaNex.Core.Text;

/// <summary>
/// The one analysis used for both indexing and querying: tokenize, drop stop words, stem in the
/// text's language, fold accents. Documents are analysed in their own language; queries in every
/// language the index holds (see <see cref="AnalyzeQuery"/>), so a misdetected language still matches.
/// </summary>
public static class TextAnalyzer
{
    private const int MaxCachedTokensPerLanguage = 400_000;

    // Per language: lower-case token → its term, or "" when the token is dropped (a stop word, a lone letter).
    private static readonly ConcurrentDictionary<string, ConcurrentDictionary<string, string>> s_terms = new(StringComparer.Ordinal);

    /// <summary>Terms of a text in one language, in order, duplicates kept (term frequency matters).</summary>
    public static List<string> Analyze(string? text, string language)
    {
        var terms = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            return terms;
        }

        foreach (var token in Tokenizer.Tokenize(text))
        {
            if (Term(token, language) is { } term)
            {
                terms.Add(term);
            }
        }

        return terms;
    }

    /// <summary>
    /// The terms of <see cref="Analyze"/> joined by spaces, as the keyword index stores them. Built for bulk
    /// indexing: tokens are not turned into strings, and each distinct token is analysed once per language.
    /// </summary>
    public static string AnalyzeToText(string? text, string language)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var cache = s_terms.GetOrAdd(language, _ => new ConcurrentDictionary<string, string>(StringComparer.Ordinal));
        var lookup = cache.GetAlternateLookup<ReadOnlySpan<char>>();
        var sb = new StringBuilder(text.Length);
        Span<char> buffer = stackalloc char[Tokenizer.MaxTokenLength];
        foreach (var raw in Tokenizer.EnumerateTokens(text))
        {
            var token = Tokenizer.Lower(raw, buffer);
            if (!lookup.TryGetValue(token, out var term))
            {
                var key = token.ToString();
                term = Term(key, language) ?? string.Empty;
                if (cache.Count < MaxCachedTokensPerLanguage)
                {
                    cache.TryAdd(key, term);
                }
            }

            if (term.Length > 0)
            {
                if (sb.Length > 0)
                {
                    sb.Append(' ');
                }

                sb.Append(term);
            }
        }

        return sb.ToString();
    }

    /// <summary>The indexed term of one lower-case token in a language; null when the token is not indexed.</summary>
    private static string? Term(string token, string language)
    {
        var folded = TextFolding.Fold(token);
        if (folded.Length == 0 || StopWords.IsStopWord(language, folded) || (folded.Length == 1 && !char.IsAsciiDigit(folded[0])))
        {
            return null;
        }

        return TextFolding.Fold(Stemmer.Stem(language, token));
    }

    /// <summary>
    /// Analyses a query in each of <paramref name="languages"/> (the query's own first): every content
    /// word keeps its forms in all of them, so a misdetected language still finds its documents. A word
    /// that is a stop word in the first language is dropped.
    /// </summary>
    public static QueryAnalysis AnalyzeQuery(string text, IReadOnlyList<string> languages)
    {
        var words = new List<string>();
        var variants = new List<IReadOnlyList<string>>();
        var seenWords = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in Tokenizer.Tokenize(text))
        {
            var folded = TextFolding.Fold(token);
            if (folded.Length == 0 || (folded.Length == 1 && !char.IsAsciiDigit(folded[0])) || !seenWords.Add(folded))
            {
                continue;
            }

            if (languages.Count > 0 && StopWords.IsStopWord(languages[0], folded))
            {
                continue;
            }

            var forms = new List<string>(languages.Count);
            foreach (var lang in languages)
            {
                if (StopWords.IsStopWord(lang, folded))
                {
                    continue;
                }

                var term = TextFolding.Fold(Stemmer.Stem(lang, token));
                if (!forms.Contains(term))
                {
                    forms.Add(term);
                }
            }

            if (forms.Count > 0)
            {
                words.Add(folded);
                variants.Add(forms);
            }
        }

        return new QueryAnalysis(words, variants);
    }
}
