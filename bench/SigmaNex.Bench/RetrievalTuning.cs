using System.Globalization;
using SigmaNex.Core.Evaluation;
using SigmaNex.Core.Retrieval;
using SigmaNex.Core.Storage;
using SigmaNex.Core.Triage;

namespace SigmaNex.Bench;

/// <summary>Evaluates fusion settings on a labelled set, so defaults are chosen by measurement (on a dev set).</summary>
public static class RetrievalTuning
{
    public static async Task<int> RunAsync(string[] args)
    {
        var set = args.Length > 0 ? args[0] : Path.Combine(BenchEngine.RepoRoot, "evals-dev", "retrieval-dev.jsonl");
        var cases = EvalSets.ReadRetrieval(set);
        await using var engine = await BenchEngine.StartAsync().ConfigureAwait(false);
        var store = engine.Get<KnowledgeStore>();
        var setup = engine.Get<SigmaNex.Core.Retrieval.Embeddings.EmbeddingSetup>();
        var embedder = setup.Generator;
        var space = setup.Space;
        var triage = TriageClassifier.Default;

        var grid = new List<(string Name, RetrievalWeights Weights, bool Hybrid)>
        {
            ("bm25 only", RetrievalWeights.Default with { Tags = 0, Hint = 0 }, false),
            ("bm25 + tags + hint", RetrievalWeights.Default, false),
        };
        var fusions = Environment.GetEnvironmentVariable("TUNE_RRF") is null ? new[] { FusionMethod.WeightedScore } : [FusionMethod.WeightedScore, FusionMethod.ReciprocalRank];
        foreach (var fusion in fusions)
        {
            var vectorGrid = Environment.GetEnvironmentVariable("TUNE_VECTORS") is { } list
                ? list.Split(',').Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray()
                : [0.25, 0.5, 1.0];
            foreach (var vector in vectorGrid)
            {
                foreach (var tags in new[] { 0.25, 0.5 })
                {
                    foreach (var other in new[] { 0.0, 0.3, 0.6 })
                    {
                        grid.Add(($"{fusion} v={vector} t={tags} o={other}", RetrievalWeights.Default with { Fusion = fusion, Vector = vector, Tags = tags, OtherChunks = other }, true));
                    }
                }
            }
        }

        Console.WriteLine($"set {set}: {cases.Count} queries");
        Console.WriteLine($"{"settings",-44} {"hit@1",6} {"hit@3",6} {"MRR",6} {"en@3",6} {"it@3",6}");
        foreach (var (name, weights, hybrid) in grid)
        {
            var retriever = new Retriever(store, embedder, space) { Weights = weights };
            var report = await new RetrievalEvaluator(retriever).EvaluateAsync(
                cases, hybrid, q => triage.Classify(q) is var t ? (t.Detected, t.ProtocolId) : default, CancellationToken.None).ConfigureAwait(false);
            string F(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);
            Console.WriteLine($"{name,-44} {F(report.Overall.HitAt1),6} {F(report.Overall.HitAt3),6} {F(report.Overall.MrrAt10),6} " +
                $"{F(report.ByLanguage.GetValueOrDefault("en")?.HitAt3 ?? 0),6} {F(report.ByLanguage.GetValueOrDefault("it")?.HitAt3 ?? 0),6}");
        }

        return 0;
    }
}
