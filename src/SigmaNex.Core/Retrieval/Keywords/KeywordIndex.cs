namespace SigmaNex.Core.Retrieval.Keywords;

/// <summary>
/// An in-memory BM25 index (field-weighted: title ×4, keywords ×3, body ×1, as the store's FTS5 index)
/// with MaxScore dynamic pruning: terms are taken rarest first; once the best scores found cannot be beaten
/// by a row holding only the remaining (common) terms, those terms are merely looked up for the candidates
/// already found instead of scanned. Postings are stored column-wise (CSR) for cache-friendly scans.
/// </summary>
public sealed class KeywordIndex
{
    public const double K1 = 1.2;
    public const double B = 0.75;

    private readonly Dictionary<string, int> _terms;
    private readonly int[] _start;
    private readonly int[] _rows;
    private readonly byte[] _tf;
    private readonly float[] _norm;
    private readonly bool[] _alive;
    private readonly float[] _maxImpact;
    private readonly ushort[] _lengths;

    internal KeywordIndex(Dictionary<string, int> terms, int[] start, int[] rows, byte[] tf, ushort[] lengths, bool[] alive, int liveRows)
    {
        _terms = terms;
        _start = start;
        _rows = rows;
        _tf = tf;
        _alive = alive;
        _lengths = lengths;
        Rows = lengths.Length;
        LiveRows = Math.Max(1, liveRows);
        var average = lengths.Length == 0 ? 1.0 : Math.Max(1.0, lengths.Select(l => (double)l).Average());
        _norm = lengths.Select(l => (float)(K1 * (1 - B + B * l / average))).ToArray();
        _maxImpact = new float[start.Length - 1];
        for (var t = 0; t < _maxImpact.Length; t++)
        {
            var idf = Idf(start[t + 1] - start[t]);
            var best = 0f;
            for (var p = start[t]; p < start[t + 1]; p++)
            {
                best = Math.Max(best, Impact(idf, p));
            }

            _maxImpact[t] = best;
        }
    }

    public int Rows { get; }

    public int LiveRows { get; }

    public int Terms => _terms.Count;

    public int Postings => _rows.Length;

    /// <summary>Everything that is persisted, with terms in id order.</summary>
    internal (string[] Terms, int[] Start, int[] Rows, byte[] Tf, ushort[] Lengths, bool[] Alive) Layout =>
        (_terms.OrderBy(kv => kv.Value).Select(kv => kv.Key).ToArray(), _start, _rows, _tf, _lengths, _alive);

    public int DocumentFrequency(string term) => _terms.TryGetValue(term, out var t) ? _start[t + 1] - _start[t] : 0;

    /// <summary>The best <paramref name="k"/> rows for the terms, with their BM25 scores.</summary>
    public List<(int Row, float Score)> Search(IReadOnlyList<string> terms, int k)
    {
        var ids = terms.Distinct(StringComparer.Ordinal)
            .Select(t => _terms.TryGetValue(t, out var id) ? id : -1)
            .Where(id => id >= 0)
            .OrderByDescending(id => _maxImpact[id])
            .ToArray();
        if (ids.Length == 0 || k <= 0)
        {
            return [];
        }

        // remaining[i] = the most a row could gain from terms i.. onwards.
        var remaining = new float[ids.Length + 1];
        for (var i = ids.Length - 1; i >= 0; i--)
        {
            remaining[i] = remaining[i + 1] + _maxImpact[ids[i]];
        }

        // Dense accumulator (one slot per row) plus the list of rows touched; reused per thread.
        var acc = t_accumulator is { } a && a.Length == Rows ? a : t_accumulator = new float[Rows];
        var touched = new List<int>();
        try
        {
            var threshold = 0f;
            for (var i = 0; i < ids.Length; i++)
            {
                var t = ids[i];
                var idf = Idf(_start[t + 1] - _start[t]);
                if (touched.Count >= k && remaining[i] <= threshold)
                {
                    // No new row can reach the top k any more: only add this term to the candidates we have.
                    foreach (var row in touched)
                    {
                        var p = Find(t, row);
                        if (p >= 0)
                        {
                            acc[row] += Impact(idf, p);
                        }
                    }
                }
                else
                {
                    for (var p = _start[t]; p < _start[t + 1]; p++)
                    {
                        var row = _rows[p];
                        if (_alive[row])
                        {
                            if (acc[row] == 0)
                            {
                                touched.Add(row);
                            }

                            acc[row] += Impact(idf, p);
                        }
                    }
                }

                threshold = KthLargest(touched, acc, k);
            }

            var top = new PriorityQueue<int, (float, int)>(k + 1, Comparer<(float Score, int Row)>.Create((x, y) => x.Score != y.Score ? x.Score.CompareTo(y.Score) : y.Row.CompareTo(x.Row)));
            foreach (var row in touched)
            {
                top.Enqueue(row, (acc[row], row));
                if (top.Count > k)
                {
                    top.Dequeue();
                }
            }

            var result = new List<(int Row, float Score)>(top.Count);
            while (top.TryDequeue(out var row, out var key))
            {
                result.Add((row, key.Item1));
            }

            result.Reverse();
            return result;
        }
        finally
        {
            foreach (var row in touched)
            {
                acc[row] = 0;
            }
        }
    }

    [ThreadStatic]
    private static float[]? t_accumulator;

    private float Impact(double idf, int posting)
    {
        double tf = _tf[posting];
        return (float)(idf * tf * (K1 + 1) / (tf + _norm[_rows[posting]]));
    }

    // BM25's idf, never negative (as FTS5 does).
    private double Idf(int df) => Math.Max(1e-6, Math.Log((LiveRows - df + 0.5) / (df + 0.5) + 1));

    private int Find(int term, int row)
    {
        var lo = _start[term];
        var hi = _start[term + 1] - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var r = _rows[mid];
            if (r == row)
            {
                return mid;
            }

            if (r < row)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return -1;
    }

    private static float KthLargest(List<int> rows, float[] acc, int k)
    {
        if (rows.Count < k)
        {
            return 0f;
        }

        var heap = new PriorityQueue<float, float>(k + 1);
        foreach (var row in rows)
        {
            var v = acc[row];
            if (heap.Count < k)
            {
                heap.Enqueue(v, v);
            }
            else if (v > heap.Peek())
            {
                heap.EnqueueDequeue(v, v);
            }
        }

        return heap.Count < k ? 0f : heap.Peek();
    }
}
