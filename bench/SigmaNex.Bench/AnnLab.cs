using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using SigmaNex.Core.Retrieval.Embeddings;
using SigmaNex.Core.Retrieval.Vectors;
using SigmaNex.Core.Text;

using static SigmaNex.Bench.BenchSupport;

namespace SigmaNex.Bench;

/// <summary>
/// The approximate index on its own, without a store: N synthetic chunks (as in <c>scale</c>) embedded by the
/// built-in embedder and quantized, cached in a file so that repeated runs skip the embedding; then the
/// IVF index built with the given settings, and recall@10 against exact search, rows scanned and latency
/// for each probe count.
/// </summary>
public static class AnnLab
{
    public static int Run(string[] args)
    {
        var size = int.Parse(Arg(args, "--size", "1000000"), CultureInfo.InvariantCulture);
        var queryCount = int.Parse(Arg(args, "--queries", "300"), CultureInfo.InvariantCulture);
        var lists = Arg(args, "--lists", string.Empty) is { Length: > 0 } l ? int.Parse(l, CultureInfo.InvariantCulture) : (int?)null;
        var probes = Arg(args, "--probes", "16,32,64,96,128,192,256").Split(',').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        var cache = Arg(args, "--cache", Path.Combine(Path.GetTempPath(), $"sigma-ann-lab-{size}.bin"));
        var (index, queries) = LoadOrCreate(size, queryCount, cache);
        Console.WriteLine($"# ann-lab: {index.Count:N0} vectors × {index.Dimensions}, {queries.Count} queries, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd}");

        var exact = queries.Select(q => index.Search(q, 10).Select(h => h.Row).ToHashSet()).ToList();
        var exactTimes = Time(queries.Count, i => index.Search(queries[i], 10));
        Report("exact", exactTimes, 1.0, 1.0);

        if (Arg(args, "--columns", string.Empty) is { Length: > 0 } shares)
        {
            var buildClock = Stopwatch.StartNew();
            var columns = ColumnIndex.Build(index);
            Console.WriteLine($"column index built in {buildClock.Elapsed.TotalSeconds:0.0} s ({columns.Bytes / 1024.0 / 1024.0:N0} MB)");
            var depths = Arg(args, "--depths", "250,500,1000").Split(',').Select(x => int.Parse(x, CultureInfo.InvariantCulture)).ToArray();
            foreach (var share in shares.Split(',').Select(x => double.Parse(x, CultureInfo.InvariantCulture)))
            {
                foreach (var depth in depths)
                {
                    var recall = 0.0;
                    var dims = 0.0;
                    for (var i = 0; i < queries.Count; i++)
                    {
                        recall += columns.Search(queries[i], 10, share, depth, out var used).Count(h => exact[i].Contains(h.Row)) / 10.0;
                        dims += used;
                    }

                    var times = Time(queries.Count, i => columns.Search(queries[i], 10, share, depth));
                    Report($"columns, {share:P0} of the weight ({dims / queries.Count:0.0} dims), depth {depth}", times, recall / queries.Count, dims / queries.Count / index.Dimensions);
                }
            }

            return 0;
        }

        if (args.Contains("--dims"))
        {
            DimensionRecall(index, queries, exact);
            return 0;
        }

        if (args.Contains("--binary"))
        {
            BinaryRecall(index, queries, exact);
            return 0;
        }

        var sw = Stopwatch.StartNew();
        var ivf = IvfIndex.Build(index, lists);
        Console.WriteLine($"built {ivf.Lists} lists in {sw.Elapsed.TotalSeconds:0.0} s; list sizes: {ivf.ListSizeSummary()}");
        foreach (var p in probes)
        {
            var recall = 0.0;
            var scanned = 0.0;
            for (var i = 0; i < queries.Count; i++)
            {
                var hits = ivf.Search(queries[i], 10, p, out var rows);
                recall += hits.Count(h => exact[i].Contains(h.Row)) / 10.0;
                scanned += rows;
            }

            var times = Time(queries.Count, i => ivf.Search(queries[i], 10, p, out _));
            Report($"ivf {p} probes", times, recall / queries.Count, scanned / queries.Count / index.Count);
        }

        return 0;
    }

    /// <summary>How often exact search's top 10 are among the R best by a one-bit-per-dimension code.</summary>
    private static void BinaryRecall(VectorIndex index, List<float[]> queries, List<HashSet<int>> exact)
    {
        var d = index.Dimensions;
        var words = d / 64;
        var codes = new ulong[index.Count * words];
        for (var r = 0; r < index.Count; r++)
        {
            var row = index.Row(r);
            for (var i = 0; i < d; i++)
            {
                if (row[i] > 0)
                {
                    codes[r * words + i / 64] |= 1UL << (i % 64);
                }
            }
        }

        int[] depths = [50, 100, 200, 500, 1000, 2000, 5000];
        var hamming = new double[depths.Length];
        var asym = new double[depths.Length];
        var scores = new float[index.Count];
        var rows = Enumerable.Range(0, index.Count).ToArray();
        foreach (var (q, i) in queries.Select((q, i) => (q, i)))
        {
            var qc = new ulong[words];
            for (var j = 0; j < d; j++)
            {
                if (q[j] > 0)
                {
                    qc[j / 64] |= 1UL << (j % 64);
                }
            }

            for (var r = 0; r < index.Count; r++)
            {
                var h = 0;
                for (var w = 0; w < words; w++)
                {
                    h += System.Numerics.BitOperations.PopCount(codes[r * words + w] ^ qc[w]);
                }

                scores[r] = -h;
            }

            Count(hamming);
            for (var r = 0; r < index.Count; r++)
            {
                var s = 0f;
                for (var j = 0; j < d; j++)
                {
                    s += (codes[r * words + j / 64] >> (j % 64) & 1) == 1 ? q[j] : -q[j];
                }

                scores[r] = s;
            }

            Count(asym);

            void Count(double[] into)
            {
                var order = (int[])rows.Clone();
                var keys = scores.Select(x => -x).ToArray();
                Array.Sort(keys, order);
                for (var k = 0; k < depths.Length; k++)
                {
                    var top = order.AsSpan(0, depths[k]).ToArray().ToHashSet();
                    into[k] += exact[i].Count(top.Contains) / 10.0;
                }
            }
        }

        for (var k = 0; k < depths.Length; k++)
        {
            Console.WriteLine($"| rerank depth {depths[k]} | hamming recall@10 {hamming[k] / queries.Count:0.000} | asymmetric {asym[k] / queries.Count:0.000} |");
        }
    }

