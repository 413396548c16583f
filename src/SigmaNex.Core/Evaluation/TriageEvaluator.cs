using System.Text.Json;
using SigmaNex.Core.Triage;

namespace SigmaNex.Core.Evaluation;

/// <summary>
/// Measures triage on labelled messages: recall on emergencies, false-positive rate on the rest, and
/// category accuracy on the emergencies caught — overall and per language.
/// </summary>
public static class TriageEvaluator
{
    public sealed record Case(string Text, string Language, bool Emergency, string? Category, string Kind);

    public sealed record Metrics(int Emergencies, int NonEmergencies, double Recall, double FalsePositiveRate, double CategoryAccuracy);

    public sealed record Miss(string Text, string Language, string Expected, string Got);

    public sealed record Report(Metrics Overall, IReadOnlyDictionary<string, Metrics> ByLanguage, IReadOnlyDictionary<string, Metrics> ByKind, IReadOnlyList<Miss> Misses);

    public static IReadOnlyList<Case> Read(string path)
    {
        var cases = new List<Case>();
        var n = 0;
        foreach (var line in EvalSets.ReadLines(path))
        {
            n++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            try
            {
                using var doc = JsonDocument.Parse(line);
                var r = doc.RootElement;
                cases.Add(new Case(
                    r.GetProperty("text").GetString()!,
                    r.GetProperty("lang").GetString()!,
                    r.GetProperty("emergency").GetBoolean(),
                    r.TryGetProperty("category", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null,
                    r.TryGetProperty("kind", out var k) ? k.GetString() ?? string.Empty : string.Empty));
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                throw SigmaException.Input($"{path} line {n}: {ex.Message}");
            }
        }

        return cases;
    }

    public static Report Evaluate(IReadOnlyList<Case> cases, TriageClassifier triage)
    {
        var results = cases.Select(c => (Case: c, Result: triage.Classify(c.Text, c.Language))).ToList();
        Metrics Of(IEnumerable<(Case Case, TriageResult Result)> subset)
        {
            var list = subset.ToList();
            var emergencies = list.Where(x => x.Case.Emergency).ToList();
            var others = list.Where(x => !x.Case.Emergency).ToList();
            var caught = emergencies.Where(x => x.Result.Detected).ToList();
            return new Metrics(
                emergencies.Count,
                others.Count,
                Ratio(caught.Count, emergencies.Count),
                Ratio(others.Count(x => x.Result.Detected), others.Count),
                Ratio(caught.Count(x => x.Result.Category == x.Case.Category), caught.Count));
        }

        var misses = results
            .Where(x => x.Case.Emergency != x.Result.Detected || (x.Case.Emergency && x.Result.Category != x.Case.Category))
            .Select(x => new Miss(x.Case.Text, x.Case.Language, x.Case.Emergency ? x.Case.Category! : "none", x.Result.Detected ? x.Result.Category! : "none"))
            .ToList();
        return new Report(
            Of(results),
            results.GroupBy(x => x.Case.Language).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => Of(g)),
            results.GroupBy(x => x.Case.Kind).Where(g => g.Key.Length > 0).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => Of(g)),
            misses);
    }

    private static double Ratio(int a, int b) => b == 0 ? 0 : Math.Round((double)a / b, 4);
}
