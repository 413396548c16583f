namespace SigmaNex.Core.Knowledge;

/// <summary>A unit of knowledge as importers produce it and the store keeps it.</summary>
public sealed record KnowledgeDocument
{
    /// <summary>Unique store key: "severe-bleeding.en", "medquad:0000001-1", "doc:notes.md".</summary>
    public required string Id { get; init; }

    public required DocumentKind Kind { get; init; }

    /// <summary>Links translations of one protocol, or the pairs of one dataset document.</summary>
    public string? GroupId { get; init; }

    public required string Title { get; init; }

    public required string Language { get; init; }

    public string? Category { get; init; }

    public Priority Priority { get; init; } = Priority.Normal;

    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Set for protocols.</summary>
    public Protocol? Protocol { get; init; }

    /// <summary>Credit to show wherever this content is shown (third-party data).</summary>
    public string? Attribution { get; init; }

    public string? Url { get; init; }

    /// <summary>Free-form metadata (question type, focus, synonyms, file path...).</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    public required IReadOnlyList<ChunkDraft> Chunks { get; init; }

    public bool IsMedical => Kind == DocumentKind.QuestionAnswer || Categories.IsMedical(Category);
}
