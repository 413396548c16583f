namespace SigmaNex.Core.Contracts;

/// <summary>The JSON contract of <c>sigma search --json</c>.</summary>
public sealed record SearchResponse
{
    public required string Query { get; init; }

    public required IReadOnlyList<SearchHitDto> Hits { get; init; }

    public IReadOnlyDictionary<string, double> TimingsMs { get; init; } = new Dictionary<string, double>();
}

public sealed record SearchHitDto
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public string? Category { get; init; }

    public required IReadOnlyList<string> Tags { get; init; }

    public required double Score { get; init; }

    public required string Snippet { get; init; }

    public required string Kind { get; init; }

    public required string Language { get; init; }

    public double? KeywordScore { get; init; }

    public double? VectorScore { get; init; }

    public double Coverage { get; init; }

    /// <summary>Credit for third-party content; null for SIGMA-NEX's own protocols.</summary>
    public string? Attribution { get; init; }

    public string? Url { get; init; }
}
