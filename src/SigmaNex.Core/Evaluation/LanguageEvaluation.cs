using SigmaNex.Core.Language;

namespace SigmaNex.Core.Evaluation;

/// <summary>
/// Measures language detection on labelled texts (TSV: <c>lang&lt;TAB&gt;text[&lt;TAB&gt;kind]</c>):
/// accuracy overall, per language and per kind, and the most frequent confusions.
/// </summary>
/// <remarks>
/// The kind is the third column when there is one (<c>sentence</c> or <c>query</c>); otherwise a file
/// whose name contains "quer" holds queries and any other holds sentences. Sentences shorter than
/// <see cref="ShortSentence"/> characters are reported apart, as <c>short</c>.
/// </remarks>
public static class LanguageEvaluation
{
    /// <summary>Sentences shorter than this many characters are counted as kind "short".</summary>
    public const int ShortSentence = 20;

    public sealed record Case(string Text, string Language, string Kind);

    public sealed record Metrics(int Texts, int Correct, int Undetermined, double Accuracy);

    public sealed record Confusion(string Expected, string Got, int Count, string Example);

    public sealed record Miss(string Text, string Expected, string Got, double Confidence);

    public sealed record Report(
        Metrics Overall,
        IReadOnlyDictionary<string, Metrics> ByLanguage,
        IReadOnlyDictionary<string, Metrics> ByKind,
        IReadOnlyList<Confusion> Confusions,
        IReadOnlyList<Miss> Misses);

    public static IReadOnlyList<Case> Read(string path)
    {
        var fileKind = Path.GetFileName(path).Contains("quer", StringComparison.OrdinalIgnoreCase) ? "query" : "sentence";
        var cases = new List<Case>();
        var n = 0;
        foreach (var line in EvalSets.ReadLines(path))
        {
            n++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split('\t');
            if (parts.Length < 2 || parts[0].Length == 0 || parts[1].Trim().Length == 0)
            {
                throw SigmaException.Input($"{path} line {n}: expected 'lang<TAB>text[<TAB>kind]'");
            }

            var kind = parts.Length > 2 && parts[2].Trim().Length > 0 ? parts[2].Trim().ToLowerInvariant() : fileKind;
            if (kind is not ("sentence" or "query"))
            {
                throw SigmaException.Input($"{path} line {n}: kind must be 'sentence' or 'query', not '{parts[2]}'");
            }

            var text = parts[1].Trim();
            if (kind == "sentence" && text.Length < ShortSentence)
            {
                kind = "short";
            }

            cases.Add(new Case(text, parts[0].Trim().ToLowerInvariant(), kind));
        }

        return cases;
    }

    public static Report Evaluate(IReadOnlyList<Case> cases, ILanguageDetector detector)
    {
        var results = cases.Select(c => (Case: c, Guess: detector.Detect(c.Text))).ToList();
        static Metrics Of(IEnumerable<(Case Case, LanguageGuess Guess)> subset)
        {
            var list = subset.ToList();
            var correct = list.Count(x => x.Guess.Language == x.Case.Language);
            return new Metrics(list.Count, correct, list.Count(x => !x.Guess.IsKnown), list.Count == 0 ? 0 : Math.Round((double)correct / list.Count, 4));
        }

        var wrong = results.Where(x => x.Guess.Language != x.Case.Language).ToList();
        var confusions = wrong
            .GroupBy(x => (x.Case.Language, x.Guess.Language))
            .Select(g => new Confusion(g.Key.Item1, g.Key.Item2, g.Count(), g.First().Case.Text))
            .OrderByDescending(c => c.Count)
            .ThenBy(c => c.Expected, StringComparer.Ordinal)
            .ThenBy(c => c.Got, StringComparer.Ordinal)
            .ToList();
        return new Report(
            Of(results),
            results.GroupBy(x => x.Case.Language).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => Of(g)),
            results.GroupBy(x => x.Case.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => Of(g)),
            confusions,
            wrong.Select(x => new Miss(x.Case.Text, x.Case.Language, x.Guess.Language, x.Guess.Confidence)).ToList());
    }
}
