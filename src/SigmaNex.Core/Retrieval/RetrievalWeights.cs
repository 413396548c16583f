namespace SigmaNex.Core.Retrieval;

/// <summary>How keyword and vector candidates are combined.</summary>
public enum FusionMethod
{
    /// <summary>Reciprocal-rank fusion: 1/(k + rank) from each list.</summary>
    ReciprocalRank,
    /// <summary>A weighted sum of scores normalised to the best candidate of each list.</summary>
    WeightedScore,
}

/// <summary>The knobs of fusion and boosting; the defaults are the ones measured in docs/RETRIEVAL.md.</summary>
public sealed record RetrievalWeights
{
    public static readonly RetrievalWeights Default = new();

    public FusionMethod Fusion { get; init; } = FusionMethod.WeightedScore;

    /// <summary>The k of reciprocal-rank fusion.</summary>
    public double RrfK { get; init; } = 60;

    public double Keyword { get; init; } = 1.0;

    public double Vector { get; init; } = 0.25;

    /// <summary>Weight of knowledge-base tag phrases found in the query (synonym expansion).</summary>
    public double Tags { get; init; } = 0.25;

    /// <summary>Added to the protocol triage names for an emergency (it is shown first anyway).</summary>
    public double Hint { get; init; } = 0.5;

    public double CriticalBoost { get; init; } = 1.15;

    public double HighBoost { get; init; } = 1.05;

    public double MedicalBoost { get; init; } = 1.05;

    public double LanguageBoost { get; init; } = 1.05;

    /// <summary>A document scores by its best chunk plus this share of each other matching chunk.</summary>
    public double OtherChunks { get; init; } = 0.0;

    /// <summary>Candidates taken from each list before fusion.</summary>
    public int Candidates { get; init; } = 60;
}
