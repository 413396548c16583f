namespace SigmaNex.Core.Language;

/// <summary>A detected language with a confidence in [0, 1], and the runners-up.</summary>
public sealed record LanguageGuess(string Language, double Confidence, IReadOnlyList<(string Language, double Score)> Candidates)
{
    public const string Undetermined = "und";

    public bool IsKnown => Language != Undetermined;
}
