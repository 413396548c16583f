namespace SigmaNex.Core.Ingestion;

public sealed record IngestOptions
{
    /// <summary>Force a format instead of detecting it (<c>--format</c>).</summary>
    public string? Format { get; init; }

    /// <summary>Largest file accepted, in bytes.</summary>
    public long MaxFileBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Documents written per transaction for large sources.</summary>
    public int BatchSize { get; init; } = 512;
}
