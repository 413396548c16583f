using System.Collections.Frozen;
using SigmaNex.Core.Resources;
using SigmaNex.Core.Text;
using YamlDotNet.RepresentationModel;

namespace SigmaNex.Core.Language;

/// <summary>
/// Dictionary-based cross-language query translation (Resources/glossary/terms.yaml): maps the words and
/// phrases of a question in one language to search terms in another, so a Spanish, French, German or
/// Portuguese question can find the English and Italian protocols without a translation model.
/// Matching works on the tokens the search uses (<see cref="Tokenizer"/>, accents folded by
/// <see cref="TextFolding"/>, stop words dropped), longest phrase first, with the Snowball stem as a fallback
/// so inflected forms ("picaduras", "gebissen") still match.
/// </summary>
public sealed class QueryGlossary
{
    private const string ResourcePath = "glossary/terms.yaml";

    private static readonly Lazy<QueryGlossary> s_default = new(() => Parse(EmbeddedResources.ReadText(ResourcePath)), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly IReadOnlyList<Concept> _concepts;
    private readonly FrozenDictionary<string, LanguageIndex> _languages;

    private QueryGlossary(IReadOnlyList<Concept> concepts)
    {
        _concepts = concepts;
        var builders = new Dictionary<string, LanguageIndexBuilder>(StringComparer.Ordinal);
        for (var id = 0; id < concepts.Count; id++)
        {
            foreach (var (language, terms) in concepts[id].Terms)
            {
                if (!builders.TryGetValue(language, out var builder))
                {
                    builder = new LanguageIndexBuilder(language);
                    builders[language] = builder;
                }

                foreach (var term in terms)
                {
                    builder.Add(term, id);
                }
            }
        }

        _languages = builders.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.Build(), StringComparer.Ordinal);
    }

    /// <summary>The glossary compiled into the Core assembly, loaded once on first use.</summary>
    public static QueryGlossary Default => s_default.Value;

    /// <summary>Every concept, in file order: language → its terms as written (accents intact).</summary>
    public IReadOnlyList<Concept> Concepts => _concepts;

    /// <summary>Languages with at least one term.</summary>
    public IReadOnlyCollection<string> Languages => _languages.Keys;

