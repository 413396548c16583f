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
        var ann = new IndexSettings(AnnThreshold: 100, AnnProbes: 1000, KeywordThreshold: int.MaxValue, Directory: engine.Config.Paths.IndexDirectory);

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
