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
    private readonly int[] _rowSums;

    public VectorIndex(int dimensions, sbyte[] data, float[] scales)
    {
        if (data.Length != (long)scales.Length * dimensions)
        {
            throw new ArgumentException("data length must be rows × dimensions", nameof(data));
        }

        Dimensions = dimensions;
        _data = data;
        _scales = scales;
        _rowSums = new int[scales.Length];
        for (var r = 0; r < scales.Length; r++)
        {
            var sum = 0;
            foreach (var v in data.AsSpan(r * dimensions, dimensions))
            {
                sum += v;
            }

            _rowSums[r] = sum;
        }
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

        // A 7-bit copy (-63..63) offset into 1..127, for the unsigned-by-signed kernel.
        var max = query.Length == 0 ? 0 : MathF.Abs(System.Numerics.Tensors.TensorPrimitives.MaxMagnitude(query));
        var scale7 = max > 0 ? max / 63f : 0f;
        var offset = new byte[query.Length];
        for (var i = 0; i < query.Length; i++)
        {
            var v = scale7 > 0 ? (int)MathF.Round(query[i] / scale7) : 0;
            offset[i] = (byte)(Math.Clamp(v, -63, 63) + Int8Dot.QueryOffset);
        }

        return new QuantizedQuery(Int8Dot.Widen(q), Quantizer.Scale(blob)) { Offset = offset, OffsetScale = scale7 };
    }

    /// <summary>Cosine of a prepared query with one row.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private float Score(QuantizedQuery query, int row)
    {
        var dot = Int8Dot.DotOffset(query.Offset, _data.AsSpan(row * Dimensions, Dimensions)) - Int8Dot.QueryOffset * _rowSums[row];
        return dot * _scales[row] * query.OffsetScale;
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
            top.Offer(row, Score(query, row));
        }
    }

    private void ScanRange(QuantizedQuery query, int from, int to, TopK top, Func<int, bool>? filter)
    {
        for (var row = from; row < to; row++)
        {
            if (filter is not null && !filter(row))
            {
                continue;
            }

            top.Offer(row, Score(query, row));
        }
    }
}
