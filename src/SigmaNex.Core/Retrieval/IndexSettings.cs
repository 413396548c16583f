namespace SigmaNex.Core.Retrieval;

/// <summary>
/// When the in-memory indexes for large collections are used and where they are kept: the approximate
/// vector index (<see cref="Vectors.ColumnIndex"/> by default, or IVF) and the pruned BM25 keyword index.
/// Below the thresholds, exact vector search and the store's FTS5 index are fast enough and need nothing extra.
/// </summary>
public sealed record IndexSettings(int AnnThreshold, int AnnProbes, int KeywordThreshold, string Directory)
{
    /// <summary>The approximate index: <c>columns</c> (strongest dimensions first, then exact re-scoring) or <c>ivf</c>.</summary>
    public string AnnIndex { get; init; } = "columns";

    /// <summary>Share of the query's squared weight the column index's first pass scores.</summary>
    public double AnnWeight { get; init; } = 0.6;

    /// <summary>Candidates of the column index's first pass that are re-scored exactly.</summary>
    public int AnnDepth { get; init; } = 1000;

    public string AnnPath => Path.Combine(Directory, "vectors.ivf");

    public string KeywordPath => Path.Combine(Directory, "keywords.idx");
}
