namespace SigmaNex.Core.Retrieval.Vectors;

/// <summary>Keeps the k best (row, score) pairs seen, with a min-heap.</summary>
internal sealed class TopK
{
    private readonly PriorityQueue<int, float> _heap;
    private readonly int _k;

    public TopK(int k)
    {
        _k = Math.Max(1, k);
        _heap = new PriorityQueue<int, float>(_k + 1);
    }

    public float Threshold => _heap.Count < _k ? float.NegativeInfinity : _heap.TryPeek(out _, out var s) ? s : float.NegativeInfinity;

    public void Offer(int row, float score)
    {
        if (_heap.Count < _k)
        {
            _heap.Enqueue(row, score);
        }
        else if (score > Threshold)
        {
            _heap.EnqueueDequeue(row, score);
        }
    }

    public void Merge(TopK other)
    {
        foreach (var (row, score) in other._heap.UnorderedItems)
        {
            Offer(row, score);
        }
    }

    public List<VectorHit> Sorted()
    {
        var list = _heap.UnorderedItems.Select(x => new VectorHit(x.Element, x.Priority)).ToList();
        list.Sort((a, b) => b.Score.CompareTo(a.Score) is var c && c != 0 ? c : a.Row.CompareTo(b.Row));
        return list;
    }
}
