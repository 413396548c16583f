using SigmaNex.Core.Knowledge;

namespace SigmaNex.Core.Storage;

/// <summary>A chunk ready to write: its draft, its analysed terms per field, and its quantized vector.</summary>
public sealed record IndexedChunk(ChunkDraft Draft, string TitleTerms, string KeywordTerms, string BodyTerms, byte[]? Vector);

/// <summary>A document ready to write, with a hash of its content for idempotent re-ingestion.</summary>
public sealed record IndexedDocument(KnowledgeDocument Document, string ContentHash, IReadOnlyList<IndexedChunk> Chunks);

/// <summary>An ingested file or dataset; <c>partial</c> until every document of it is written.</summary>
public sealed record SourceInfo(long Id, string Uri, string Format, string ContentHash, string Status, int Documents, DateTimeOffset IngestedAt);

/// <summary>Identifies the embedding model that produced stored vectors.</summary>
public sealed record VectorSpace(string Provider, string Model, int Dimension)
{
    public override string ToString() => $"{Provider}/{Model} ({Dimension} dims)";
}

public sealed record KeywordHit(long ChunkId, double Score);

public sealed record StoredChunk(long Id, string DocumentId, int Ordinal, string? Heading, string? Keywords, string Text);

/// <summary>What retrieval needs to know about a document without reading it.</summary>
public sealed record CatalogDocument(
    string Id, DocumentKind Kind, string? GroupId, string Language, string? Category, Priority Priority, string Title, IReadOnlyList<string> Tags);

/// <summary>Every chunk id with the index of its document in <see cref="Documents"/>.</summary>
public sealed record Catalog(long Generation, IReadOnlyList<CatalogDocument> Documents, long[] ChunkIds, int[] ChunkDocuments);

public sealed record DocumentSummary(
    string Id, DocumentKind Kind, string? GroupId, string Title, string Language, string? Category, Priority Priority, string SourceUri);

public sealed record StoreStats(
    int SchemaVersion,
    long Generation,
    int Documents,
    int Chunks,
    int Vectors,
    VectorSpace? VectorSpace,
    IReadOnlyDictionary<string, int> ByKind,
    IReadOnlyDictionary<string, int> ProtocolsByLanguage,
    IReadOnlyDictionary<string, int> ProtocolsByCategory,
    IReadOnlyList<SourceInfo> Sources,
    long FileBytes);
