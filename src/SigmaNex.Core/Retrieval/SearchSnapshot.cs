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

    /// <summary>The IVF approximate index, for collections above the threshold when <c>ann_index</c> is <c>ivf</c>.</summary>
    public IvfIndex? Ann { get; private init; }

    /// <summary>The column approximate index, for collections above the threshold (the default kind).</summary>
    public ColumnIndex? Columns { get; private init; }

    /// <summary>What happened to the approximate index while loading (built, rebuilt, why).</summary>
    public string? AnnNotice { get; private init; }

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

    public static SearchSnapshot Load(KnowledgeStore store, VectorSpace? expected, IndexSettings? indexes = null)
    {
        var catalog = store.LoadCatalog();
        var space = store.GetVectorSpace();
        var corrector = new TermCorrector(store.Vocabulary());
        var notices = new List<string>();
        var keywords = indexes is not null && catalog.ChunkIds.Length >= indexes.KeywordThreshold
            ? LoadOrBuildKeywords(store, catalog, indexes, notices)
            : null;
        if (expected is null || space is null || space != expected)
        {
            return new SearchSnapshot(catalog, null, space, catalog.ChunkIds, corrector) { Keywords = keywords, AnnNotice = Join(notices) };
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

        var index = new VectorIndex(dims, data, scales);
        var snapshot = new SearchSnapshot(catalog, index, space, missing, corrector);
        IvfIndex? ivf = null;
        ColumnIndex? columns = null;
        if (indexes is not null && index.Count >= indexes.AnnThreshold)
        {
            if (string.Equals(indexes.AnnIndex, "ivf", StringComparison.OrdinalIgnoreCase))
            {
                (ivf, var notice) = LoadOrBuildAnn(snapshot, index, space, indexes);
                if (notice is not null)
                {
                    notices.Add(notice);
                }
            }
            else
            {
                // Nothing to persist: the transposed copy takes about a second per million vectors.
                columns = ColumnIndex.Build(index);
            }
        }

        return new SearchSnapshot(catalog, index, space, missing, corrector) { Ann = ivf, Columns = columns, Keywords = keywords, AnnNotice = Join(notices) };
    }

    /// <summary>The in-memory BM25 index, for collections above the keyword threshold.</summary>
    public Keywords.KeywordIndex? Keywords { get; private init; }

    private static string? Join(List<string> notices) => notices.Count == 0 ? null : string.Join("; ", notices);

    private static Keywords.KeywordIndex LoadOrBuildKeywords(KnowledgeStore store, Catalog catalog, IndexSettings indexes, List<string> notices)
    {
        var chunkSet = Retrieval.Keywords.KeywordIndexFile.ChunkSetHash(catalog.ChunkIds);
        if (Retrieval.Keywords.KeywordIndexFile.Read(indexes.KeywordPath, chunkSet, out var problem) is { } stored)
        {
            return stored;
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var built = Retrieval.Keywords.KeywordIndexBuilder.Build(store, catalog);
        Retrieval.Keywords.KeywordIndexFile.Write(indexes.KeywordPath, chunkSet, built);
        var what = $"built the keyword index ({built.Terms:N0} terms, {built.Postings:N0} postings over {built.Rows:N0} chunks) in {clock.Elapsed.TotalSeconds:0.0} s";
        notices.Add(problem is null ? what : $"{problem}; {what}");
        return built;
    }

    private static (IvfIndex Index, string? Notice) LoadOrBuildAnn(SearchSnapshot snapshot, VectorIndex index, VectorSpace space, IndexSettings ann)
    {
        var stored = IvfFile.Read(ann.AnnPath, space.ToString(), space.Dimension, out var problem);
        if (stored is { } s)
        {
            var attached = IvfIndex.Attach(index, s.Centroids, s.Lists, s.ListStart, s.ChunkIds, id => snapshot.TryGetRow(id, out var row) ? row : null);
            // Reuse it while most of the collection is covered; past that, recluster.
            if (attached.Uncovered <= index.Count / 5 && attached.Dropped <= s.ChunkIds.Length / 5)
            {
                return (attached, null);
            }

            problem = $"the approximate index covered too little of the collection ({attached.Uncovered:N0} new, {attached.Dropped:N0} removed)";
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var built = IvfIndex.Build(index);
        var (centroids, start, rows) = built.Layout;
        IvfFile.Write(ann.AnnPath, space.ToString(), space.Dimension, centroids, built.Lists, start, rows.Select(r => snapshot.Catalog.ChunkIds[r]).ToArray());
        var what = $"built the approximate vector index ({built.Lists:N0} lists over {index.Count:N0} vectors) in {clock.Elapsed.TotalSeconds:0.0} s";
        return (built, problem is null ? what : $"{problem}; {what}");
    }
}
