using System.Diagnostics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.Hybrid;
using SigmaNex.Core.Knowledge;
using SigmaNex.Core.Storage;
using SigmaNex.Core.Text;

namespace SigmaNex.Core.Retrieval;

/// <summary>
/// Hybrid search: BM25 candidates from the store's full-text index and nearest neighbours from the
/// in-memory vector index, fused by reciprocal rank, boosted for medical questions, deduplicated per
/// document and per translation group.
/// </summary>
public sealed class Retriever
{
    private readonly KnowledgeStore _store;
    private readonly IEmbeddingGenerator<string, Embedding<float>>? _embedder;
    private readonly VectorSpace? _space;
    private readonly Lock _gate = new();
    private SearchSnapshot? _snapshot;

    public Retriever(KnowledgeStore store, IEmbeddingGenerator<string, Embedding<float>>? embedder, VectorSpace? space)
    {
        _store = store;
        _embedder = embedder;
        _space = space;
    }

    public RetrievalWeights Weights { get; init; } = RetrievalWeights.Default;

    /// <summary>
    /// L1 cache for query embeddings and results (results are keyed by the store's generation, so an ingest
    /// or rebuild never serves a stale answer); null disables caching.
    /// </summary>
    public HybridCache? Cache { get; init; }

    /// <summary>Settings of the in-memory indexes for large collections; null uses FTS5 and exact vectors only.</summary>
    public IndexSettings? Indexes { get; init; }

    /// <summary>The in-memory view of the current store generation, reloaded when the store changes.</summary>
    public SearchSnapshot Snapshot()
    {
        var generation = _store.Generation();
        var current = _snapshot;
        if (current is not null && current.Generation == generation)
        {
            return current;
        }

        lock (_gate)
        {
            if (_snapshot is null || _snapshot.Generation != generation)
            {
                _snapshot = SearchSnapshot.Load(_store, _space, Indexes);
            }

            return _snapshot;
        }
    }

    public async Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        if (Cache is null)
        {
            return await SearchUncachedAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var clock = Stopwatch.StartNew();
        var computed = false;
        // HybridCache refuses keys with control characters or over 1 KB: the query goes in as a hash.
        var key = string.Join(
            '|',
            "search",
            _store.Generation().ToString(System.Globalization.CultureInfo.InvariantCulture),
            request.TopK.ToString(System.Globalization.CultureInfo.InvariantCulture),
            request.Medical ? "m" : "-",
            request.Hybrid ? "h" : "k",
            string.Join(',', request.Languages),
            string.Join(',', request.Hints),
            Hash(request.Query));
        var result = await Cache.GetOrCreateAsync(
            key,
            (Retriever: this, Request: request),
            async (state, ct) =>
            {
                computed = true;
                return await state.Retriever.SearchUncachedAsync(state.Request, ct).ConfigureAwait(false);
            },
            s_resultEntry,
            cancellationToken: cancellationToken).ConfigureAwait(false);
        return computed ? result : result with { TimingsMs = new Dictionary<string, double>(StringComparer.Ordinal) { ["cached"] = Lap(clock) } };
    }

    private static readonly HybridCacheEntryOptions s_resultEntry = new() { Expiration = TimeSpan.FromMinutes(10), LocalCacheExpiration = TimeSpan.FromMinutes(10) };
    private static readonly HybridCacheEntryOptions s_embeddingEntry = new() { Expiration = TimeSpan.FromHours(1), LocalCacheExpiration = TimeSpan.FromHours(1) };

    private async Task<ReadOnlyMemory<float>> EmbedQueryAsync(string query, CancellationToken cancellationToken)
    {
        if (Cache is null)
        {
            return (await _embedder!.GenerateAsync([query], cancellationToken: cancellationToken).ConfigureAwait(false))[0].Vector;
        }

        var metadata = _embedder!.GetService<EmbeddingGeneratorMetadata>();
        var key = $"embedding|{metadata?.ProviderName}|{metadata?.DefaultModelId}|{metadata?.DefaultModelDimensions}|{Hash(query)}";
        var cached = await Cache.GetOrCreateAsync(
            key,
            (Embedder: _embedder!, Query: query),
            async (state, ct) => new CachedVector((await state.Embedder.GenerateAsync([state.Query], cancellationToken: ct).ConfigureAwait(false))[0].Vector),
            s_embeddingEntry,
            cancellationToken: cancellationToken).ConfigureAwait(false);
        return cached.Vector;
    }

