using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using SigmaNex.Core.Retrieval;
using SigmaNex.Core.Retrieval.Vectors;
using SigmaNex.Core.Storage;

namespace SigmaNex.Core.Tests.Retrieval;

public sealed class ApproximateIndexTests
{
    [Fact]
    public void Ivf_RecallAtTen_IsCloseToExact_OnClusteredData()
    {
        var index = Clustered(rows: 20_000, dims: 64, clusters: 100, seed: 3);
        var ivf = IvfIndex.Build(index, lists: 140);
        var random = new Random(11);
        var found = 0;
        for (var q = 0; q < 50; q++)
        {
            var query = Dequantize(index, random.Next(index.Count));
            var exact = index.Search(query, 10).Select(h => h.Row).ToHashSet();
            found += ivf.Search(query, 10, probes: 12).Count(h => exact.Contains(h.Row));
        }

        Assert.True(found / 500.0 >= 0.95, $"recall@10 {found / 500.0}");
        Assert.Equal(20_000, ivf.Covered);
    }

    [Fact]
    public async Task Snapshot_BuildsPersistsReusesAndRepairsTheIndexFile()
    {
        await using var engine = await TestEngine.StartAsync();
        var store = engine.Get<KnowledgeStore>();
        var space = store.GetVectorSpace()!;
        var path = Path.Combine(engine.Config.Paths.IndexDirectory, "vectors.ivf");
        var ann = new IndexSettings(AnnThreshold: 100, AnnProbes: 1000, KeywordThreshold: int.MaxValue, Directory: engine.Config.Paths.IndexDirectory) { AnnIndex = "ivf" };

        var first = SearchSnapshot.Load(store, space, ann);
        var second = SearchSnapshot.Load(store, space, ann);
        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0xFF;
        File.WriteAllBytes(path, bytes);
        var repaired = SearchSnapshot.Load(store, space, ann);
        var other = SearchSnapshot.Load(store, space with { Model = "another-model" }, ann);

        Assert.StartsWith("built the approximate vector index", first.AnnNotice, StringComparison.Ordinal);
        Assert.NotNull(second.Ann);
        Assert.Null(second.AnnNotice);
        Assert.Equal(first.Catalog.ChunkIds.Length, second.Ann!.Covered);
        Assert.StartsWith($"the approximate index {path} is damaged; built", repaired.AnnNotice, StringComparison.Ordinal);
        Assert.Null(other.Vectors);
        // With every list probed, approximate search is exact.
        var query = new SigmaNex.Core.Retrieval.Embeddings.BuiltinEmbeddingGenerator().Embed("stop the bleeding");
        Assert.Equal(first.Vectors!.Search(query, 5).Select(h => h.Row), second.Ann.Search(query, 5, 1000).Select(h => h.Row));
    }

    [Fact]
    public void Columns_WithTheWholeQueryWeight_AreExact()
    {
        // 9,000 rows: two full blocks and a partial one.
        var (index, queries) = Embedded(rows: 9_000, seed: 5);
        var columns = ColumnIndex.Build(index);
        foreach (var query in queries)
        {
            var exact = index.Search(query, 10);
            var found = columns.Search(query, 10, weightShare: 1.0, depth: 100);
            Assert.Equal(exact.Select(h => h.Row), found.Select(h => h.Row));
            Assert.Equal(exact.Select(h => h.Score), found.Select(h => h.Score));
        }
    }

    [Fact]
    public void Columns_OnTheStrongestDimensions_KeepRecallHigh_AndScoreFewerDimensions()
    {
        var (index, queries) = Embedded(rows: 20_000, seed: 8);
        var columns = ColumnIndex.Build(index);
        var found = 0;
        var dims = 0;
        var used = 0;
        foreach (var query in queries)
        {
            var exact = index.Search(query, 10).Select(h => h.Row).ToHashSet();
            found += columns.Search(query, 10, weightShare: 0.6, depth: 500, out var d).Count(h => exact.Contains(h.Row));
            dims += d;
            used += query.Count(x => x != 0);
        }

        var recall = found / (10.0 * queries.Count);
        Assert.True(recall >= 0.9, $"recall@10 {recall}");
        Assert.True(dims < used / 2, $"first pass scored {dims} of the queries' {used} dimensions");
    }

