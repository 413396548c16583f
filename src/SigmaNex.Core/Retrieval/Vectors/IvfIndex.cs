using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace SigmaNex.Core.Retrieval.Vectors;

/// <summary>
/// An inverted-file approximate index over a <see cref="VectorIndex"/>: rows are grouped around
/// centroids found by spherical k-means on a sample; a query scores the centroids, then scans only the
/// rows of the <c>probes</c> nearest lists. Rows not covered (added after the build) are scanned exactly,
/// so nothing is ever missed because it is new.
/// </summary>
public sealed class IvfIndex
{
    private readonly VectorIndex _vectors;
    private readonly float[] _centroids;
    private readonly int[] _listStart;
    private readonly int[] _listRows;
    private readonly int[] _uncovered;

    internal IvfIndex(VectorIndex vectors, float[] centroids, int lists, int[] listStart, int[] listRows, int[] uncovered)
    {
        _vectors = vectors;
        _centroids = centroids;
        Lists = lists;
        _listStart = listStart;
        _listRows = listRows;
        _uncovered = uncovered;
    }

    public int Lists { get; }

    public int Covered => _listRows.Length;

    public int Uncovered => _uncovered.Length;

    /// <summary>Centroids, list boundaries and row numbers: what is persisted.</summary>
    internal (float[] Centroids, int[] ListStart, int[] ListRows) Layout => (_centroids, _listStart, _listRows);

    /// <summary>Builds the index: k-means on up to <paramref name="sample"/> rows, then every row to its nearest centroid.</summary>
    public static IvfIndex Build(VectorIndex vectors, int? lists = null, int sample = 60_000, int iterations = 8, int seed = 17, IProgress<(int Done, int Total)>? progress = null)
    {
        var n = vectors.Count;
        var d = vectors.Dimensions;
        var k = Math.Clamp(lists ?? (int)Math.Sqrt(n), 1, Math.Max(1, n));
        var random = new Random(seed);
        var sampleRows = Enumerable.Range(0, n).OrderBy(_ => random.Next()).Take(Math.Min(sample, n)).ToArray();
        var centroids = new float[k * d];
        for (var c = 0; c < k; c++)
        {
            Dequantize(vectors, sampleRows[c % sampleRows.Length], centroids.AsSpan(c * d, d));
        }

        var assignment = new int[sampleRows.Length];
        for (var it = 0; it < iterations; it++)
        {
            var quantized = Quantize(centroids, k, d);
            Parallel.For(0, sampleRows.Length, i => assignment[i] = Nearest(quantized, k, d, vectors.Row(sampleRows[i])));
            var sums = new float[k * d];
            var counts = new int[k];
            var row = new float[d];
            for (var i = 0; i < sampleRows.Length; i++)
            {
                Dequantize(vectors, sampleRows[i], row);
                TensorPrimitives.Add(sums.AsSpan(assignment[i] * d, d), row, sums.AsSpan(assignment[i] * d, d));
                counts[assignment[i]]++;
            }

            for (var c = 0; c < k; c++)
            {
                var target = centroids.AsSpan(c * d, d);
                if (counts[c] == 0)
                {
                    // An empty cluster restarts at a random sample.
                    Dequantize(vectors, sampleRows[random.Next(sampleRows.Length)], target);
                    continue;
                }

                sums.AsSpan(c * d, d).CopyTo(target);
                var norm = TensorPrimitives.Norm(target);
                if (norm > 0)
                {
                    TensorPrimitives.Divide(target, norm, target);
                }
            }

            progress?.Report((it + 1, iterations + 1));
        }

        var final = Quantize(centroids, k, d);
        var owner = new int[n];
        Parallel.For(0, n, r => owner[r] = Nearest(final, k, d, vectors.Row(r)));
        var (start, rows) = GroupRows(owner, k);
        progress?.Report((iterations + 1, iterations + 1));
        return new IvfIndex(vectors, centroids, k, start, rows, []);
    }

