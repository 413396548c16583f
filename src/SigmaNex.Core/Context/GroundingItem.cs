namespace SigmaNex.Core.Context;

/// <summary>A protocol or document offered to the model, already rendered as text, with its id for citation.</summary>
public sealed record GroundingItem(string Id, string Title, string Text);
