namespace SigmaNex.Core.Pipeline;

/// <summary>One question to the Runner.</summary>
public sealed record AskRequest
{
    public required string Question { get; init; }

    /// <summary>Force the answer language (<c>--lang</c>); null detects it.</summary>
    public string? Language { get; init; }

    public int? TopK { get; init; }

    public bool RetrievalEnabled { get; init; } = true;

    /// <summary>Force a backend (<c>--backend</c>); null uses the configured order.</summary>
    public string? Backend { get; init; }

    /// <summary>Continue this conversation (its earlier turns are offered to the model); null starts a new one.</summary>
    public string? ConversationId { get; init; }

    /// <summary>Save the exchange in the conversation history (when history is enabled).</summary>
    public bool Persist { get; init; } = true;
}
