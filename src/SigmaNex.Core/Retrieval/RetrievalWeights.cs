namespace SigmaNex.Core.Retrieval;

/// <summary>The knobs of fusion and boosting; the defaults are the ones measured in docs/RETRIEVAL.md.</summary>
public sealed record RetrievalWeights
{
    public static readonly RetrievalWeights Default = new();

    public double Keyword { get; init; } = 1.0;

    public double Vector { get; init; } = 1.0;

    public double CriticalBoost { get; init; } = 1.15;

    public double HighBoost { get; init; } = 1.05;

    public double MedicalBoost { get; init; } = 1.05;

    public double LanguageBoost { get; init; } = 1.05;
}