    /// <summary>Builds a glossary from YAML text in the terms.yaml format (a sequence of language → term list maps).</summary>
    public static QueryGlossary Parse(string yamlText)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(yamlText));
        var concepts = new List<Concept>();
        if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is not YamlSequenceNode root)
        {
            return new QueryGlossary(concepts);
        }

        foreach (var node in root.Children)
        {
            if (node is not YamlMappingNode map)
            {
                throw new FormatException($"glossary entry at {node.Start} is not a mapping");
            }

            var terms = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            foreach (var (key, value) in map.Children)
            {
                var language = ((YamlScalarNode)key).Value ?? string.Empty;
                terms[language] = value switch
                {
                    YamlSequenceNode list => list.Children.Select(n => ((YamlScalarNode)n).Value ?? string.Empty).ToList(),
                    YamlScalarNode single when !string.IsNullOrEmpty(single.Value) => [single.Value],
                    _ => [],
                };
            }

            concepts.Add(new Concept(terms, (int)map.Start.Line));
        }

        return new QueryGlossary(concepts);
    }

    /// <summary>True when the glossary has terms in <paramref name="language"/> (a two-letter code such as "es").</summary>
    public bool Supports(string language) => _languages.ContainsKey(language);

    /// <summary>
    /// The <paramref name="to"/>-language terms for the words and phrases of <paramref name="query"/> (in
    /// <paramref name="from"/>) that the glossary knows, in the order the query names them, without duplicates.
    /// Unknown words are skipped; an unsupported language gives an empty list.
    /// </summary>
    /// <param name="maxTermsPerConcept">How many target terms to give per matched concept (the first ones listed).</param>
    public IReadOnlyList<string> Translate(string query, string from, string to, int maxTermsPerConcept = int.MaxValue)
    {
        var result = new List<string>();
        if (string.IsNullOrWhiteSpace(query) || !_languages.TryGetValue(from, out var index) || !_languages.ContainsKey(to))
        {
            return result;
        }

        var seenConcepts = new HashSet<int>();
        var seenTerms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var match in index.Match(query))
        {
            foreach (var id in match.Concepts)
            {
                if (!seenConcepts.Add(id) || !_concepts[id].Terms.TryGetValue(to, out var terms))
                {
                    continue;
                }

                var taken = 0;
                foreach (var term in terms)
                {
                    if (taken >= maxTermsPerConcept)
                    {
                        break;
                    }

                    if (seenTerms.Add(term))
                    {
                        result.Add(term);
                    }

                    taken++;
                }
            }
        }

        return result;
    }

    /// <summary>
    /// Share of the query's content words (stop words and lone letters left out) that the glossary knows
    /// in <paramref name="from"/>: 1 when every word is covered by a known word or phrase, 0 for none or
    /// for a query without content words.
    /// </summary>
    public double Coverage(string query, string from)
    {
        if (string.IsNullOrWhiteSpace(query) || !_languages.TryGetValue(from, out var index))
        {
            return 0;
        }

        var words = index.ContentWords(query);
        if (words.Count == 0)
        {
            return 0;
        }

        var covered = 0;
        foreach (var match in index.Match(words))
        {
            covered += match.Length;
        }

        return (double)covered / words.Count;
    }

    /// <summary>Terms in one language that belong to more than one concept (folded), with those concepts' first English terms.</summary>
    public IReadOnlyList<(string Language, string Term, IReadOnlyList<string> Concepts)> Ambiguities()
    {
        var found = new List<(string, string, IReadOnlyList<string>)>();
        foreach (var (language, index) in _languages.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            foreach (var (key, ids) in index.Exact.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                if (ids.Length > 1)
                {
                    found.Add((language, key, ids.Select(i => _concepts[i].Label).ToList()));
                }
            }
        }

        return found;
    }

    /// <summary>One entry of the glossary: the same idea in each language.</summary>
    public sealed record Concept(IReadOnlyDictionary<string, IReadOnlyList<string>> Terms, int Line)
    {
        /// <summary>The first English term, or the first term of any language, for messages.</summary>
        public string Label => Terms.TryGetValue("en", out var en) && en.Count > 0 ? en[0] : Terms.Values.SelectMany(t => t).FirstOrDefault() ?? $"line {Line}";
    }

    private readonly record struct Match(int Start, int Length, int[] Concepts);

    private readonly record struct Word(string Folded, string Stem);

    private sealed class LanguageIndex(string language, FrozenDictionary<string, int[]> exact, FrozenDictionary<string, int[]> stemmed, int maxWords)
    {
        public FrozenDictionary<string, int[]> Exact => exact;

        public List<Word> ContentWords(string text)
        {
            var words = new List<Word>();
            foreach (var token in Tokenizer.Tokenize(text))
            {
                var folded = TextFolding.Fold(token);
                if (!IsContent(language, folded))
                {
                    continue;
                }

                words.Add(new Word(folded, StemKey(language, token, folded)));
            }

            return words;
        }

        public IEnumerable<Match> Match(string text) => Match(ContentWords(text));

        /// <summary>Left to right, the longest known phrase at each position; exact folded form before stem.</summary>
        public IEnumerable<Match> Match(List<Word> words)
        {
            var i = 0;
            while (i < words.Count)
            {
                Match? found = null;
                for (var length = Math.Min(maxWords, words.Count - i); length >= 1 && found is null; length--)
                {
                    if (exact.TryGetValue(Key(words, i, length, stem: false), out var ids)
                        || stemmed.TryGetValue(Key(words, i, length, stem: true), out ids))
                    {
                        found = new Match(i, length, ids);
                    }
                }

                if (found is { } match)
                {
                    yield return match;
                    i += match.Length;
                }
                else
                {
                    i++;
                }
            }
        }

        private static string Key(List<Word> words, int start, int length, bool stem)
        {
            if (length == 1)
            {
                return stem ? words[start].Stem : words[start].Folded;
            }

            return string.Join(' ', words.Skip(start).Take(length).Select(w => stem ? w.Stem : w.Folded));
        }
    }

    private sealed class LanguageIndexBuilder(string language)
    {
        private readonly Dictionary<string, List<int>> _exact = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<int>> _stemmed = new(StringComparer.Ordinal);
        private int _maxWords = 1;

        public void Add(string term, int concept)
        {
            var folded = new List<string>();
            var stems = new List<string>();
            foreach (var token in Tokenizer.Tokenize(term))
            {
                var f = TextFolding.Fold(token);
                if (IsContent(language, f))
                {
                    folded.Add(f);
                    stems.Add(StemKey(language, token, f));
                }
            }

            if (folded.Count == 0)
            {
                return;
            }

            _maxWords = Math.Max(_maxWords, folded.Count);
            AddTo(_exact, string.Join(' ', folded), concept);
            AddTo(_stemmed, string.Join(' ', stems), concept);
        }

        public LanguageIndex Build() => new(
            language,
            _exact.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal),
            _stemmed.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal),
            _maxWords);

        private static void AddTo(Dictionary<string, List<int>> map, string key, int concept)
        {
            if (!map.TryGetValue(key, out var list))
            {
                list = [];
                map[key] = list;
            }

            if (!list.Contains(concept))
            {
                list.Add(concept);
            }
        }
    }

    private static bool IsContent(string language, string folded) =>
        folded.Length > 0
        && (folded.Length > 1 || char.IsAsciiDigit(folded[0]))
        && !StopWords.IsStopWord(language, folded);

    /// <summary>The Snowball stem (folded) where the language has one, else the word without a plural -s/-es.</summary>
    private static string StemKey(string language, string token, string folded)
    {
        if (Stemmer.Supports(language))
        {
            return TextFolding.Fold(Stemmer.Stem(language, token));
        }

        if (folded.Length > 4 && folded.EndsWith("es", StringComparison.Ordinal))
        {
            return folded[..^2];
        }

        return folded.Length > 3 && folded.EndsWith('s') ? folded[..^1] : folded;
    }
}
