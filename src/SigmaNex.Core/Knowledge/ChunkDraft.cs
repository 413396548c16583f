namespace SigmaNex.Core.Knowledge;

/// <summary>A piece of a document to index: the text shown as a snippet plus what is searched.</summary>
public sealed record ChunkDraft
{
    public string? Heading { get; init; }

    public required string Text { get; init; }

    /// <summary>Extra searchable text that is not shown (tags, synonyms). Weighted like a title.</summary>
    public string? Keywords { get; init; }
}
