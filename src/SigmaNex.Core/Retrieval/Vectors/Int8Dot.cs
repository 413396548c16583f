using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace SigmaNex.Core.Retrieval.Vectors;

/// <summary>Integer dot products of an int16 query against int8 rows, with AVX2 when the CPU has it.</summary>
internal static class Int8Dot
{
    /// <summary>Widens a quantized query once so every row only has to widen itself.</summary>
    public static short[] Widen(ReadOnlySpan<sbyte> query)
    {
        var q = new short[query.Length];
        for (var i = 0; i < query.Length; i++)
        {
            q[i] = query[i];
        }

        return q;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Dot(ReadOnlySpan<short> query, ReadOnlySpan<sbyte> row)
    {
        var n = query.Length;
        var i = 0;
        var sum = 0;
        if (Avx2.IsSupported && n >= 32)
        {
            ref var qRef = ref MemoryMarshal.GetReference(query);
            ref var rRef = ref MemoryMarshal.GetReference(row);
            var acc = Vector256<int>.Zero;
            for (; i + 32 <= n; i += 32)
            {
                var r = Vector256.LoadUnsafe(ref rRef, (nuint)i);
                var (lo, hi) = Vector256.Widen(r);
                var q0 = Vector256.LoadUnsafe(ref qRef, (nuint)i);
                var q1 = Vector256.LoadUnsafe(ref qRef, (nuint)(i + 16));
                acc = Avx2.Add(acc, Avx2.MultiplyAddAdjacent(lo, q0));
                acc = Avx2.Add(acc, Avx2.MultiplyAddAdjacent(hi, q1));
            }

            sum = Vector256.Sum(acc);
        }

        for (; i < n; i++)
        {
            sum += query[i] * row[i];
        }

        return sum;
    }

    /// <summary>The offset that turns a 7-bit signed query component into the unsigned byte pmaddubsw needs.</summary>
    public const int QueryOffset = 64;

    /// <summary>
    /// Σ query[i]·row[i] with the query as unsigned bytes (value + 64, each in 1..127) and the row as signed
    /// bytes: AVX2's pmaddubsw multiplies and adds pairs without saturating (2·127·127 &lt; 32768), so a
    /// 32-byte block costs one multiply-add instead of two widenings and two. The caller subtracts
    /// 64·Σrow, precomputed per row.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int DotOffset(ReadOnlySpan<byte> query, ReadOnlySpan<sbyte> row)
    {
        var n = query.Length;
        var i = 0;
        var sum = 0;
        if (Avx2.IsSupported && n >= 32)
        {
            ref var qRef = ref MemoryMarshal.GetReference(query);
            ref var rRef = ref MemoryMarshal.GetReference(row);
            var ones = Vector256.Create((short)1);
            var acc = Vector256<int>.Zero;
            for (; i + 32 <= n; i += 32)
            {
                var q = Vector256.LoadUnsafe(ref qRef, (nuint)i);
                var r = Vector256.LoadUnsafe(ref rRef, (nuint)i);
                acc = Avx2.Add(acc, Avx2.MultiplyAddAdjacent(Avx2.MultiplyAddAdjacent(q, r), ones));
            }

            sum = Vector256.Sum(acc);
        }

        for (; i < n; i++)
        {
            sum += query[i] * row[i];
        }

        return sum;
    }
}
