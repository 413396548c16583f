namespace SigmaNex.Core.Context;

/// <summary>One earlier exchange of a conversation.</summary>
public sealed record ConversationTurn(string Question, string Answer);
