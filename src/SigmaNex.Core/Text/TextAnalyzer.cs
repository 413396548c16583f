namespace SigmaNex.Core.Text;

/// <summary>
/// The one analysis used for both indexing and querying: tokenize, drop stop words, stem in the
/// text's language, fold accents. Documents are analysed in their own language; queries in every
/// language the index holds (see <see cref="AnalyzeQuery"/>), so a misdetected language still matches.
/// </summary>
public static class TextAnalyzer
{
    /// <summary>Terms of a text in one language, in order, duplicates kept (term frequency matters).</summary>
    public static List<string> Analyze(string? text, string language)
    {
        var terms = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            return terms;
        }

        var stop = StopWords.For(language);
        foreach (var token in Tokenizer.Tokenize(text))
        {
            var folded = TextFolding.Fold(token);
            if (folded.Length == 0 || stop.Contains(folded) || (folded.Length == 1 && !char.IsAsciiDigit(folded[0])))
            {
                continue;
            }

            terms.Add(TextFolding.Fold(Stemmer.Stem(language, token)));
        }

        return terms;
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
