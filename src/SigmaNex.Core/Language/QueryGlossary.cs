using System.Collections.Frozen;
using SigmaNex.Core.Resources;
using SigmaNex.Core.Text;
using YamlDotNet.RepresentationModel;

namespace SigmaNex.Core.Language;

/// <summary>
/// Dictionary-based cross-language query translation (Resources/glossary/terms.yaml): maps the words and
/// phrases of a question in one language to search terms in another, so a Spanish, French, German or
/// Portuguese question can find the English and Italian protocols without a translation model.
/// Matching works on the tokens the search uses (<see cref="Tokenizer"/>), longest phrase first: as written,
/// then with accents folded by <see cref="TextFolding"/> ("lejia" = "lejía"), then by Snowball stem so inflected
/// forms ("picaduras", "quemaduras") still match. Stop words count inside phrases ("golpe de calor", "no respira")
/// but never match alone; German compounds are split into two known words.
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

        var words = index.Words(query);
        var content = words.Count(w => w.IsContent);
        if (content == 0)
        {
            return 0;
        }

        var covered = 0;
        foreach (var match in index.Match(words))
        {
            covered += match.ContentWords;
        }

        return (double)covered / content;
    }

    /// <summary>Terms in one language that belong to more than one concept (folded), with those concepts' first English terms.</summary>
    public IReadOnlyList<(string Language, string Term, IReadOnlyList<string> Concepts)> Ambiguities()
    {
        var found = new List<(string, string, IReadOnlyList<string>)>();
        foreach (var (language, index) in _languages.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            foreach (var (key, ids) in index.Folded.OrderBy(kv => kv.Key, StringComparer.Ordinal))
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

    private readonly record struct Match(int Start, int Length, int[] Concepts, int ContentWords);

    /// <summary>One query token: as typed (lower-case), folded, and its stem key; stop words are kept for phrases.</summary>
    private readonly record struct Word(string Lower, string Folded, string Stem, bool IsContent);

    /// <summary>Phrase lookups for one language, tried in order: accents as written, accents folded, stems.</summary>
    private sealed class LanguageIndex(
        string language,
        FrozenDictionary<string, int[]> written,
        FrozenDictionary<string, int[]> folded,
        FrozenDictionary<string, int[]> stemmed,
        FrozenSet<string> starters,
        int maxWords)
    {
        public FrozenDictionary<string, int[]> Folded => folded;

        public static List<Word> Words(string language, string text)
        {
            var words = new List<Word>();
            foreach (var token in Tokenizer.Tokenize(text))
            {
                var f = TextFolding.Fold(token);
                if (f.Length > 0)
                {
                    words.Add(new Word(token, f, StemKey(language, token, f), IsContent(language, f)));
                }
            }

            return words;
        }

        private const int MaxCachedWords = 50_000;

        // Lower-case token → its analysed word: queries repeat words, so each is folded and stemmed once.
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Word> _cache = new(StringComparer.Ordinal);

        public List<Word> Words(string text)
        {
            var words = new List<Word>();
            foreach (var token in Tokenizer.Tokenize(text))
            {
                if (!_cache.TryGetValue(token, out var word))
                {
                    var f = TextFolding.Fold(token);
                    if (f.Length == 0)
                    {
                        continue;
                    }

                    word = new Word(token, f, StemKey(language, token, f), IsContent(language, f));
                    if (_cache.Count < MaxCachedWords)
                    {
                        _cache.TryAdd(token, word);
                    }
                }

                words.Add(word);
            }

            return words;
        }

        public IEnumerable<Match> Match(string text) => Match(Words(text));

        /// <summary>
        /// Left to right, the longest known phrase at each position (a phrase needs one content word; a stop
        /// word alone never matches); a German word nothing matches is tried as a compound of two known words.
        /// </summary>
        public IEnumerable<Match> Match(List<Word> words)
        {
            var i = 0;
            while (i < words.Count)
            {
                Match? found = null;
                var content = 0;
                var w = words[i];
                var longest = starters.Contains(w.Folded) || starters.Contains(w.Stem) ? Math.Min(maxWords, words.Count - i) : 1;
                for (var length = longest; length >= 1 && found is null; length--)
                {
                    content = CountContent(words, i, length);
                    if (content == 0)
                    {
                        continue;
                    }

                    if (written.TryGetValue(Key(words, i, length, static w => w.Lower), out var ids)
                        || folded.TryGetValue(Key(words, i, length, static w => w.Folded), out ids)
                        || stemmed.TryGetValue(Key(words, i, length, static w => w.Stem), out ids))
                    {
                        found = new Match(i, length, ids, content);
                    }
                }

                if (found is null && words[i].IsContent && Decompound(words[i].Folded) is { } parts)
                {
                    found = new Match(i, 1, parts, 1);
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

        /// <summary>German compounds ("Wespenstiche" = "Wespen" + "Stiche"): both halves must be known words.</summary>
        private int[]? Decompound(string word)
        {
            if (language != "de" || word.Length < 7)
            {
                return null;
            }

            for (var split = word.Length - 3; split >= 3; split--)
            {
                if (Single(word[split..]) is not { } right)
                {
                    continue;
                }

                var head = word[..split];
                var left = Single(head);
                foreach (var linker in s_linkers)
                {
                    if (left is not null)
                    {
                        break;
                    }

                    if (head.Length - linker.Length >= 3 && head.EndsWith(linker, StringComparison.Ordinal))
                    {
                        left = Single(head[..^linker.Length]);
                    }
                }

                if (left is not null)
                {
                    return [.. left, .. right.Where(id => !left.Contains(id))];
                }
            }

            return null;
        }

        private static readonly string[] s_linkers = ["s", "n", "en", "e", "es", "er"];

        private int[]? Single(string foldedWord)
        {
            if (foldedWord.Length < 3 || !IsContent(language, foldedWord))
            {
                return null;
            }

            return folded.TryGetValue(foldedWord, out var ids) || stemmed.TryGetValue(StemKey(language, foldedWord, foldedWord), out ids) ? ids : null;
        }

        private static int CountContent(List<Word> words, int start, int length)
        {
            var n = 0;
            for (var k = start; k < start + length; k++)
            {
                if (words[k].IsContent)
                {
                    n++;
                }
            }

            return n;
        }

        private static string Key(List<Word> words, int start, int length, Func<Word, string> part)
        {
            if (length == 1)
            {
                return part(words[start]);
            }

            var parts = new string[length];
            for (var k = 0; k < length; k++)
            {
                parts[k] = part(words[start + k]);
            }

            return string.Join(' ', parts);
        }
    }

    private sealed class LanguageIndexBuilder(string language)
    {
        private readonly Dictionary<string, List<int>> _written = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<int>> _folded = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<int>> _stemmed = new(StringComparer.Ordinal);
        private readonly HashSet<string> _starters = new(StringComparer.Ordinal);
        private int _maxWords = 1;

        public void Add(string term, int concept)
        {
            var words = LanguageIndex.Words(language, term);
            if (!words.Any(w => w.IsContent))
            {
                return;
            }

            _maxWords = Math.Max(_maxWords, words.Count);
            if (words.Count > 1)
            {
                // The first word of a phrase, in every form a query may take, so single words skip phrase lookups.
                _starters.Add(words[0].Folded);
                _starters.Add(words[0].Stem);
                _starters.Add(StemKey(language, words[0].Folded, words[0].Folded));
            }

            AddTo(_written, string.Join(' ', words.Select(w => w.Lower)), concept);
            AddTo(_folded, string.Join(' ', words.Select(w => w.Folded)), concept);
            AddTo(_stemmed, string.Join(' ', words.Select(w => w.Stem)), concept);

            // A query typed without accents stems differently from the accented term ("lejia" vs "lejía").
            AddTo(_stemmed, string.Join(' ', words.Select(w => StemKey(language, w.Folded, w.Folded))), concept);
        }

        public LanguageIndex Build() =>
            new(language, Freeze(_written), Freeze(_folded), Freeze(_stemmed), _starters.ToFrozenSet(StringComparer.Ordinal), _maxWords);

        private static FrozenDictionary<string, int[]> Freeze(Dictionary<string, List<int>> map) =>
            map.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);

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
