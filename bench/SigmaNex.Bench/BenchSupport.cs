using System.Diagnostics;

namespace SigmaNex.Bench;

/// <summary>What the latency harnesses share: arguments, synthetic chunk text, timing and percentiles.</summary>
internal static class BenchSupport
{
    public static string Arg(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }

    /// <summary>A window of real text with some words swapped, so no two chunks are the same.</summary>
    public static string Window(string[][] texts, string[] words, Random random, int count)
    {
        var text = texts[random.Next(texts.Length)];
        var start = random.Next(Math.Max(1, text.Length - count));
        return string.Join(' ', text.Skip(start).Take(count).Select(w => random.NextDouble() < 0.15 ? words[random.Next(words.Length)] : w));
    }

    /// <summary>Milliseconds per call, in call order, after warming up on the first 30.</summary>
    public static List<double> Time(int count, Action<int> action)
    {
        for (var i = 0; i < Math.Min(30, count); i++)
        {
            action(i);
        }

        var list = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var sw = Stopwatch.StartNew();
            action(i);
            list.Add(sw.Elapsed.TotalMilliseconds);
        }

        return list;
    }

    /// <summary>The p-th percentile (0..1) of the times, nearest rank.</summary>
    public static double Percentile(IReadOnlyCollection<double> ms, double p)
    {
        var sorted = ms.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }
}
