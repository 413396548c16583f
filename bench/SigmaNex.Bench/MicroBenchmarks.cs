using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using SigmaNex.Core.Knowledge;
using SigmaNex.Core.Language;
using SigmaNex.Core.Retrieval.Embeddings;
using SigmaNex.Core.Retrieval.Vectors;
using SigmaNex.Core.Safety;
using SigmaNex.Core.Text;
using SigmaNex.Core.Triage;

namespace SigmaNex.Bench;

/// <summary>
/// BenchmarkDotNet micro-benchmarks of the per-query steps (run: <c>bench micro [--filter *Triage*]</c>).
/// The end-to-end figures at 10k/100k/1M chunks come from the <c>scale</c> harness.
/// </summary>
public static class MicroBenchmarks
{
    public static int Run(string[] args)
    {
        var config = DefaultConfig.Instance.WithOptions(ConfigOptions.DisableOptimizationsValidator);
        var summaries = BenchmarkSwitcher.FromTypes([typeof(QueryStepBenchmarks), typeof(ExactVectorBenchmarks)])
            .Run(args.Length == 0 ? ["--filter", "*"] : args, config);
        return summaries.Any(s => s.HasCriticalValidationErrors) ? 1 : 0;
    }
}

/// <summary>What every question pays before retrieval and after generation.</summary>
[MemoryDiagnoser]
public class QueryStepBenchmarks
{
    private const string Question = "my friend collapsed in the kitchen and is not breathing, what do I do";
    private const string Sentence = "Then rub some butter on the burn to soothe the pain.";
    private readonly TriageClassifier _triage = TriageClassifier.Default;
    private readonly BuiltinEmbeddingGenerator _embedder = new();
    private readonly SafetyChecker _checker = new(DrugGlossary.Default);
    private SafetyContext _context = null!;

    [GlobalSetup]
    public void Setup()
    {
        _triage.Classify(Question, "en");
        var burns = ProtocolLibrary.Load(Path.Combine(BenchEngine.RepoRoot, "knowledge")).Single(p => p.Id == "burns-scalds" && p.Language == "en");
        _context = new SafetyContext
        {
            Protocols = [burns],
            Grounding = string.Join(' ', burns.Steps),
            Language = "en",
            Medical = true,
            Contact = EmergencyNumbers.For("EU"),
            Phrases = Phrases.For("en"),
        };
    }

    [Benchmark]
    public object Triage() => _triage.Classify(Question, "en");

    [Benchmark]
    public object AnalyzeQuery() => TextAnalyzer.AnalyzeQuery(Question, ["en", "it"]);

    [Benchmark]
    public float[] EmbedQuery() => _embedder.Embed(Question);

    [Benchmark]
    public object SafetyCheckSentence() => _checker.CheckSentence(Sentence, _context);
}

/// <summary>Exact int8 vector search (top 60) over 10k, 100k and 1M random unit vectors of 384 dimensions.</summary>
[MemoryDiagnoser]
public class ExactVectorBenchmarks
{
    private VectorIndex _index = null!;
    private float[] _query = null!;

    [Params(10_000, 100_000, 1_000_000)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        const int dims = BuiltinEmbeddingGenerator.DefaultDimensions;
        var random = new Random(7);
        var data = new sbyte[Size * dims];
        var scales = new float[Size];
        var v = new float[dims];
        for (var i = 0; i < Size; i++)
        {
            Unit(random, v);
            var blob = Quantizer.Quantize(v);
            scales[i] = Quantizer.Scale(blob);
            for (var d = 0; d < dims; d++)
            {
                data[(i * dims) + d] = unchecked((sbyte)blob[4 + d]);
            }
        }

        _index = new VectorIndex(dims, data, scales);
        _query = new float[dims];
        Unit(random, _query);
    }

    [Benchmark]
    public int Search() => _index.Search(_query, 60).Count;

    private static void Unit(Random random, float[] v)
    {
        for (var d = 0; d < v.Length; d++)
        {
            v[d] = (float)((random.NextDouble() * 2) - 1);
        }

        var norm = MathF.Sqrt(v.Sum(x => x * x));
        for (var d = 0; d < v.Length; d++)
        {
            v[d] /= norm;
        }
    }
}