    [Fact]
    public async Task Snapshot_AboveTheThreshold_SearchesThroughTheColumnIndex()
    {
        await using var engine = await TestEngine.StartAsync();
        var store = engine.Get<KnowledgeStore>();
        var space = store.GetVectorSpace()!;
        var settings = new IndexSettings(AnnThreshold: 100, AnnProbes: 1, KeywordThreshold: int.MaxValue, Directory: engine.Config.Paths.IndexDirectory);

        var snapshot = SearchSnapshot.Load(store, space, settings);

        Assert.NotNull(snapshot.Columns);
        Assert.Null(snapshot.Ann);
        Assert.False(File.Exists(settings.AnnPath));
        var query = new SigmaNex.Core.Retrieval.Embeddings.BuiltinEmbeddingGenerator().Embed("stop the bleeding");
        Assert.Equal(snapshot.Vectors!.Search(query, 5).Select(h => h.Row), snapshot.Columns!.Search(query, 5, 1.0, 50).Select(h => h.Row));
    }

    [Fact]
    public async Task Config_AnnSettings_ReachTheRetriever_AndSearchGoesThroughTheColumnIndex()
    {
        await using var engine = await TestEngine.StartAsync("retrieval:\n  ann_threshold: 100\n  ann_weight: 1.0\n  ann_depth: 200\n");
        var retriever = engine.Get<Retriever>();

        var snapshot = retriever.Snapshot();
        var result = await retriever.SearchAsync(new SearchRequest { Query = "how do I stop severe bleeding", Languages = ["en"], TopK = 3 }, CancellationToken.None);

        Assert.Equal(("columns", 1.0, 200), (retriever.Indexes!.AnnIndex, retriever.Indexes.AnnWeight, retriever.Indexes.AnnDepth));
        Assert.True(snapshot.Vectors!.Count >= 100, $"{snapshot.Vectors.Count} chunks");
        Assert.NotNull(snapshot.Columns);
        Assert.Equal("severe-bleeding.en", result.Hits[0].DocumentId);
    }

    /// <summary>
    /// Built-in embeddings (384 dimensions) of word bags on 500 topics: a document takes half its 40 words from
    /// its topic's 30, the rest from the whole vocabulary; a question takes 3 words of a topic and one other.
    /// </summary>
    private static (VectorIndex Index, List<float[]> Queries) Embedded(int rows, int seed)
    {
        var random = new Random(seed);
        var vocabulary = Enumerable.Range(0, 6000).Select(i => $"w{i * 7919 % 100_003:x}ord").ToArray();
        var topics = Enumerable.Range(0, 500).Select(_ => Enumerable.Range(0, 30).Select(_ => vocabulary[random.Next(vocabulary.Length)]).ToArray()).ToArray();
        string Bag(int words, int fromTopic)
        {
            var topic = topics[random.Next(topics.Length)];
            return string.Join(' ', Enumerable.Range(0, words).Select(i => i < fromTopic ? topic[random.Next(topic.Length)] : vocabulary[random.Next(vocabulary.Length)]));
        }

        var embedder = new SigmaNex.Core.Retrieval.Embeddings.BuiltinEmbeddingGenerator();
        var d = embedder.Dimensions;
        var data = new sbyte[rows * d];
        var scales = new float[rows];
        for (var r = 0; r < rows; r++)
        {
            var blob = Quantizer.Quantize(embedder.Embed(Bag(40, 20)));
            scales[r] = Quantizer.Scale(blob);
            MemoryMarshal.Cast<byte, sbyte>(blob.AsSpan(4)).CopyTo(data.AsSpan(r * d));
        }

        return (new VectorIndex(d, data, scales), Enumerable.Range(0, 40).Select(_ => embedder.Embed(Bag(4, 3))).ToList());
    }

    private static VectorIndex Clustered(int rows, int dims, int clusters, int seed)
    {
        var random = new Random(seed);
        var centers = Enumerable.Range(0, clusters).Select(_ => Unit(Enumerable.Range(0, dims).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray())).ToArray();
        var data = new sbyte[rows * dims];
        var scales = new float[rows];
        for (var r = 0; r < rows; r++)
        {
            var c = centers[random.Next(clusters)];
            var v = Unit(c.Select(x => x + (float)(random.NextDouble() - 0.5) * 0.08f).ToArray());
            var blob = Quantizer.Quantize(v);
            scales[r] = Quantizer.Scale(blob);
            MemoryMarshal.Cast<byte, sbyte>(blob.AsSpan(4)).CopyTo(data.AsSpan(r * dims));
        }

        return new VectorIndex(dims, data, scales);
    }

    private static float[] Dequantize(VectorIndex index, int row)
    {
        var v = new float[index.Dimensions];
        for (var i = 0; i < v.Length; i++)
        {
            v[i] = index.Row(row)[i] * index.RowScale(row);
        }

        return v;
    }

    private static float[] Unit(float[] v)
    {
        TensorPrimitives.Divide(v, TensorPrimitives.Norm(v), v);
        return v;
    }
}
