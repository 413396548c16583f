using SigmaNex.Core.Knowledge;

namespace SigmaNex.Core.Retrieval;

/// <summary>One document found for a query, with the best chunk as its snippet and every score.</summary>
public sealed record SearchHit
{
    public required string DocumentId { get; init; }

    public string? GroupId { get; init; }

    public required string Title { get; init; }

    public required DocumentKind Kind { get; init; }

    public required string Language { get; init; }

    public string? Category { get; init; }

    public Priority Priority { get; init; }

    /// <summary>The fused ranking score (higher is better; comparable within one result list).</summary>
    public required double Score { get; init; }

    /// <summary>BM25 of the best chunk, when the keyword index matched.</summary>
    public double? KeywordScore { get; init; }

    /// <summary>Cosine similarity of the best chunk, when vectors were searched.</summary>
    public double? VectorScore { get; init; }

    /// <summary>Fraction of the query's words found in the document (0–1): an absolute sense of fit.</summary>
    public double Coverage { get; init; }

    public required long ChunkId { get; init; }

    public required string Snippet { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Credit for third-party content (MedQuAD...), to show with the snippet.</summary>
    public string? Attribution { get; init; }

    public string? Url { get; init; }
}
