namespace SigmaNex.Core.Configuration;

/// <summary>The effective configuration and where it came from.</summary>
public sealed record LoadedConfig
{
    public required SigmaOptions Options { get; init; }

    public required SigmaPaths Paths { get; init; }

    /// <summary>The config file used, or null when only defaults, environment and flags apply.</summary>
    public string? SourceFile { get; init; }

    /// <summary>The files looked for, in order.</summary>
    public required IReadOnlyList<string> SearchedFiles { get; init; }

    /// <summary>Keys in the file that SIGMA-NEX does not use (reported by self-check, never fatal).</summary>
    public required IReadOnlyList<string> UnknownKeys { get; init; }

    /// <summary>Every effective value as a flat key path, for <c>sigma config show</c>.</summary>
    public required IReadOnlyDictionary<string, string?> Values { get; init; }

    public required SigmaEnvironment Environment { get; init; }
}
