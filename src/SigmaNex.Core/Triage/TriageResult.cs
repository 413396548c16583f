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

    /// <summary>The learned stage's probability that the message is an emergency (null when it did not run).</summary>
    public double? LearnedScore { get; init; }

    /// <summary>
    /// What decided: <c>rules</c> (the lexicons; the learned stage, if any, agreed or was not sure enough to add an
    /// alarm or cancel one), <c>learned</c> (the rules found no emergency and the learned stage was sure there is one) or
    /// <c>veto</c> (a pattern matched in a long message the learned stage was nearly certain is no emergency: a minor
    /// reading, its protocol only hinted).
    /// </summary>
    public string Decision { get; init; } = "rules";

    /// <summary>No lexicon pattern matched at all (as opposed to a match cancelled by a negation, idiom or reassurance).</summary>
    internal bool Unmatched { get; init; }

    /// <summary>"infant" or "child" when the question's age words say so, for a protocol chosen without a rule match.</summary>
    internal string? AgeGroup { get; init; }
}
