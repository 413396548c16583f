namespace SigmaNex.Core.Knowledge.Importers;

/// <summary>What an importer is given: the file, its bytes' hash, limits, and a place for warnings.</summary>
public sealed record ImportContext
{
    public required string Path { get; init; }

    public required long MaxBytes { get; init; }

    public required Action<string> Warn { get; init; }
}
