using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SigmaNex.Core.Retrieval.Vectors;

/// <summary>
/// An approximate index for collections too large to scan in full: a column-major copy of the int8
/// vectors, in blocks of <see cref="BlockRows"/> rows, so that one dimension of a block is a contiguous run
/// of bytes. A query is scored first on its strongest dimensions only — those that carry
/// <c>weightShare</c> of its squared weight, usually a few dozen of the hundreds a vector has — which reads
/// a small share of the memory an exact scan reads; the best <c>depth</c> rows of that first pass are then
/// scored exactly and the best <c>k</c> returned. With <c>weightShare</c> 1 every dimension the query uses is
/// scored and the result is exact.
/// <para>
/// Why not clusters (IVF): the built-in embedder's hashed features spread vectors almost evenly over the
/// space, so clusters are weak and an IVF index must scan most lists for good recall. Questions are short,
/// though, and their vectors are concentrated on few dimensions, which is what this index exploits.
/// </para>
/// </summary>
public sealed class ColumnIndex
{
    /// <summary>Rows per block: the block's int32 accumulators (16 KB) stay in the first-level cache.</summary>
    public const int BlockRows = 4096;

    private readonly VectorIndex _vectors;
    private readonly sbyte[] _columns;
    private readonly int _blocks;

    private ColumnIndex(VectorIndex vectors, sbyte[] columns, int blocks)
    {
        _vectors = vectors;
        _columns = columns;
        _blocks = blocks;
    }

    public int Count => _vectors.Count;

    /// <summary>Bytes held besides the row-major vectors.</summary>
    public long Bytes => _columns.LongLength;

    /// <summary>Transposes the vectors block by block (in parallel; about a second per million rows).</summary>
    public static ColumnIndex Build(VectorIndex vectors)
    {
        var d = vectors.Dimensions;
        var blocks = (vectors.Count + BlockRows - 1) / BlockRows;
        var columns = new sbyte[(long)blocks * d * BlockRows];
        Parallel.For(0, blocks, b =>
        {
            var first = b * BlockRows;
            var rows = Math.Min(BlockRows, vectors.Count - first);
            var block = columns.AsSpan().Slice(b * d * BlockRows, d * BlockRows);
            for (var r = 0; r < rows; r++)
            {
                var row = vectors.Row(first + r);
                for (var j = 0; j < d; j++)
                {
                    block[j * BlockRows + r] = row[j];
                }
            }
        });

        return new ColumnIndex(vectors, columns, blocks);
    }

    public List<VectorHit> Search(ReadOnlySpan<float> query, int k, double weightShare, int depth) => Search(query, k, weightShare, depth, out _);

    /// <summary>Searches, and tells how many dimensions the first pass scored.</summary>
    public List<VectorHit> Search(ReadOnlySpan<float> query, int k, double weightShare, int depth, out int dimensions)
    {
        var d = _vectors.Dimensions;
        if (query.Length != d)
        {
            throw new ArgumentException($"query has {query.Length} dimensions, the index {d}", nameof(query));
        }

        var (dims, weights) = Strongest(query, weightShare);
        dimensions = dims.Length;
        if (Count == 0 || dims.Length == 0)
        {
            return [];
        }

        // First pass: every row on the strongest dimensions, in parallel over the cores.
        var candidates = Math.Max(k, depth);
        var parts = Math.Min(Environment.ProcessorCount, Math.Max(1, _blocks));
        var tops = new TopK[parts];
        var per = (_blocks + parts - 1) / parts;
        Parallel.For(0, parts, p =>
        {
            var top = new TopK(candidates);
            var accumulators = new int[BlockRows];
            for (var b = p * per; b < Math.Min(_blocks, (p + 1) * per); b++)
            {
                ScoreBlock(b, dims, weights, accumulators, top);
            }

            tops[p] = top;
        });
        for (var p = 1; p < parts; p++)
        {
            tops[0].Merge(tops[p]);
        }

        // Second pass: the candidates, exactly.
        var rows = tops[0].Sorted().Select(h => h.Row).ToArray();
        var exact = new TopK(k);
        _vectors.ScoreRows(VectorIndex.Prepare(query), rows, exact);
        return exact.Sorted();
    }

