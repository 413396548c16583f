namespace SigmaNex.Bench;

/// <summary>
/// The benchmark and tuning harness. Commands:
///   tune-retrieval [set.jsonl]   evaluate a grid of fusion settings on a labelled set (use a dev set)
///   triage-latency ["question" ...]   microseconds per Classify over every lexicon
///   train-triage [--hold-out NAME [--fraction F] [--epochs N --rate R --l2 X]] [--out-of-fold FILE] [--probe SET]
///       train triage's learned stage on the development messages and write it to
///       src/SigmaNex.Core/Resources/learned/triage.bin (with --hold-out: leave out files named *NAME*, report on them;
///       --out-of-fold: score every file with a model trained without its group; --probe: score a set with the shipped one)
///   micro [BenchmarkDotNet arguments, e.g. --filter *Triage*]   BenchmarkDotNet micro-benchmarks
///   scale [--sizes 10000,100000,1000000] [--queries 300]   search latency, build rate and memory at scale
///   ann-lab [--size 1000000] [--lists N] [--probes 16,32,...]   the approximate index alone: recall@10 against
///       exact search, share of rows scanned and latency per probe count (vectors cached in the temp folder)
///   medquad-eval [--archive path] [--qids path] [--json]   hit@1, hit@3, MRR@10, nDCG@10 on MedQuAD questions over
///       an answer-only corpus: hybrid, keyword-only and Lucene.Net's English BM25 in one run
///       (--sample N --seed S [--exclude qids] --out path draws a question list)
/// </summary>
public static class BenchApp
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: bench <tune-retrieval> [options]");
            return 2;
        }

        return args[0] switch
        {
            "tune-retrieval" => await RetrievalTuning.RunAsync(args[1..]).ConfigureAwait(false),
            "medquad-eval" => await MedQuadEval.RunAsync(args[1..]).ConfigureAwait(false),
            "scale" => await ScaleBenchmark.RunAsync(args[1..]).ConfigureAwait(false),
            "ann-lab" => AnnLab.Run(args[1..]),
            "fts-experiment" => FtsExperiment.Run(args[1..]),
            "triage-latency" => TriageLatency.Run(args[1..]),
            "train-triage" => TriageTraining.Run(args[1..]),
            "micro" => MicroBenchmarks.Run(args[1..]),
            "generate-overhead" => await GenerateOverhead.RunAsync(args[1..]).ConfigureAwait(false),
            "runner-profile" => await RunnerProfile.RunAsync(args[1..]).ConfigureAwait(false),
            _ => Usage(args[0]),
        };
    }

    private static int Usage(string command)
    {
        Console.Error.WriteLine($"unknown command {command}");
        return 2;
    }
}
