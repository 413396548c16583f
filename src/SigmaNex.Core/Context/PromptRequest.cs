namespace SigmaNex.Core.Context;

public sealed record PromptRequest
{
    public required string Question { get; init; }

    public required string Language { get; init; }

    public required Strategy Strategy { get; init; }

    /// <summary>Protocols and documents, best first. The first is never dropped.</summary>
    public IReadOnlyList<GroundingItem> Grounding { get; init; } = [];

    /// <summary>Earlier exchanges, oldest first. The oldest are dropped first when space runs out.</summary>
    public IReadOnlyList<ConversationTurn> History { get; init; } = [];

    /// <summary>Values for the templates' placeholders (emergency_number, category, card_title, ...).</summary>
    public IReadOnlyDictionary<string, string> Values { get; init; } = new Dictionary<string, string>();

    public required int ContextWindow { get; init; }

    public required int MaxTokens { get; init; }
}
