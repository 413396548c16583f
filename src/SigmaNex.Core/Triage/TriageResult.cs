namespace SigmaNex.Core.Triage;

/// <summary>How urgent a recognised situation is. <see cref="Minor"/>: recognised (its protocol is hinted) but not an emergency.</summary>
public enum Severity
{
    None,
    Minor,
    Urgent,
    Critical,
}

/// <summary>What triage concluded about a question, and the words that made it so.</summary>
public sealed record TriageResult
{
    public static readonly TriageResult NotDetected = new() { Detected = false, Severity = Severity.None, Language = "und" };

    public required bool Detected { get; init; }

    public string? Category { get; init; }

    public required Severity Severity { get; init; }

    /// <summary>The protocol to show first (language-neutral id).</summary>
    public string? ProtocolId { get; init; }

    /// <summary>The phrases in the question that matched.</summary>
    public IReadOnlyList<string> Evidence { get; init; } = [];

    /// <summary>Language of the lexicon that matched (or the question's language when none did).</summary>
    public required string Language { get; init; }

    /// <summary>Other categories that matched too, strongest first.</summary>
    public IReadOnlyList<string> AlsoMatched { get; init; } = [];
}
