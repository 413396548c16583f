using Microsoft.Extensions.AI;

namespace SigmaNex.Core.Context;

/// <summary>The messages to send, and how the token budget was spent.</summary>
public sealed record PromptContext
{
    public required IList<ChatMessage> Messages { get; init; }

    public required int EstimatedTokens { get; init; }

    /// <summary>Tokens available for the prompt: the context window minus what is kept for the answer.</summary>
    public required int Budget { get; init; }

    /// <summary>Tokens the answer may use.</summary>
    public required int AnswerTokens { get; init; }

    public required int HistoryIncluded { get; init; }

    public required int HistoryDropped { get; init; }

    public required IReadOnlyList<string> GroundingIncluded { get; init; }

    /// <summary>True when even the top protocol had to be shortened to fit.</summary>
    public bool TopTruncated { get; init; }
}
