namespace SigmaNex.Core.Ingestion;

/// <summary>What an ingest did, for the summary line and <c>--json</c>.</summary>
public sealed record IngestReport
{
    public int Files { get; set; }

    public int FilesUnchanged { get; set; }

    public int FilesSkipped { get; set; }

    public int Documents { get; set; }

    public int DocumentsWritten { get; set; }

    public int DocumentsRemoved { get; set; }

    public int Chunks { get; set; }

    public bool Cancelled { get; set; }

    public double ElapsedMs { get; set; }

    public List<string> Warnings { get; } = [];

    public Dictionary<string, int> Formats { get; } = new(StringComparer.Ordinal);
}
