namespace SigmaNex.Core.Pipeline;

/// <summary>A source an answer relied on, as shown to the user and in <c>--json</c>.</summary>
public sealed record SourceReference
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public string? Category { get; init; }

    public required double Score { get; init; }

    public required string Kind { get; init; }

    public required string Language { get; init; }

    public string? Attribution { get; init; }

    public string? Url { get; init; }
}
