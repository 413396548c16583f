namespace SigmaNex.Core.Ingestion;

/// <summary>Progress of long work (ingest, index rebuild), for progress bars and logs.</summary>
public sealed record ProgressUpdate(string Stage, long Done, long? Total, string? Detail = null);
