using System.Diagnostics;
using System.Globalization;
using SigmaNex.Core.Evaluation;
using SigmaNex.Core.Triage;

namespace SigmaNex.Bench;

/// <summary>
/// Trains triage's learned stage on the development messages (evals/triage/dev.jsonl, evals-dev/triage-*.jsonl; never
/// the held-out evals/triage/test*.jsonl) and writes src/SigmaNex.Core/Resources/learned/triage.bin.
/// <c>--hold-out NAME</c> leaves out the development files whose name contains NAME and, instead of writing the
/// model, reports on them: the learned stage alone at several thresholds, and with the current rules (which, if they
/// were tuned on those files, flatter the rules), the rules with the learned alarms, and with its vetoes too;
/// <c>--fraction F</c> trains on that share of the rest (a learning curve). <c>--out-of-fold FILE</c> writes, for every
/// development message, the scores of a model trained without its group of files (a round's files, all languages), with
/// the rules' verdict: what the veto's and alarm's limits are chosen on. <c>--probe SET</c> prints the shipped model's
/// scores for a labelled set.
/// </summary>
public static class TriageTraining
{
    public static int Run(string[] args)
    {
        var root = BenchEngine.RepoRoot;
        if (args.SkipWhile(a => a != "--probe").Skip(1).FirstOrDefault() is { } probe)
        {
            // The shipped model's score for each message of a labelled set: score, score around the rules' evidence, words,
            // label, rules' verdict, no pattern matched, rules' category, learned category, text.
            var shippedModel = TriageModel.LoadDefault() ?? throw new InvalidOperationException("no shipped triage model");
            var rulesOnly = TriageClassifier.Default.RulesOnly;
            foreach (var c in TriageEvaluator.Read(probe))
            {
                var p = shippedModel.Probability(TriageModel.Features(c.Text));
                var r = rulesOnly.Classify(c.Text, c.Language);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{p:F4}\t{Near(shippedModel, c.Text, r):F4}\t{TriageModel.WordCount(c.Text)}\t{(c.Emergency ? 1 : 0)}\t{(r.Detected ? 1 : 0)}\t{(r.Unmatched ? 1 : 0)}\t{r.Category}\t{shippedModel.Category(TriageModel.Features(c.Text)).Category}\t{c.Text}"));
            }

            return 0;
        }

        if (args.SkipWhile(a => a != "--out-of-fold").Skip(1).FirstOrDefault() is { } oofPath)
        {
            return OutOfFold(root, oofPath);
        }

        var holdOut = args.SkipWhile(a => a != "--hold-out").Skip(1).FirstOrDefault();
        var files = TriageModelTrainer.DevelopmentFiles(root);
        var train = files.Where(f => holdOut is null || !Path.GetFileName(f).Contains(holdOut, StringComparison.Ordinal)).ToList();
        var held = files.Except(train).ToList();
        var examples = train.SelectMany(TriageEvaluator.Read).Select(c => new TriageModelTrainer.Example(c.Text, c.Emergency, c.Category)).ToList();
        if (args.SkipWhile(a => a != "--fraction").Skip(1).FirstOrDefault() is { } fraction)
        {
            // A learning curve: train on every k-th message only.
            var every = (int)Math.Round(1 / double.Parse(fraction, CultureInfo.InvariantCulture));
            examples = examples.Where((_, i) => i % every == 0).ToList();
        }

        var clock = Stopwatch.StartNew();
        string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        double Number(string name, double fallback) => Option(name) is { } v ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var model = TriageModelTrainer.Train(examples, epochs: (int)Number("--epochs", 12), rate: Number("--rate", 0.5), l2: Number("--l2", 1e-6));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"trained on {examples.Count} messages from {train.Count} files in {clock.Elapsed.TotalSeconds:F1} s"));

        // What ships is the 8-bit copy: measure that one.
        using var buffer = new MemoryStream();
        model.Write(buffer);
        buffer.Position = 0;
        var shipped = TriageModel.Read(buffer);
        var drift = examples.Max(e => Math.Abs(model.Probability(TriageModel.Features(e.Text)) - shipped.Probability(TriageModel.Features(e.Text))));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{buffer.Length / 1024} KB; largest probability change from 8-bit weights {drift:F4}"));

        if (held.Count > 0)
        {
            var cases = held.SelectMany(TriageEvaluator.Read).ToList();
            Console.WriteLine($"held out: {cases.Count} messages from {string.Join(", ", held.Select(Path.GetFileName))}");
            foreach (var threshold in new[] { 0.3, 0.5, 0.7 })
            {
                Report($"learned alone, p >= {threshold}", cases, c => shipped.Probability(TriageModel.Features(c.Text)) >= threshold);
            }

            var rules = TriageClassifier.Default.RulesOnly;
            Report("current rules alone", cases, c => rules.Classify(c.Text, c.Language).Detected);
            // The classifier as it would ship with this model: rules, learned alarms where no pattern matched, vetoes.
            var combined = new TriageClassifier(TriageLexicon.LoadAll(), shipped);
            Report("rules + learned alarms, no veto", cases, c => combined.Classify(c.Text, c.Language) is var r && (r.Detected || r.Decision == "veto"));
            Report("rules + learned (alarms and vetoes)", cases, c => combined.Classify(c.Text, c.Language).Detected);
            var labelled = cases.Where(c => c.Emergency && c.Category is not null).ToList();
            var right = labelled.Count(c => shipped.Category(TriageModel.Features(c.Text)).Category == c.Category);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  learned category of the emergencies: {right / (double)Math.Max(1, labelled.Count):F3} right"));
            return 0;
        }

        var output = Path.Combine(root, "src", "SigmaNex.Core", "Resources", TriageModel.ResourcePath);
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        File.WriteAllBytes(output, buffer.ToArray());
        Console.WriteLine($"wrote {output}");
        return 0;
    }

    private static int OutOfFold(string root, string output)
    {
        var files = TriageModelTrainer.DevelopmentFiles(root);
        var families = files.GroupBy(f => System.Text.RegularExpressions.Regex.Replace(Path.GetFileNameWithoutExtension(f), "-(de|en|es|fr|it)$", "")).ToList();
        var rules = TriageClassifier.Default.RulesOnly;
        using var writer = new StreamWriter(output);
        foreach (var family in families)
        {
            var train = files.Except(family).SelectMany(TriageEvaluator.Read).Select(c => new TriageModelTrainer.Example(c.Text, c.Emergency, c.Category)).ToList();
            var model = TriageModelTrainer.Train(train);
            foreach (var c in family.SelectMany(TriageEvaluator.Read))
            {
                var f = TriageModel.Features(c.Text);
                var r = rules.Classify(c.Text, c.Language);
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{model.Probability(f):F4}\t{Near(model, c.Text, r):F4}\t{TriageModel.WordCount(c.Text)}\t{(c.Emergency ? 1 : 0)}\t{(r.Detected ? 1 : 0)}\t{(r.Unmatched ? 1 : 0)}\t{r.Category}\t{r.Severity}\t{r.Evidence.Count}\t{string.Join('|', r.Evidence)}\t{family.Key}\t{c.Language}\t{c.Kind}\t{model.Category(f).Category}\t{c.Text}"));
            }

            Console.WriteLine($"{family.Key}: {train.Count} training messages");
        }

        return 0;
    }

    // The score of the words around the rules' evidence, as the veto reads them (-1 when nothing matched).
    private static double Near(TriageModel model, string text, TriageResult rules) =>
        TriageModel.Around(text, rules.Evidence, TriageClassifier.VetoReach) is { } near ? model.Probability(TriageModel.Features(near)) : -1;

    private static void Report(string name, IReadOnlyList<TriageEvaluator.Case> cases, Func<TriageEvaluator.Case, bool> detected)
    {
        var emergencies = cases.Where(c => c.Emergency).ToList();
        var others = cases.Where(c => !c.Emergency).ToList();
        var recall = emergencies.Count(detected) / (double)Math.Max(1, emergencies.Count);
        var falseAlarms = others.Count(detected) / (double)Math.Max(1, others.Count);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-52} recall {recall:F3}  false positives {falseAlarms:F3}"));
    }
}
