using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SigmaNex.Core;
using SigmaNex.Core.Configuration;
using SigmaNex.Core.Knowledge;
using SigmaNex.Core.Pipeline;
using SigmaNex.Core.Retrieval;
using SigmaNex.Core.Retrieval.Embeddings;
using SigmaNex.Core.Retrieval.Vectors;
using SigmaNex.Core.Storage;
using SigmaNex.Core.Text;
using SigmaNex.Tests;
using Microsoft.Data.Sqlite;

using static SigmaNex.Bench.BenchSupport;

namespace SigmaNex.Bench;

/// <summary>
/// Search at scale: builds a store of N synthetic chunks whose words follow MedQuAD's word distribution,
/// then times keyword, vector (exact and approximate) and hybrid search on real MedQuAD questions, and the
/// Runner's own overhead against a zero-latency model server.
/// </summary>
public static class ScaleBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var sizes = Arg(args, "--sizes", "10000,100000,1000000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var queryCount = int.Parse(Arg(args, "--queries", "300"), CultureInfo.InvariantCulture);
        s_annProbes = Arg(args, "--ann-probes", string.Empty) is { Length: > 0 } ap ? ap : null;
        s_annIndex = Arg(args, "--ann-index", string.Empty) is { Length: > 0 } ai ? ai : null;
        s_weights = Arg(args, "--weights", "0.5,0.6,0.7,1.0").Split(',').Select(w => double.Parse(w, CultureInfo.InvariantCulture)).ToArray();
        s_probes = Arg(args, "--probes", "16,48,96,160,256").Split(',').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        Console.WriteLine($"# scale benchmark, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd}");
        var (questions, answers) = MedQuadText.Load();
        var words = answers.SelectMany(a => Tokenizer.Tokenize(a)).Where(w => w.Length > 1).ToArray();
        var random = new Random(42);
        var queries = Enumerable.Range(0, queryCount).Select(_ => questions[random.Next(questions.Count)]).ToList();
        var texts = answers.Select(a => a.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(a => a.Length >= 20).ToArray();
        Console.WriteLine($"chunks: 80-word windows of {texts.Length:N0} MedQuAD answers with 15% of words replaced from their distribution ({words.Length:N0} words); queries: {queryCount:N0} MedQuAD questions");

        foreach (var size in sizes)
        {
            await RunSizeAsync(size, words, texts, queries, random).ConfigureAwait(false);
        }

        return 0;
    }

    private static async Task RunSizeAsync(int size, string[] words, string[][] texts, List<string> queries, Random random)
    {
        using var temp = new TempDirectory("scale");
        if (Environment.GetEnvironmentVariable("SCALE_KEEP") is { } keep)
        {
            Console.WriteLine($"(store kept: copy of {temp.Path} goes to {keep} at the end)");
        }

        var env = SigmaEnvironment.FromProcess() with
        {
            Variables = new Dictionary<string, string>(SigmaEnvironment.FromProcess().Variables)
            {
                [SigmaPaths.HomeVariable] = temp.Path,
                [SigmaPaths.RootVariable] = temp.Folder("no-library"),
            },
        };
        await using var server = await FakeModelServer.StartAsync().ConfigureAwait(false);
        server.Answer = "Answer.";
        var overrides = new Dictionary<string, string?>
        {
            ["ollama:host"] = server.BaseUri.ToString(),
            ["knowledge_dir"] = temp.Folder("no-library"),
            ["history:enabled"] = "false",
            // Every timed query does the work: the result cache would answer repeats from memory.
            ["retrieval:cache"] = "false",
        };
        if (s_annIndex is not null)
        {
            overrides["retrieval:ann_index"] = s_annIndex;
        }

        if (s_annProbes is not null)
        {
            overrides["retrieval:ann_probes"] = s_annProbes;
        }

        var config = ConfigLoader.Load(env, null, overrides);
        await using var services = new ServiceCollection().AddSigmaNex(config).BuildServiceProvider();
        var store = services.GetRequiredService<KnowledgeStore>();
        var setup = services.GetRequiredService<EmbeddingSetup>();
        var indexer = services.GetRequiredService<DocumentIndexer>();

        // Build: analyse, embed and write N chunks in batches, as ingest does.
        var build = Stopwatch.StartNew();
        var source = store.BeginSource("bench:synthetic", "synthetic", "x");
        const int batch = 4096;
        for (var start = 0; start < size; start += batch)
        {
            var docs = Enumerable.Range(start, Math.Min(batch, size - start)).Select(i => new KnowledgeDocument
            {
                Id = $"syn:{i}",
                Kind = DocumentKind.Document,
                Title = Window(texts, words, random, 6),
                Language = "en",
                Chunks = [new ChunkDraft { Text = Window(texts, words, random, 80) }],
            }).ToList();
            store.WriteDocuments(source, await indexer.IndexAsync(docs, CancellationToken.None).ConfigureAwait(false), setup.Space);
        }

        store.CompleteSource(source, "x", Enumerable.Range(0, size).Select(i => $"syn:{i}").ToList());
        var buildSeconds = build.Elapsed.TotalSeconds;

        var load = Stopwatch.StartNew();
        GC.Collect();
        var before = GC.GetTotalMemory(true);
        var retriever = services.GetRequiredService<Retriever>();
        var snapshot = retriever.Snapshot();
        var loadSeconds = load.Elapsed.TotalSeconds;
        var memoryMb = (GC.GetTotalMemory(true) - before) / 1024.0 / 1024.0;
        Console.WriteLine();
        Console.WriteLine($"## {size:N0} chunks");
        Console.WriteLine($"build: {buildSeconds:0.0} s ({size / buildSeconds:N0} chunks/s, analysed + embedded + written); " +
            $"database {new FileInfo(store.Database.Path).Length / 1024.0 / 1024.0:N0} MB; load {loadSeconds:0.00} s; in-memory index {memoryMb:N0} MB" +
            (snapshot.AnnNotice is { } n ? $"; {n}" : string.Empty));

        var embedder = (BuiltinEmbeddingGenerator)setup.Generator!;
        var vectors = queries.Select(embedder.Embed).ToList();
        var analysed = queries.Select(q => FtsQuery.AnyOf(TextAnalyzer.AnalyzeQuery(q, ["en"]).Terms)!).ToList();

        Report("keyword (FTS5 bm25, top 60)", Time(queries.Count, i => store.SearchKeywords(analysed[i], 60)));
        Report("vector, exact (top 60)", Time(queries.Count, i => snapshot.Vectors!.Search(vectors[i], 60)));
        if (snapshot.Ann is { } ann)
        {
            foreach (var probes in s_probes)
            {
                var recall = 0.0;
                var times = Time(queries.Count, i => ann.Search(vectors[i], 10, probes));
                for (var i = 0; i < queries.Count; i++)
                {
                    var exact = snapshot.Vectors!.Search(vectors[i], 10).Select(h => h.Row).ToHashSet();
                    recall += ann.Search(vectors[i], 10, probes).Count(h => exact.Contains(h.Row)) / 10.0;
                }

                Report($"vector, approximate ({ann.Lists} lists, {probes} probes), recall@10 {recall / queries.Count:0.000}", times);
            }
        }

        if (snapshot.Columns is { } columns)
        {
            var depth = services.GetRequiredService<Retriever>().Indexes!.AnnDepth;
            foreach (var weight in s_weights)
            {
                var recall = 0.0;
                var dims = 0.0;
                var times = Time(queries.Count, i => columns.Search(vectors[i], 10, weight, depth));
                for (var i = 0; i < queries.Count; i++)
                {
                    var exact = snapshot.Vectors!.Search(vectors[i], 10).Select(h => h.Row).ToHashSet();
                    recall += columns.Search(vectors[i], 10, weight, depth, out var used).Count(h => exact.Contains(h.Row)) / 10.0;
                    dims += used;
                }

                Report($"vector, approximate (columns, {weight:P0} of the query's weight: {dims / queries.Count:0.0} dimensions, depth {depth}), recall@10 {recall / queries.Count:0.000}", times);
            }
        }

        if (snapshot.Keywords is { } keywords)
        {
            var terms = queries.Select(q => TextAnalyzer.AnalyzeQuery(q, ["en"]).Terms).ToList();
            Report("keyword (in-memory BM25 with pruning, top 60)", Time(queries.Count, i => keywords.Search(terms[i], 60)));
        }

        var stages = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        Report("hybrid (Retriever.SearchAsync, top 5)", Time(queries.Count, i =>
        {
            var r = retriever.SearchAsync(new SearchRequest { Query = queries[i], Languages = ["en"], TopK = 5 }, CancellationToken.None).GetAwaiter().GetResult();
            foreach (var (k, v) in r.TimingsMs)
            {
                (stages.TryGetValue(k, out var l) ? l : stages[k] = []).Add(v);
            }
        }));
        Console.WriteLine("  hybrid stages, mean / p99 ms: " + string.Join(", ", stages.Select(kv => $"{kv.Key} {kv.Value.Average():0.00}/{kv.Value.Order().ElementAt((int)(kv.Value.Count * 0.99)):0.00}")));

        // The Runner end to end against a model that answers instantly: what the pipeline itself costs.
        var runner = services.GetRequiredService<Runner>();
        var runnerStages = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        var serverMs = new List<double>();
        var overhead = Time(queries.Count, i =>
        {
            var r = runner.AskAsync(new AskRequest { Question = queries[i], Backend = "ollama", Persist = false }, CancellationToken.None).GetAwaiter().GetResult();
            if (r.Backend != "ollama")
            {
                throw new InvalidOperationException("the fake model server did not answer: " + string.Join("; ", r.Notices));
            }

            foreach (var (k, v) in r.TimingsMs)
            {
                (runnerStages.TryGetValue(k, out var l) ? l : runnerStages[k] = []).Add(v);
            }

            serverMs.Add(server.LastChatTime.TotalMilliseconds);
        });

        // Time() warms up on the first 30 queries; the server times of the timed runs are the last ones.
        var serverTimes = serverMs.Skip(serverMs.Count - overhead.Count).ToList();
        var net = overhead.Select((t, i) => t - serverTimes[i]).ToList();
        Report("Runner end to end (zero-latency Ollama over loopback, in-process)", overhead);
        Report("pipeline overhead (end to end minus the server's own time per request)", net);
        Report("  the fake server's own time per request", serverTimes);
        Console.WriteLine("  runner stages, mean ms: " + string.Join(", ", runnerStages.Select(kv => $"{kv.Key} {kv.Value.Average():0.00}")));
        if (Environment.GetEnvironmentVariable("SCALE_KEEP") is { } target)
        {
            SqliteConnection.ClearAllPools();
            Directory.CreateDirectory(target);
            File.Copy(store.Database.Path, Path.Combine(target, $"scale-{size}.db"), overwrite: true);
        }
    }

    private static int[] s_probes = [];
    private static double[] s_weights = [];
    private static string? s_annIndex;
    private static string? s_annProbes;

    private static void Report(string what, List<double> ms) =>
        Console.WriteLine($"| {what} | p50 {Percentile(ms, 0.50):0.00} ms | p99 {Percentile(ms, 0.99):0.00} ms |");
}
