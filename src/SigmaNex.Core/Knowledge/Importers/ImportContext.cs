namespace SigmaNex.Core.Knowledge.Importers;

/// <summary>What an importer is given: the file, its bytes' hash, limits, and a place for warnings.</summary>
public sealed record ImportContext
{
    public required string Path { get; init; }

    public required long MaxBytes { get; init; }

    public required Action<string> Warn { get; init; }

    /// <summary>
    /// For importers that stream one large input (an archive, a JSON lines file): how many bytes of the
    /// file they have read so far, and its length, so progress can show how far along the source is.
    /// </summary>
    public Action<long, long>? ReportRead { get; init; }
}
