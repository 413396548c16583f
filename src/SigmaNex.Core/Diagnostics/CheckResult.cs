namespace SigmaNex.Core.Diagnostics;

public enum CheckStatus
{
    Ok,
    Warning,
    Failed,
}

/// <summary>One line of <c>sigma self-check</c>: what was checked, how it went, and how to fix it.</summary>
public sealed record CheckResult(string Name, CheckStatus Status, string Detail, string? Fix = null);
