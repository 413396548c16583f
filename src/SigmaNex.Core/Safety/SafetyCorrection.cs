namespace SigmaNex.Core.Safety;

/// <summary>A change the safety checks made to an answer, and why.</summary>
public sealed record SafetyCorrection(string Kind, string Original, string Replacement, string Reason)
{
    public const string Contradiction = "contradiction";
    public const string Dose = "dose";
    public const string Drug = "drug";
}