    /// <summary>The query's dimensions by decreasing weight until they hold <paramref name="share"/> of its squared norm, as int16 weights.</summary>
    private static (int[] Dims, short[] Weights) Strongest(ReadOnlySpan<float> query, double share)
    {
        var order = new List<(int Dim, float Square)>();
        var total = 0.0;
        for (var j = 0; j < query.Length; j++)
        {
            if (query[j] != 0)
            {
                order.Add((j, query[j] * query[j]));
                total += query[j] * query[j];
            }
        }

        order.Sort((a, b) => b.Square.CompareTo(a.Square) is var c && c != 0 ? c : a.Dim.CompareTo(b.Dim));
        var take = 0;
        var sum = 0.0;
        while (take < order.Count && (take == 0 || sum < share * total * (1 - 1e-9)))
        {
            sum += order[take].Square;
            take++;
        }

        var dims = new int[take];
        var weights = new short[take];
        var max = take == 0 ? 0 : MathF.Abs(query[order[0].Dim]);
        for (var i = 0; i < take; i++)
        {
            dims[i] = order[i].Dim;
            // 127 at most, so that weight × value (≤ 127 × 127) fits a short before it is widened.
            weights[i] = (short)Math.Clamp(MathF.Round(query[dims[i]] / max * 127f), -127, 127);
        }

        return (dims, weights);
    }

    private void ScoreBlock(int block, int[] dims, short[] weights, int[] accumulators, TopK top)
    {
        var d = _vectors.Dimensions;
        var first = block * BlockRows;
        var rows = Math.Min(BlockRows, Count - first);
        Array.Clear(accumulators);
        ref var acc = ref MemoryMarshal.GetArrayDataReference(accumulators);
        for (var i = 0; i < dims.Length; i++)
        {
            var column = _columns.AsSpan((int)((long)block * d * BlockRows + (long)dims[i] * BlockRows), BlockRows);
            AddColumn(column, weights[i], ref acc);
        }

        var threshold = top.Threshold;
        for (var r = 0; r < rows; r++)
        {
            var score = accumulators[r] * _vectors.RowScale(first + r);
            if (score > threshold)
            {
                top.Offer(first + r, score);
                threshold = top.Threshold;
            }
        }
    }

    /// <summary>accumulators[r] += weight × column[r] for the block's rows, 32 at a time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddColumn(ReadOnlySpan<sbyte> column, short weight, ref int acc)
    {
        ref var col = ref MemoryMarshal.GetReference(column);
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var w = Vector256.Create(weight);
            for (; i + 32 <= BlockRows; i += 32)
            {
                var (lo, hi) = Vector256.Widen(Vector256.LoadUnsafe(ref col, (nuint)i));
                var (a, b) = Vector256.Widen(lo * w);
                var (c, e) = Vector256.Widen(hi * w);
                (Vector256.LoadUnsafe(ref acc, (nuint)i) + a).StoreUnsafe(ref acc, (nuint)i);
                (Vector256.LoadUnsafe(ref acc, (nuint)(i + 8)) + b).StoreUnsafe(ref acc, (nuint)(i + 8));
                (Vector256.LoadUnsafe(ref acc, (nuint)(i + 16)) + c).StoreUnsafe(ref acc, (nuint)(i + 16));
                (Vector256.LoadUnsafe(ref acc, (nuint)(i + 24)) + e).StoreUnsafe(ref acc, (nuint)(i + 24));
            }
        }

        for (; i < BlockRows; i++)
        {
            Unsafe.Add(ref acc, i) += weight * Unsafe.Add(ref col, i);
        }
    }
}
