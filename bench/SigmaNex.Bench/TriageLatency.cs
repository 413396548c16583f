using System.Diagnostics;
using System.Globalization;
using SigmaNex.Core.Triage;

namespace SigmaNex.Bench;

/// <summary>Triage latency: the whole Classify, on every lexicon, for questions of about 15 words.</summary>
public static class TriageLatency
{
    public static int Run(string[] args)
    {
        string[] questions = args.Length > 0 ? args :
        [
            "what should I do if my father suddenly has strong pain in the chest and left arm",
            "how do I purify water from a river when there is no fire and no chlorine tablets",
            "mi hijo de cinco años se ha caído a la piscina y ahora no respira bien",
            "comment faire un massage cardiaque sur un adulte qui ne respire plus du tout",
            "wie mache ich eine Herzdruckmassage bei einem Kind das nicht mehr atmet",
            "mio padre ha un dolore fortissimo al petto e suda freddo da dieci minuti",
        ];

        var load = Stopwatch.StartNew();
        var triage = TriageClassifier.Default;
        triage.Classify("warm up");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"lexicons {string.Join(", ", triage.Languages)} loaded and indexed in {load.Elapsed.TotalMilliseconds:F0} ms"));

        // Again, warm (no JIT): how the start-up cost splits between reading the YAML and indexing the patterns.
        var parse = Stopwatch.StartNew();
        var lexicons = TriageLexicon.LoadAll();
        parse.Stop();
        var index = Stopwatch.StartNew();
        _ = new TriageClassifier(lexicons);
        index.Stop();
        var learned = Stopwatch.StartNew();
        _ = TriageModel.LoadDefault();
        learned.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warm: learned stage read in {learned.Elapsed.TotalMilliseconds:F0} ms"));
        var all = lexicons.SelectMany(l => l.Patterns.Concat(l.Idioms).Concat(l.Frames).Concat(l.Resolved).Concat(l.Past)).ToList();
        var distinctWords = all.SelectMany(p => p.Atoms).Select(a => a.Key).Distinct().Count();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warm: parsing {parse.Elapsed.TotalMilliseconds:F0} ms, indexing {index.Elapsed.TotalMilliseconds:F0} ms ({all.Count} patterns, {distinctWords} distinct words)"));

        const int Runs = 20_000;
        foreach (var question in questions)
        {
            for (var i = 0; i < 2_000; i++)
            {
                triage.Classify(question);
            }

            var clock = Stopwatch.StartNew();
            for (var i = 0; i < Runs; i++)
            {
                triage.Classify(question);
            }

            var result = triage.Classify(question);
            var words = question.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{clock.Elapsed.TotalMicroseconds / Runs,7:F1} us  {words,2} words  {(result.Detected ? result.Category : "-"),-20} {question}"));
        }

        return 0;
    }
}
