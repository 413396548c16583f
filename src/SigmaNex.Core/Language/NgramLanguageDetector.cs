using System.Globalization;

namespace SigmaNex.Core.Language;

/// <summary>
/// Detects the language of a text from its characters, without a model file: the writing system
/// first (Greek, Hebrew, Arabic, Devanagari each name one language; kana means Japanese), then, among
/// the languages sharing a script (Latin, Cyrillic, Han), a tempered naive-Bayes score over the text's
/// character 1–5-grams against ranked profiles (derived from libexttextcat), plus a penalty for each
/// letter a language does not write (ł is not Czech, ы is not Ukrainian), a bonus for each of its
/// most frequent words, and word-level evidence from dictionaries: a penalty for each word of the text
/// that a language's dictionary (a Bloom filter, see <see cref="WordSets"/>) does not know, weighted
/// fully up to <see cref="DictionaryWords"/> words and fading beyond, where the n-grams suffice.
/// </summary>
/// <remarks>
/// Covers ar, cs, da, de, el, en, es, fi, fr, he, hi, hu, it, ja, nl, pl, pt, ro, ru, sv, tr, uk, zh.
/// Returns <see cref="LanguageGuess.Undetermined"/> for fewer than three letters, for text in another
/// script, for text mixing scripts evenly, and when the best guess is less confident than
/// <see cref="MinimumConfidence"/>. Thread-safe; the profiles are loaded once, on first use.
/// </remarks>
public sealed class NgramLanguageDetector : ILanguageDetector
{
    private const int MaxScannedChars = 4096;
    private const int MaxGram = 5;

    private readonly Lazy<Model> _model;

    public NgramLanguageDetector()
        : this(null)
    {
    }

