using System.Runtime.InteropServices;
using SigmaNex.Core.Retrieval.Vectors;
using SigmaNex.Core.Storage;

namespace SigmaNex.Core.Retrieval;

/// <summary>
/// What search keeps in memory for one store generation: the chunk → document catalog and the
/// vector matrix, row i being chunk i of the catalog. Chunks whose stored vector is missing or
/// malformed get a zero row and are listed in <see cref="MissingVectors"/> so they can be repaired.
/// </summary>
public sealed class SearchSnapshot
{
    private readonly Dictionary<long, int> _rowOfChunk;

    private readonly Dictionary<string, List<int>> _rowsOfGroup = new(StringComparer.Ordinal);

    private SearchSnapshot(Catalog catalog, VectorIndex? vectors, VectorSpace? space, IReadOnlyList<long> missing, TermCorrector corrector)
    {
        Corrector = corrector;
        Catalog = catalog;
        Vectors = vectors;
        Space = space;
        MissingVectors = missing;
        _rowOfChunk = new Dictionary<long, int>(catalog.ChunkIds.Length);
        for (var i = 0; i < catalog.ChunkIds.Length; i++)
        {
            _rowOfChunk[catalog.ChunkIds[i]] = i;
            if (catalog.Documents[catalog.ChunkDocuments[i]] is { Kind: Knowledge.DocumentKind.Protocol, GroupId: { } group })
            {
                if (!_rowsOfGroup.TryGetValue(group, out var rows))
                {
                    _rowsOfGroup[group] = rows = [];
                }

                rows.Add(i);
            }
        }

        Tags = TagIndex.FromCatalog(catalog);
    }

    /// <summary>Spelling correction against the keyword index's vocabulary.</summary>
    public TermCorrector Corrector { get; }

    /// <summary>Synonym expansion from the protocols' tags.</summary>
    public TagIndex Tags { get; }

    /// <summary>The rows (chunks) of a protocol's translations.</summary>
    public IReadOnlyList<int> RowsOfGroup(string group) => _rowsOfGroup.TryGetValue(group, out var rows) ? rows : [];

    public Catalog Catalog { get; }

    public VectorIndex? Vectors { get; }

    public VectorSpace? Space { get; }

    public IReadOnlyList<long> MissingVectors { get; }

    public long Generation => Catalog.Generation;

    public bool TryGetRow(long chunkId, out int row) => _rowOfChunk.TryGetValue(chunkId, out row);

    public CatalogDocument DocumentOfRow(int row) => Catalog.Documents[Catalog.ChunkDocuments[row]];

    public static SearchSnapshot Load(KnowledgeStore store, VectorSpace? expected)
    {
        var catalog = store.LoadCatalog();
        var space = store.GetVectorSpace();
        var corrector = new TermCorrector(store.Vocabulary());
        if (expected is null || space is null || space != expected)
        {
            return new SearchSnapshot(catalog, null, space, catalog.ChunkIds, corrector);
        }

        var dims = space.Dimension;
        var rows = catalog.ChunkIds.Length;
        var data = new sbyte[(long)rows * dims];
        var scales = new float[rows];
        var present = new bool[rows];
        var rowOf = new Dictionary<long, int>(rows);
        for (var i = 0; i < rows; i++)
        {
            rowOf[catalog.ChunkIds[i]] = i;
        }

        foreach (var (chunkId, blob) in store.ReadVectors())
        {
            if (!rowOf.TryGetValue(chunkId, out var row) || !Quantizer.IsValid(blob, dims))
            {
                continue;
            }

            scales[row] = Quantizer.Scale(blob);
            MemoryMarshal.Cast<byte, sbyte>(blob.AsSpan(4)).CopyTo(data.AsSpan(row * dims, dims));
            present[row] = true;
        }

        var missing = new List<long>();
        for (var i = 0; i < rows; i++)
        {
            if (!present[i])
            {
                missing.Add(catalog.ChunkIds[i]);
            }
        }

        return new SearchSnapshot(catalog, new VectorIndex(dims, data, scales), space, missing, corrector);
    }
}
