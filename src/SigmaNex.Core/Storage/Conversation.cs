namespace SigmaNex.Core.Storage;

/// <summary>A stored conversation and its exchanges, oldest first.</summary>
public sealed record Conversation(string Id, string Title, string Language, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, IReadOnlyList<StoredTurn> Turns);

/// <summary>One stored exchange: the question, the answer, who answered and from what.</summary>
public sealed record StoredTurn(
    int Ordinal, string Question, string Answer, string Backend, string Language, IReadOnlyList<string> Sources, string? Emergency, DateTimeOffset CreatedAt);

public sealed record ConversationSummary(string Id, string Title, string Language, int Turns, DateTimeOffset UpdatedAt);
