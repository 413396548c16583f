using System.Runtime.InteropServices;

namespace SigmaNex.Core.Retrieval.Vectors;

/// <summary>
/// An in-memory matrix of int8 unit vectors with exact search: every row is scored with integer SIMD,
/// in parallel over the cores for large collections. Rows are identified by their position; the
/// caller maps positions to chunk ids.
/// </summary>
public sealed class VectorIndex
{
    private const int ParallelThreshold = 16_384;

    private readonly sbyte[] _data;
    private readonly float[] _scales;

    public VectorIndex(int dimensions, sbyte[] data, float[] scales)
    {
        if (data.Length != (long)scales.Length * dimensions)
        {
            throw new ArgumentException("data length must be rows × dimensions", nameof(data));
        }

        Dimensions = dimensions;
        _data = data;
        _scales = scales;
    }

    public int Dimensions { get; }

    public int Count => _scales.Length;

    public ReadOnlySpan<sbyte> Row(int row) => _data.AsSpan(row * Dimensions, Dimensions);

    public float RowScale(int row) => _scales[row];

    /// <summary>Quantizes a float query into the widened form <see cref="Search(QuantizedQuery, int, Func{int, bool}?)"/> takes.</summary>
    public static QuantizedQuery Prepare(ReadOnlySpan<float> query)
    {
        var blob = Quantizer.Quantize(query);
        var q = MemoryMarshal.Cast<byte, sbyte>(blob.AsSpan(4));
        return new QuantizedQuery(Int8Dot.Widen(q), Quantizer.Scale(blob));
    }

    public List<VectorHit> Search(ReadOnlySpan<float> query, int k, Func<int, bool>? filter = null) => Search(Prepare(query), k, filter);

    public List<VectorHit> Search(QuantizedQuery query, int k, Func<int, bool>? filter = null)
    {
        if (query.Values.Length != Dimensions)
        {
            throw new ArgumentException($"query has {query.Values.Length} dimensions, the index {Dimensions}", nameof(query));
        }

        if (Count == 0)
        {
            return [];
        }

        if (Count < ParallelThreshold)
        {
            var top = new TopK(k);
            ScanRange(query, 0, Count, top, filter);
            return top.Sorted();
        }

        var parts = Math.Min(Environment.ProcessorCount, 8);
        var tops = new TopK[parts];
        var size = (Count + parts - 1) / parts;
        Parallel.For(0, parts, p =>
        {
            var t = new TopK(k);
            ScanRange(query, p * size, Math.Min(Count, (p + 1) * size), t, filter);
            tops[p] = t;
        });
        for (var p = 1; p < parts; p++)
        {
            tops[0].Merge(tops[p]);
        }

        return tops[0].Sorted();
    }

    /// <summary>Scores only the given rows (used by the approximate index on its candidate lists).</summary>
    internal void ScoreRows(QuantizedQuery query, ReadOnlySpan<int> rows, TopK top)
    {
        foreach (var row in rows)
        {
            var dot = Int8Dot.Dot(query.Values, Row(row));
            top.Offer(row, dot * _scales[row] * query.Scale);
        }
    }

    private void ScanRange(QuantizedQuery query, int from, int to, TopK top, Func<int, bool>? filter)
    {
        var q = query.Values.AsSpan();
        for (var row = from; row < to; row++)
        {
            if (filter is not null && !filter(row))
            {
                continue;
            }

            var dot = Int8Dot.Dot(q, _data.AsSpan(row * Dimensions, Dimensions));
            top.Offer(row, dot * _scales[row] * query.Scale);
        }
    }
}
