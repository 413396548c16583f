namespace SigmaNex.Core.Pipeline;

/// <summary>A protocol laid out for immediate reading: the call line first, then the protocol.</summary>
public sealed record ProtocolCard
{
    public required string ProtocolId { get; init; }

    public required string DocumentId { get; init; }

    public required string Title { get; init; }

    public required string Category { get; init; }

    public required string Language { get; init; }

    /// <summary>"Emergency: call 112 now..." in the answer language.</summary>
    public required string CallLine { get; init; }

    /// <summary>A crisis line, for self-harm.</summary>
    public string? CrisisLine { get; init; }

    /// <summary>The protocol as Markdown.</summary>
    public required string Markdown { get; init; }
}