    private static string Hash(string text) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));

    private async Task<SearchResult> SearchUncachedAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        var timings = new Dictionary<string, double>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        var snapshot = Snapshot();
        var analysis = TextAnalyzer.AnalyzeQuery(request.Query, request.Languages)
            .Corrected(snapshot.Corrector.IsKnown, snapshot.Corrector.Correct);
        timings["analyze"] = Lap(clock);

        var weights = Weights;
        var fused = new Dictionary<int, Candidate>();
        // Keyword candidates as (row, bm25): from the in-memory index for large collections, else from FTS5.
        var keywordHits = new List<(int Row, double Score)>();
        if (snapshot.Keywords is { } keywordIndex)
        {
            keywordHits.AddRange(keywordIndex.Search(analysis.Terms, weights.Candidates).Select(h => (h.Row, (double)h.Score)));
        }
        else if (FtsQuery.AnyOf(analysis.Terms) is { } fts)
        {
            foreach (var hit in _store.SearchKeywords(fts, weights.Candidates))
            {
                if (snapshot.TryGetRow(hit.ChunkId, out var row))
                {
                    keywordHits.Add((row, hit.Score));
                }
            }
        }

        timings["keyword"] = Lap(clock);

        IReadOnlyList<Vectors.VectorHit> vectorHits = [];
        if (request.Hybrid && _embedder is not null && snapshot.Vectors is { Count: > 0 } vectors && !analysis.IsEmpty)
        {
            var embedding = await EmbedQueryAsync(request.Query, cancellationToken).ConfigureAwait(false);
            var found = snapshot.Columns is { } columns
                ? columns.Search(embedding.Span, weights.Candidates, Indexes!.AnnWeight, Indexes.AnnDepth)
                : snapshot.Ann is { } ann
                    ? ann.Search(embedding.Span, weights.Candidates, Indexes!.AnnProbes)
                    : vectors.Search(embedding.Span, weights.Candidates);
            vectorHits = found.Where(h => h.Score > 0).ToList();
        }

        timings["vector"] = Lap(clock);

        // One unit is what the best candidate of one list scores, so boosts are comparable across methods.
        var unit = weights.Fusion == FusionMethod.ReciprocalRank ? 1 / (weights.RrfK + 1) : 1.0;
        var maxKeyword = keywordHits.Count > 0 ? keywordHits.Max(h => h.Score) : 1;
        for (var rank = 0; rank < keywordHits.Count; rank++)
        {
            var c = Get(fused, keywordHits[rank].Row);
            c.Keyword = keywordHits[rank].Score;
            c.Score += weights.Keyword * (weights.Fusion == FusionMethod.ReciprocalRank
                ? 1 / (weights.RrfK + rank + 1)
                : keywordHits[rank].Score / maxKeyword);
        }

        var maxVector = vectorHits.Count > 0 ? vectorHits[0].Score : 1;
        for (var rank = 0; rank < vectorHits.Count; rank++)
        {
            var c = Get(fused, vectorHits[rank].Row);
            c.Vector = vectorHits[rank].Score;
            c.Score += weights.Vector * (weights.Fusion == FusionMethod.ReciprocalRank
                ? 1 / (weights.RrfK + rank + 1)
                : vectorHits[rank].Score / maxVector);
        }

        // Per document: the best chunk plus a share of the others (a protocol matching in its overview and
        // its steps beats one matching in only one of them).
        var documents = new Dictionary<int, (Candidate Best, double Max, double Sum)>();
        foreach (var (row, c) in fused)
        {
            var docIndex = snapshot.Catalog.ChunkDocuments[row];
            documents.TryGetValue(docIndex, out var d);
            documents[docIndex] = d.Best is null || c.Score > d.Max ? (c, c.Score, d.Sum + c.Score) : (d.Best, d.Max, d.Sum + c.Score);
        }

        // Synonym expansion from the knowledge base's tags, and what triage vouches for: once per document.
        var boosts = new Dictionary<string, double>(StringComparer.Ordinal);
        var tagScores = weights.Tags > 0 ? snapshot.Tags.Match(analysis) : [];
        var maxTag = tagScores.Count > 0 ? tagScores.Values.Max() : 1;
        foreach (var (group, score) in tagScores)
        {
            boosts[group] = weights.Tags * unit * score / maxTag;
        }

        foreach (var group in request.Hints)
        {
            boosts[group] = boosts.GetValueOrDefault(group) + weights.Hint * unit;
        }

        foreach (var group in boosts.Keys)
        {
            foreach (var row in snapshot.RowsOfGroup(group))
            {
                var docIndex = snapshot.Catalog.ChunkDocuments[row];
                if (!documents.ContainsKey(docIndex))
                {
                    documents[docIndex] = (Get(fused, row), 0, 0);
                }
            }
        }

        var preferred = request.Languages.Count > 0 ? request.Languages[0] : null;
        var best = new Dictionary<string, (CatalogDocument Doc, Candidate C)>(StringComparer.Ordinal);
        foreach (var (docIndex, (c, max, sum)) in documents)
        {
            var doc = snapshot.Catalog.Documents[docIndex];
            var evidence = max + weights.OtherChunks * (sum - max) + (doc.GroupId is { } gid ? boosts.GetValueOrDefault(gid) : 0);
            c.Final = evidence * Boost(doc, request.Medical, preferred);
            var key = doc.GroupId is { } g && doc.Kind == DocumentKind.Protocol ? "g:" + g : "d:" + doc.Id;
            if (!best.TryGetValue(key, out var current) || Better(doc, c, current.Doc, current.C, preferred))
            {
                best[key] = (doc, c);
            }
        }

        var top = best.Values
            .OrderByDescending(x => x.C.Final)
            .ThenBy(x => x.Doc.Id, StringComparer.Ordinal)
            .Take(Math.Clamp(request.TopK, 1, 50))
            .ToList();
        var chunks = _store.GetChunks(top.Select(t => snapshot.Catalog.ChunkIds[t.C.Row]).ToList()).ToDictionary(c => c.Id);
        var credits = _store.GetCredits(top.Select(t => t.Doc.Id).ToList());
        var results = new List<SearchHit>(top.Count);
        foreach (var (doc, c) in top)
        {
            var chunkId = snapshot.Catalog.ChunkIds[c.Row];
            var chunk = chunks[chunkId];
            var docTerms = new HashSet<string>(TextAnalyzer.Analyze($"{doc.Title} {chunk.Heading} {chunk.Keywords} {chunk.Text}", doc.Language), StringComparer.Ordinal);
            results.Add(new SearchHit
            {
                DocumentId = doc.Id,
                GroupId = doc.GroupId,
                Title = doc.Title,
                Kind = doc.Kind,
                Language = doc.Language,
                Category = doc.Category,
                Priority = doc.Priority,
                Score = Math.Round(c.Final * 1000, 4),
                KeywordScore = c.Keyword is { } k ? Math.Round(k, 4) : null,
                VectorScore = c.Vector is { } v ? Math.Round(v, 4) : null,
                Coverage = Math.Round(analysis.Coverage(docTerms), 3),
                ChunkId = chunkId,
                Snippet = Snippets.Best(chunk.Text, analysis, doc.Language),
                Tags = chunk.Keywords is null ? [] : chunk.Keywords.Split(", ", StringSplitOptions.RemoveEmptyEntries),
                Attribution = credits.TryGetValue(doc.Id, out var credit) ? credit.Attribution : null,
                Url = credits.TryGetValue(doc.Id, out var link) ? link.Url : null,
            });
        }

        timings["fuse"] = Lap(clock);
        return new SearchResult(request.Query, analysis, results, timings);
    }

    private double Boost(CatalogDocument doc, bool medical, string? preferredLanguage)
    {
        var boost = 1.0;
        if (medical)
        {
            boost *= doc.Priority switch
            {
                Priority.Critical => Weights.CriticalBoost,
                Priority.High => Weights.HighBoost,
                _ => 1.0,
            };
            if (Categories.IsMedical(doc.Category) || doc.Kind == DocumentKind.QuestionAnswer)
            {
                boost *= Weights.MedicalBoost;
            }
        }

        if (preferredLanguage is not null && doc.Language == preferredLanguage)
        {
            boost *= Weights.LanguageBoost;
        }

        return boost;
    }

    // Within a translation group, the reader's language wins; otherwise the better score.
    private static bool Better(CatalogDocument doc, Candidate c, CatalogDocument other, Candidate otherC, string? preferred)
    {
        var mine = doc.Language == preferred;
        var theirs = other.Language == preferred;
        if (mine != theirs)
        {
            return mine;
        }

        return c.Final > otherC.Final;
    }

    private static Candidate Get(Dictionary<int, Candidate> fused, int row)
    {
        if (!fused.TryGetValue(row, out var c))
        {
            c = new Candidate(row);
            fused[row] = c;
        }

        return c;
    }

    private static double Lap(Stopwatch clock)
    {
        var ms = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        return Math.Round(ms, 3);
    }

    private sealed class Candidate(int row)
    {
        public int Row { get; } = row;

        public double Score { get; set; }

        public double? Keyword { get; set; }

        public double? Vector { get; set; }

        /// <summary>The document's score after aggregation and boosts.</summary>
        public double Final { get; set; }
    }

    /// <summary>A query embedding as the cache holds it: never mutated, so the cache keeps the instance.</summary>
    [System.ComponentModel.ImmutableObject(true)]
    private sealed record CachedVector(ReadOnlyMemory<float> Vector);
}
