namespace SigmaNex.Core.Ingestion;

/// <summary>
/// Progress of long work (ingest, index rebuild), for progress bars and logs. <see cref="Unit"/> says
/// what <see cref="Done"/> and <see cref="Total"/> count when it is not items ("bytes" for a file being read).
/// </summary>
public sealed record ProgressUpdate(string Stage, long Done, long? Total, string? Detail = null, string? Unit = null);
