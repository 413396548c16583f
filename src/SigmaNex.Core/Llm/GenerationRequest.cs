using Microsoft.Extensions.AI;

namespace SigmaNex.Core.Llm;

/// <summary>What the generation loop needs: the backends to try, the prompt, the grounding and the deadline.</summary>
public sealed record GenerationRequest
{
    public required IReadOnlyList<string> Order { get; init; }

    public required IList<ChatMessage> Messages { get; init; }

    public required Grounding Grounding { get; init; }

    public required int MaxTokens { get; init; }

    public required int ContextWindow { get; init; }

    public required double Temperature { get; init; }

    public IReadOnlyList<string> Stop { get; init; } = [];

    /// <summary>When model backends must have finished; the knowledge base answers after it.</summary>
    public required DateTimeOffset Deadline { get; init; }
}