    /// <summary>How often exact search's top 10 are among the R best by the query's strongest dimensions alone.</summary>
    private static void DimensionRecall(VectorIndex index, List<float[]> queries, List<HashSet<int>> exact)
    {
        var d = index.Dimensions;
        var nnz = queries.Select(q => q.Count(x => x != 0)).Order().ToArray();
        Console.WriteLine($"query non-zero dimensions: median {nnz[nnz.Length / 2]}, p90 {nnz[nnz.Length * 9 / 10]}, max {nnz[^1]}");
        double[] mass = [0.5, 0.6, 0.7, 0.8];
        int[] depths = [100, 200, 500, 1000, 2000];
        var recall = new double[mass.Length, depths.Length];
        var used = new double[mass.Length];
        var scores = new float[index.Count];
        var rows = Enumerable.Range(0, index.Count).ToArray();
        foreach (var (q, i) in queries.Select((q, i) => (q, i)))
        {
            var byWeight = Enumerable.Range(0, d).Where(j => q[j] != 0).OrderByDescending(j => q[j] * q[j]).ToArray();
            var total = byWeight.Sum(j => q[j] * q[j]);
            for (var m = 0; m < mass.Length; m++)
            {
                var dims = new List<int>();
                var acc = 0f;
                foreach (var j in byWeight)
                {
                    if (acc >= mass[m] * total - 1e-6)
                    {
                        break;
                    }

                    dims.Add(j);
                    acc += q[j] * q[j];
                }

                used[m] += dims.Count;
                for (var r = 0; r < index.Count; r++)
                {
                    var row = index.Row(r);
                    var s = 0f;
                    foreach (var j in dims)
                    {
                        s += q[j] * row[j];
                    }

                    scores[r] = s * index.RowScale(r);
                }

                var order = (int[])rows.Clone();
                var keys = scores.Select(x => -x).ToArray();
                Array.Sort(keys, order);
                for (var k = 0; k < depths.Length; k++)
                {
                    var top = order.AsSpan(0, depths[k]).ToArray().ToHashSet();
                    recall[m, k] += exact[i].Count(top.Contains) / 10.0;
                }
            }
        }

        for (var m = 0; m < mass.Length; m++)
        {
            Console.WriteLine($"| {mass[m]:P0} of the query's weight, {used[m] / queries.Count:0.0} dimensions | " +
                string.Join(" | ", depths.Select((dep, k) => $"depth {dep}: {recall[m, k] / queries.Count:0.000}")) + " |");
        }
    }

    private static (VectorIndex Index, List<float[]> Queries) LoadOrCreate(int size, int queryCount, string cache)
    {
        var embedder = new BuiltinEmbeddingGenerator();
        var d = embedder.Dimensions;
        var (questions, answers) = MedQuadText.Load();
        var random = new Random(42);
        var queries = Enumerable.Range(0, queryCount).Select(_ => embedder.Embed(questions[random.Next(questions.Count)])).ToList();
        if (File.Exists(cache) && new FileInfo(cache).Length == (long)size * (d + 4))
        {
            var bytes = File.ReadAllBytes(cache);
            var scales = MemoryMarshal.Cast<byte, float>(bytes.AsSpan(0, size * 4)).ToArray();
            var values = MemoryMarshal.Cast<byte, sbyte>(bytes.AsSpan(size * 4)).ToArray();
            return (new VectorIndex(d, values, scales), queries);
        }

        var words = answers.SelectMany(a => Tokenizer.Tokenize(a)).Where(w => w.Length > 1).ToArray();
        var texts = answers.Select(a => a.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(a => a.Length >= 20).ToArray();
        var chunks = Enumerable.Range(0, size).Select(_ => Window(texts, words, random, 6) + "\n" + Window(texts, words, random, 80)).ToArray();
        var data = new sbyte[(long)size * d];
        var rowScales = new float[size];
        var sw = Stopwatch.StartNew();
        Parallel.For(0, size, i =>
        {
            var blob = Quantizer.Quantize(embedder.Embed(chunks[i]));
            rowScales[i] = Quantizer.Scale(blob);
            MemoryMarshal.Cast<byte, sbyte>(blob.AsSpan(4)).CopyTo(data.AsSpan(i * d, d));
        });
        Console.WriteLine($"embedded {size:N0} chunks in {sw.Elapsed.TotalSeconds:0.0} s (cached in {cache})");
        using (var file = File.Create(cache))
        {
            file.Write(MemoryMarshal.AsBytes(rowScales.AsSpan()));
            file.Write(MemoryMarshal.AsBytes(data.AsSpan()));
        }

        return (new VectorIndex(d, data, rowScales), queries);
    }

    private static void Report(string what, List<double> ms, double recall, double scanned) =>
        Console.WriteLine($"| {what} | recall@10 {recall:0.000} | scanned {scanned:P1} | p50 {Percentile(ms, 0.50):0.00} ms | p99 {Percentile(ms, 0.99):0.00} ms |");
}
