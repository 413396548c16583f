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

    private SearchSnapshot(Catalog catalog, VectorIndex? vectors, VectorSpace? space, IReadOnlyList<long> missing)
    {
        Catalog = catalog;
        Vectors = vectors;
        Space = space;
        MissingVectors = missing;
        _rowOfChunk = new Dictionary<long, int>(catalog.ChunkIds.Length);
        for (var i = 0; i < catalog.ChunkIds.Length; i++)
        {
            _rowOfChunk[catalog.ChunkIds[i]] = i;
        }
    }

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
        if (expected is null || space is null || space != expected)
        {
            return new SearchSnapshot(catalog, null, space, catalog.ChunkIds);
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

        return new SearchSnapshot(catalog, new VectorIndex(dims, data, scales), space, missing);
    }
}
