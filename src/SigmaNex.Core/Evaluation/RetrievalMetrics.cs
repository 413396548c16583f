namespace SigmaNex.Core.Evaluation;

/// <summary>hit@1, hit@3, MRR@10 and nDCG@10 over a set of queries.</summary>
public sealed record RetrievalMetrics(int Queries, double HitAt1, double HitAt3, double MrrAt10, double NdcgAt10)
{
    public static RetrievalMetrics From(IReadOnlyList<IReadOnlyList<bool>> rankings, IReadOnlyList<int> relevantCounts)
    {
        if (rankings.Count == 0)
        {
            return new RetrievalMetrics(0, 0, 0, 0, 0);
        }

        double hit1 = 0, hit3 = 0, mrr = 0, ndcg = 0;
        for (var q = 0; q < rankings.Count; q++)
        {
            var r = rankings[q];
            var first = -1;
            double dcg = 0;
            for (var i = 0; i < Math.Min(10, r.Count); i++)
            {
                if (r[i])
                {
                    first = first < 0 ? i : first;
                    dcg += 1 / Math.Log2(i + 2);
                }
            }

            var ideal = Enumerable.Range(0, Math.Min(10, Math.Max(1, relevantCounts[q]))).Sum(i => 1 / Math.Log2(i + 2));
            hit1 += first == 0 ? 1 : 0;
            hit3 += first is >= 0 and < 3 ? 1 : 0;
            mrr += first >= 0 ? 1.0 / (first + 1) : 0;
            ndcg += dcg / ideal;
        }

        var n = rankings.Count;
        return new RetrievalMetrics(n, Math.Round(hit1 / n, 4), Math.Round(hit3 / n, 4), Math.Round(mrr / n, 4), Math.Round(ndcg / n, 4));
    }
}
