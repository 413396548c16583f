namespace SigmaNex.Core.Llm;

/// <summary>What a probe found out about a backend, and how to fix it when it is not usable.</summary>
public sealed record BackendStatus
{
    public required string Backend { get; init; }

    public required bool Reachable { get; init; }

    public required bool ModelPresent { get; init; }

    public required string Model { get; init; }

    public double? LatencyMs { get; init; }

    /// <summary>One line: where it is and what was found ("not reachable at http://...: connection refused").</summary>
    public required string Detail { get; init; }

    /// <summary>What the user can do ("ollama pull mistral"), when something is wrong.</summary>
    public string? Fix { get; init; }

    public bool Available => Reachable && ModelPresent;
}
