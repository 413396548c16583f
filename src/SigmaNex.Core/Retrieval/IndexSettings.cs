namespace SigmaNex.Core.Retrieval;

/// <summary>
/// When the in-memory indexes for large collections are used and where they are kept: the approximate
/// vector index (IVF) and the pruned BM25 keyword index. Below the thresholds, exact vector search and
/// the store's FTS5 index are fast enough and need nothing extra.
/// </summary>
public sealed record IndexSettings(int AnnThreshold, int AnnProbes, int KeywordThreshold, string Directory)
{
    public string AnnPath => Path.Combine(Directory, "vectors.ivf");

    public string KeywordPath => Path.Combine(Directory, "keywords.idx");
}