    internal NgramLanguageDetector(LanguageProfiles? profiles, WordSets? dictionaries = null)
    {
        _model = new Lazy<Model>(
            () => new Model(profiles ?? LanguageProfiles.Default, dictionaries ?? WordSets.Default, this),
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Below this confidence the answer is "und". Default 0.3.</summary>
    public double MinimumConfidence { get; init; } = 0.3;

    /// <summary>Fewest letters to guess from (a Han or kana character counts as two). Default 3.</summary>
    public int MinimumLetters { get; init; } = 3;

    /// <summary>Rank scale of the profile score: an n-gram at rank r scores -ln(1 + r / RankScale).</summary>
    public double RankScale { get; init; } = 80;

    /// <summary>Score of an n-gram missing from a language's profile.</summary>
    public double MissingPenalty { get; init; } = 2;

    /// <summary>Score of each letter a language does not write.</summary>
    public double LetterPenalty { get; init; } = 15;

    /// <summary>Score of each word of the text that is among a language's most frequent words.</summary>
    public double WordBonus { get; init; } = 5;

    /// <summary>
    /// Score of each word (two letters or more) that a language's dictionary does not know, while
    /// another language of the same script knows it. Default 10; 0 turns the word-level evidence off.
    /// </summary>
    public double UnknownWordPenalty { get; init; } = 10;

    /// <summary>
    /// Up to this many words the dictionary evidence counts in full; beyond, it is scaled by
    /// DictionaryWords / words, so that long texts rest on their n-grams. Default 8.
    /// </summary>
    public int DictionaryWords { get; init; } = 8;

    /// <summary>Temperature of the posterior: probabilities are proportional to exp(Sharpness × score).</summary>
    public double Sharpness { get; init; } = 0.5;

    /// <summary>The languages this detector can name.</summary>
    public IReadOnlyList<string> Languages => _model.Value.Profiles.Languages;

    public LanguageGuess Detect(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Undetermined([]);
        }

        var model = _model.Value;
        var span = text.AsSpan(0, Math.Min(text.Length, MaxScannedChars));
        var buffer = new char[span.Length + 2];
        var counts = new int[(int)Script.Count];
        var length = Normalise(span, buffer, counts);

        var cjk = counts[(int)Script.Han] + counts[(int)Script.Kana];
        var weight = counts.Sum() + cjk;
        if (weight < MinimumLetters)
        {
            return Undetermined([]);
        }

        var group = Script.Latin;
        var best = -1;
        foreach (var s in new[] { Script.Latin, Script.Cyrillic, Script.Greek, Script.Hebrew, Script.Arabic, Script.Devanagari, Script.Other })
        {
            if (counts[(int)s] > best)
            {
                (group, best) = (s, counts[(int)s]);
            }
        }

        if (cjk * 2 > best * 1)
        {
            (group, best) = (Script.Han, cjk * 2);
        }

        var share = (double)best / weight;
        if (group == Script.Other || share < 0.6)
        {
            return Undetermined([]);
        }

        var scored = group switch
        {
            Script.Greek => [("el", 1.0)],
            Script.Hebrew => [("he", 1.0)],
            Script.Arabic => [("ar", 1.0)],
            Script.Devanagari => [("hi", 1.0)],
            Script.Han when counts[(int)Script.Kana] * 10 >= cjk => [("ja", 1.0)],
            Script.Han => [("zh", 1.0)],
            _ => model.Score(buffer.AsSpan(0, length), group),
        };

        var candidates = scored
            .Select(s => (s.Language, Score: Math.Round(s.Probability * share, 3)))
            .Where(s => s.Score > 0)
            .OrderByDescending(s => s.Score)
            .ThenBy(s => s.Language, StringComparer.Ordinal)
            .Take(5)
            .ToList();
        if (candidates.Count == 0 || candidates[0].Score < MinimumConfidence)
        {
            return Undetermined(candidates);
        }

        return new LanguageGuess(candidates[0].Language, candidates[0].Score, candidates);
    }

    private static LanguageGuess Undetermined(IReadOnlyList<(string, double)> candidates) =>
        new(LanguageGuess.Undetermined, 0, candidates);

    /// <summary>
    /// Lower-cases the text into words padded with '_' ("_word_"), one '_' between words, and counts
    /// letters per script. Returns the length written to <paramref name="buffer"/>.
    /// </summary>
    private static int Normalise(ReadOnlySpan<char> text, char[] buffer, int[] counts)
    {
        var n = 0;
        buffer[n++] = '_';
        var inWord = false;
        foreach (var c in text)
        {
            var category = char.GetUnicodeCategory(c);
            var letter = char.IsLetter(c);
            var mark = category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
            if (letter || (mark && inWord))
            {
                if (letter)
                {
                    counts[(int)ScriptOf(c)]++;
                }

                buffer[n++] = c == '\u0130' ? 'i' : char.ToLowerInvariant(c);
                inWord = true;
            }
            else if (inWord)
            {
                buffer[n++] = '_';
                inWord = false;
            }
        }

        if (inWord)
        {
            buffer[n++] = '_';
        }

        return n;
    }

    internal static Script ScriptOf(char c) => c switch
    {
        <= '\u024F' => Script.Latin,
        >= '\u1E00' and <= '\u1EFF' => Script.Latin,
        >= '\u0370' and <= '\u03FF' => Script.Greek,
        >= '\u1F00' and <= '\u1FFF' => Script.Greek,
        >= '\u0400' and <= '\u052F' => Script.Cyrillic,
        >= '\u0590' and <= '\u05FF' => Script.Hebrew,
        >= '\u0600' and <= '\u06FF' => Script.Arabic,
        >= '\u0750' and <= '\u077F' => Script.Arabic,
        >= '\uFB50' and <= '\uFDFF' => Script.Arabic,
        >= '\uFE70' and <= '\uFEFF' => Script.Arabic,
        >= '\uFB1D' and <= '\uFB4F' => Script.Hebrew,
        >= '\u0900' and <= '\u097F' => Script.Devanagari,
        >= '\u3040' and <= '\u30FF' => Script.Kana,
        >= '\u31F0' and <= '\u31FF' => Script.Kana,
        >= '\uFF66' and <= '\uFF9F' => Script.Kana,
        >= '\u3400' and <= '\u4DBF' => Script.Han,
        >= '\u4E00' and <= '\u9FFF' => Script.Han,
        >= '\uF900' and <= '\uFAFF' => Script.Han,
        _ => Script.Other,
    };

    internal enum Script
    {
        Latin,
        Cyrillic,
        Greek,
        Hebrew,
        Arabic,
        Devanagari,
        Han,
        Kana,
        Other,
        Count,
    }

    /// <summary>The profiles arranged for scoring: per script, its languages, and a score per rank.</summary>
    private sealed class Model
    {
        private const string CyrillicBase = "абвгдежзийклмнопрстуфхцчшщьюя";

        private readonly Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _lookup;
        private readonly Dictionary<Script, int[]> _groups = [];
        private readonly double[] _rankScore;
        private readonly double _missing;
        private readonly double _letterPenalty;
        private readonly double _sharpness;
        private readonly double _wordBonus;
        private readonly double _unknownWord;
        private readonly int _dictionaryWords;
        private readonly WordSets.Filter?[] _dictionaries;
        private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>>?[] _words;
        private readonly HashSet<char>?[] _extra;
        private readonly Dictionary<char, char>?[] _folds;
        private readonly char[]?[] _foldKeys;

        public Model(LanguageProfiles profiles, WordSets dictionaries, NgramLanguageDetector settings)
        {
            Profiles = profiles;
            _lookup = profiles.Ranks.GetAlternateLookup<ReadOnlySpan<char>>();
            var maxRank = profiles.Ranks.Values.Max(r => r.Max());
            _rankScore = new double[maxRank + 1];
            for (var r = 1; r <= maxRank; r++)
            {
                _rankScore[r] = -Math.Log(1 + r / settings.RankScale);
            }

            _missing = -settings.MissingPenalty;
            _letterPenalty = settings.LetterPenalty;
            _sharpness = settings.Sharpness;
            _wordBonus = settings.WordBonus;
            _unknownWord = settings.UnknownWordPenalty;
            _dictionaryWords = Math.Max(1, settings.DictionaryWords);
            var languages = profiles.Languages;
            _dictionaries = settings.UnknownWordPenalty > 0 ? languages.Select(dictionaries.For).ToArray() : new WordSets.Filter?[languages.Length];
            _words = languages.Select(l => profiles.Words.TryGetValue(l, out var w) ? w.GetAlternateLookup<ReadOnlySpan<char>>() : (HashSet<string>.AlternateLookup<ReadOnlySpan<char>>?)null).ToArray();
            _extra = languages.Select(l => profiles.Alphabets.TryGetValue(l, out var a) ? a.Extra : null).ToArray();
            _folds = languages.Select(l => profiles.Folds.GetValueOrDefault(l)).ToArray();
            _foldKeys = _folds.Select(f => f?.Keys.ToArray()).ToArray();
            _groups[Script.Latin] = Indices(l => profiles.Alphabets.TryGetValue(l, out var a) && a.Script == "latin");
            _groups[Script.Cyrillic] = Indices(l => profiles.Alphabets.TryGetValue(l, out var a) && a.Script == "cyrillic");
            _groups[Script.Han] = Indices(l => l is "zh" or "ja");

            int[] Indices(Func<string, bool> which) => Enumerable.Range(0, languages.Length).Where(i => which(languages[i])).ToArray();
        }

        public LanguageProfiles Profiles { get; }

        public List<(string Language, double Probability)> Score(ReadOnlySpan<char> text, Script script)
        {
            var members = _groups[script];
            var scores = new double[members.Length];
            Span<char> folded = text.Length <= 1024 ? stackalloc char[text.Length] : new char[text.Length];
            for (var m = 0; m < members.Length; m++)
            {
                scoped ReadOnlySpan<char> source = text;
                if (_folds[members[m]] is { } fold && text.ContainsAny(_foldKeys[members[m]]))
                {
                    for (var i = 0; i < text.Length; i++)
                    {
                        folded[i] = fold.TryGetValue(text[i], out var f) ? f : text[i];
                    }

                    source = folded;
                }

                scores[m] = GramScore(source, members[m]) + LetterScore(text, script, members[m]) + WordScore(text, members[m]);
            }

            DictionaryScore(text, members, scores);

            var top = scores.Max();
            var weights = scores.Select(s => Math.Exp(_sharpness * (s - top))).ToArray();
            var total = weights.Sum();
            return members.Select((l, i) => (Profiles.Languages[l], weights[i] / total)).ToList();
        }

        private double GramScore(ReadOnlySpan<char> text, int language)
        {
            var score = 0.0;
            for (var start = 0; start < text.Length; start++)
            {
                for (var n = 1; n <= MaxGram && start + n <= text.Length; n++)
                {
                    var gram = text.Slice(start, n);
                    if (n == 1 && gram[0] == '_')
                    {
                        continue;
                    }

                    if (n > 2 && gram[1..^1].Contains('_'))
                    {
                        // Grams stay inside one padded word, as in the profiles.
                        break;
                    }

                    score += _lookup.TryGetValue(gram, out var ranks) && ranks[language] > 0 ? _rankScore[ranks[language]] : _missing;
                }
            }

            return score;
        }

        /// <summary>
        /// Adds to each member's score the penalty for the words its dictionary does not know. A word
        /// every dictionary knows (or none does) changes nothing; a member without a dictionary gets
        /// the members' mean penalty for the word.
        /// </summary>
        private void DictionaryScore(ReadOnlySpan<char> text, int[] members, double[] scores)
        {
            var words = 0;
            foreach (var range in text.Split('_'))
            {
                words += range.End.Value - range.Start.Value >= 2 ? 1 : 0;
            }

            if (words == 0 || members.All(m => _dictionaries[m] is null))
            {
                return;
            }

            var penalty = _unknownWord * Math.Min(1.0, (double)_dictionaryWords / words);
            Span<bool> known = members.Length <= 64 ? stackalloc bool[members.Length] : new bool[members.Length];
            foreach (var range in text.Split('_'))
            {
                var word = text[range];
                if (word.Length < 2)
                {
                    continue;
                }

                var hash = WordSets.Hash(word);
                int knowing = 0, having = 0;
                for (var m = 0; m < members.Length; m++)
                {
                    if (_dictionaries[members[m]] is { } filter)
                    {
                        having++;
                        known[m] = filter.MayContain(hash);
                        knowing += known[m] ? 1 : 0;
                    }
                }

                if (knowing == 0 || knowing == having)
                {
                    continue;
                }

                var mean = penalty * (having - knowing) / having;
                for (var m = 0; m < members.Length; m++)
                {
                    scores[m] -= _dictionaries[members[m]] is null ? mean : known[m] ? 0 : penalty;
                }
            }
        }

        private double WordScore(ReadOnlySpan<char> text, int language)
        {
            if (_words[language] is not { } words)
            {
                return 0;
            }

            var score = 0.0;
            foreach (var range in text.Split('_'))
            {
                if (range.End.Value > range.Start.Value && words.Contains(text[range]))
                {
                    score += _wordBonus;
                }
            }

            return score;
        }

        private double LetterScore(ReadOnlySpan<char> text, Script script, int language)
        {
            var extra = _extra[language];
            var score = 0.0;
            foreach (var c in text)
            {
                var foreign = script switch
                {
                    Script.Latin => ScriptOf(c) == Script.Latin && c is not ((>= 'a' and <= 'z') or '_') && (extra is null || !extra.Contains(c)),
                    Script.Cyrillic => ScriptOf(c) == Script.Cyrillic && !CyrillicBase.Contains(c) && (extra is null || !extra.Contains(c)),
                    _ => false,
                };
                if (foreign)
                {
                    score -= _letterPenalty;
                }
            }

            return score;
        }
    }
}