    /// <summary>
    /// Re-attaches a persisted layout (lists of chunk ids) to the current rows. Chunks gone since are
    /// dropped; chunks added since are uncovered and scanned exactly.
    /// </summary>
    internal static IvfIndex Attach(VectorIndex vectors, float[] centroids, int lists, int[] listStart, long[] chunkIds, Func<long, int?> rowOf)
    {
        var start = new int[lists + 1];
        var rows = new List<int>(chunkIds.Length);
        var covered = new bool[vectors.Count];
        for (var c = 0; c < lists; c++)
        {
            start[c] = rows.Count;
            for (var i = listStart[c]; i < listStart[c + 1]; i++)
            {
                if (rowOf(chunkIds[i]) is { } row && !covered[row])
                {
                    covered[row] = true;
                    rows.Add(row);
                }
            }
        }

        start[lists] = rows.Count;
        var uncovered = Enumerable.Range(0, vectors.Count).Where(r => !covered[r]).ToArray();
        return new IvfIndex(vectors, centroids, lists, start, rows.ToArray(), uncovered) { Dropped = chunkIds.Length - rows.Count };
    }

    /// <summary>Entries of the persisted layout whose chunks no longer exist.</summary>
    public int Dropped { get; private init; }

    public List<VectorHit> Search(ReadOnlySpan<float> query, int k, int probes) => Search(query, k, probes, out _);

    /// <summary>Searches, and tells how many rows were scored.</summary>
    public List<VectorHit> Search(ReadOnlySpan<float> query, int k, int probes, out int scanned)
    {
        var d = _vectors.Dimensions;
        var q = VectorIndex.Prepare(query);
        var scores = new float[Lists];
        for (var c = 0; c < Lists; c++)
        {
            scores[c] = TensorPrimitives.Dot(query, _centroids.AsSpan(c * d, d));
        }

        var order = Enumerable.Range(0, Lists).OrderByDescending(c => scores[c]).Take(Math.Clamp(probes, 1, Lists)).ToArray();
        var top = new TopK(k);
        scanned = _uncovered.Length;
        foreach (var c in order)
        {
            _vectors.ScoreRows(q, _listRows.AsSpan(_listStart[c], _listStart[c + 1] - _listStart[c]), top);
            scanned += _listStart[c + 1] - _listStart[c];
        }

        _vectors.ScoreRows(q, _uncovered, top);
        return top.Sorted();
    }

    /// <summary>Smallest, median, largest list and the largest lists' share of rows (for diagnostics).</summary>
    public string ListSizeSummary()
    {
        var sizes = Enumerable.Range(0, Lists).Select(c => _listStart[c + 1] - _listStart[c]).Order().ToArray();
        var top = sizes.Reverse().Take(Math.Max(1, Lists / 100)).Sum();
        return $"min {sizes[0]}, median {sizes[sizes.Length / 2]}, max {sizes[^1]}, largest 1% of lists hold {(double)top / Math.Max(1, Covered):P1}";
    }

    private static (int[] Start, int[] Rows) GroupRows(int[] owner, int k)
    {
        var counts = new int[k + 1];
        foreach (var o in owner)
        {
            counts[o + 1]++;
        }

        for (var c = 1; c <= k; c++)
        {
            counts[c] += counts[c - 1];
        }

        var rows = new int[owner.Length];
        var fill = counts[..k].ToArray();
        for (var r = 0; r < owner.Length; r++)
        {
            rows[fill[owner[r]]++] = r;
        }

        return (counts, rows);
    }

    private static int Nearest(QuantizedCentroids centroids, int k, int d, ReadOnlySpan<sbyte> row)
    {
        var best = 0;
        var bestScore = float.NegativeInfinity;
        for (var c = 0; c < k; c++)
        {
            var s = Int8Dot.Dot(centroids.Values.AsSpan(c * d, d), row) * centroids.Scales[c];
            if (s > bestScore)
            {
                bestScore = s;
                best = c;
            }
        }

        return best;
    }

    private static void Dequantize(VectorIndex vectors, int row, Span<float> into)
    {
        var scale = vectors.RowScale(row);
        var values = vectors.Row(row);
        for (var i = 0; i < into.Length; i++)
        {
            into[i] = values[i] * scale;
        }
    }

    private static QuantizedCentroids Quantize(float[] centroids, int k, int d)
    {
        var values = new short[k * d];
        var scales = new float[k];
        for (var c = 0; c < k; c++)
        {
            var blob = Quantizer.Quantize(centroids.AsSpan(c * d, d));
            scales[c] = Quantizer.Scale(blob);
            var q = MemoryMarshal.Cast<byte, sbyte>(blob.AsSpan(4));
            for (var i = 0; i < d; i++)
            {
                values[c * d + i] = q[i];
            }
        }

        return new QuantizedCentroids(values, scales);
    }

    private sealed record QuantizedCentroids(short[] Values, float[] Scales);
}
