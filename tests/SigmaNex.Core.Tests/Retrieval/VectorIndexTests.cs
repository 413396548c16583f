using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using SigmaNex.Core.Retrieval.Embeddings;
using SigmaNex.Core.Retrieval.Vectors;

namespace SigmaNex.Core.Tests.Retrieval;

public sealed class VectorIndexTests
{
    [Fact]
    public void Search_Int8Scores_MatchFloatCosineClosely()
    {
        var embedder = new BuiltinEmbeddingGenerator();
        var texts = new[]
        {
            "Seizure, fit, convulsions: protect the head, time it, recovery position afterwards",
            "Boil water for one minute to make it safe to drink",
            "Severe bleeding: press hard on the wound",
            "My friend is having a fit",
        };
        var vectors = texts.Select(embedder.Embed).ToArray();
        var index = Build(vectors[..3]);

        var hits = index.Search(vectors[3], 3);

        Assert.Equal(0, hits[0].Row);
        foreach (var h in hits)
        {
            var exact = TensorPrimitives.CosineSimilarity(vectors[3], vectors[h.Row]);
            Assert.True(Math.Abs(h.Score - exact) < 0.02f, $"row {h.Row}: int8 {h.Score}, float {exact}");
        }
    }

    [Fact]
    public void Search_ManyRows_ParallelScanFindsTheSameAsASingleRow()
    {
        var random = new Random(7);
        var vectors = Enumerable.Range(0, 20_000).Select(_ => Unit(Enumerable.Range(0, 64).Select(_ => (float)random.NextDouble() - 0.5f).ToArray())).ToArray();
        var index = Build(vectors);

        var hits = index.Search(vectors[12_345], 5);

        Assert.Equal(12_345, hits[0].Row);
        Assert.InRange(hits[0].Score, 0.98f, 1.02f);
        Assert.True(hits.Zip(hits.Skip(1)).All(p => p.First.Score >= p.Second.Score));
    }

    [Fact]
    public void Quantizer_RoundTrip_IsClose_AndDetectsBadBlobs()
    {
        // The largest component is negative: the scale must still be its size.
        var v = Unit([0.5f, -0.25f, 0.1f, 0.0f, -0.8f]);
        var blob = Quantizer.Quantize(v);
        var back = Quantizer.Dequantize(blob);

        Assert.True(TensorPrimitives.CosineSimilarity(v, back) > 0.999f);
        Assert.True(Quantizer.IsValid(blob, 5));
        Assert.False(Quantizer.IsValid(blob, 6));
        Assert.False(Quantizer.IsValid([0xFF, 0xFF, 0xFF, 0x7F, 1, 2, 3, 4, 5], 5));
    }

    private static VectorIndex Build(float[][] vectors)
    {
        var dims = vectors[0].Length;
        var data = new sbyte[vectors.Length * dims];
        var scales = new float[vectors.Length];
        for (var i = 0; i < vectors.Length; i++)
        {
            var blob = Quantizer.Quantize(vectors[i]);
            scales[i] = Quantizer.Scale(blob);
            MemoryMarshal.Cast<byte, sbyte>(blob.AsSpan(4)).CopyTo(data.AsSpan(i * dims));
        }

        return new VectorIndex(dims, data, scales);
    }

    private static float[] Unit(float[] v)
    {
        var n = TensorPrimitives.Norm(v);
        TensorPrimitives.Divide(v, n, v);
        return v;
    }
}
