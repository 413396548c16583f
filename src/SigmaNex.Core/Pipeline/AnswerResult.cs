using SigmaNex.Core.Triage;

namespace SigmaNex.Core.Pipeline;

/// <summary>A finished answer: the text, where it came from, and how long each stage took.</summary>
public sealed record AnswerResult
{
    public required string Answer { get; init; }

    public required string Language { get; init; }

    public required string Backend { get; init; }

    /// <summary>The model that answered ("mistral", a GGUF file name, or "protocols").</summary>
    public string Model { get; init; } = string.Empty;

    /// <summary>general, medical or emergency.</summary>
    public string Strategy { get; init; } = "general";

    /// <summary>The conversation this exchange was saved in, if it was saved.</summary>
    public string? ConversationId { get; init; }

    public required TriageResult Emergency { get; init; }

    public ProtocolCard? Card { get; init; }

    public required IReadOnlyList<SourceReference> Sources { get; init; }

    public required IReadOnlyDictionary<string, double> TimingsMs { get; init; }

    public IReadOnlyList<string> Notices { get; init; } = [];

    /// <summary>What the safety checks changed in a model's answer.</summary>
    public IReadOnlyList<Safety.SafetyCorrection> Safety { get; init; } = [];
}
