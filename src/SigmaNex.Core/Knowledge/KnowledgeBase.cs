using Microsoft.Extensions.AI;
using SigmaNex.Core.Ingestion;
using SigmaNex.Core.Retrieval;
using SigmaNex.Core.Retrieval.Embeddings;
using SigmaNex.Core.Retrieval.Vectors;
using SigmaNex.Core.Storage;

namespace SigmaNex.Core.Knowledge;

/// <summary>
/// Keeps the store in step with what is configured: the shipped protocol library loaded (and reloaded
/// when its files change), and every chunk embedded by the configured embedder (re-embedded when the
/// model changes, repaired when a stored vector is missing or damaged).
/// </summary>
public sealed class KnowledgeBase
{
    private const string FingerprintKey = "library.fingerprint";
    private const int EmbedBatch = 256;

    private readonly KnowledgeStore _store;
    private readonly string _knowledgeDirectory;
    private readonly DocumentIndexer _indexer;
    private readonly IEmbeddingGenerator<string, Embedding<float>>? _embedder;
    private readonly VectorSpace? _space;

    private readonly string? _embedderProblem;

    public KnowledgeBase(KnowledgeStore store, string knowledgeDirectory, DocumentIndexer indexer, EmbeddingSetup embeddings)
    {
        _store = store;
        _knowledgeDirectory = knowledgeDirectory;
        _indexer = indexer;
        _embedder = embeddings.Generator;
        _space = embeddings.Space;
        _embedderProblem = embeddings.Problem;
    }

    public string KnowledgeDirectory => _knowledgeDirectory;

    /// <summary>Brings the store up to date; returns notices worth telling the user.</summary>
    public async Task<IReadOnlyList<string>> EnsureReadyAsync(Retriever retriever, IProgress<ProgressUpdate>? progress, CancellationToken cancellationToken)
    {
        var notices = new List<string>();
        if (_embedderProblem is not null)
        {
            notices.Add(_embedderProblem);
        }

        if (_store.Database.ReadOnly)
        {
            if (_store.GetStats().Documents == 0)
            {
                throw SigmaException.Storage(
                    $"the database {_store.Database.Path} is read-only and holds no knowledge yet; make it writable or set SIGMA_NEX_HOME to a writable folder");
            }

            notices.Add($"the database {_store.Database.Path} is read-only: searching works, but nothing can be loaded or saved");
            return notices;
        }

        if (!ProtocolLibrary.Exists(_knowledgeDirectory))
        {
            notices.Add($"the protocol library was not found at {ProtocolLibrary.ProtocolsFolder(_knowledgeDirectory)}; only ingested documents can be searched");
        }
        else if (_store.GetMeta(FingerprintKey) != ProtocolLibrary.Fingerprint(_knowledgeDirectory))
        {
            var (_, problems) = await LoadLibraryAsync(strict: false, progress, cancellationToken).ConfigureAwait(false);
            notices.AddRange(problems.Select(p => "left out of the library: " + p));
        }

        if (_space is not null)
        {
            var stored = _store.GetVectorSpace();
            if (stored != _space)
            {
                if (stored is not null)
                {
                    notices.Add($"the embedding model changed from {stored} to {_space}; rebuilding the vector index");
                }

                await RebuildVectorsAsync(progress, cancellationToken).ConfigureAwait(false);
            }

            var snapshot = retriever.Snapshot();
            if (snapshot.AnnNotice is { } ann)
            {
                notices.Add(ann);
            }

            if (snapshot.MissingVectors.Count > 0)
            {
                notices.Add($"{snapshot.MissingVectors.Count} stored vectors were missing or damaged; re-embedding them");
                await EmbedChunksAsync(snapshot.MissingVectors.ToHashSet(), progress, cancellationToken).ConfigureAwait(false);
                _store.SetMeta("vectors.repaired", DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
                BumpGeneration();
            }
        }

        return notices;
    }

    /// <summary>
    /// (Re)loads the shipped library into the store, replacing its previous version atomically. Strict
    /// loading refuses the whole library if any file is wrong; lenient loading leaves those files out.
    /// </summary>
    public async Task<(int Loaded, IReadOnlyList<string> Problems)> LoadLibraryAsync(bool strict, IProgress<ProgressUpdate>? progress, CancellationToken cancellationToken)
    {
        var fingerprint = ProtocolLibrary.Fingerprint(_knowledgeDirectory);
        var (protocols, problems) = strict
            ? (ProtocolLibrary.Load(_knowledgeDirectory), (IReadOnlyList<string>)[])
            : ProtocolLibrary.LoadLenient(_knowledgeDirectory);
        progress?.Report(new ProgressUpdate("library", 0, protocols.Count, "indexing protocols"));
        var documents = protocols.Select(p => ProtocolDocuments.ToDocument(p)).ToList();
        var indexed = await _indexer.IndexAsync(documents, cancellationToken).ConfigureAwait(false);
        _store.ReplaceSource(ProtocolLibrary.SourceUri, "library", fingerprint, indexed, _space);
        _store.SetMeta(FingerprintKey, fingerprint);
        progress?.Report(new ProgressUpdate("library", protocols.Count, protocols.Count));
        return (protocols.Count, problems);
    }

    /// <summary>Re-embeds every chunk with the configured embedder.</summary>
    public async Task<int> RebuildVectorsAsync(IProgress<ProgressUpdate>? progress, CancellationToken cancellationToken)
    {
        if (_space is null)
        {
            return 0;
        }

        _store.ResetVectors(_space);
        return await EmbedChunksAsync(only: null, progress, cancellationToken).ConfigureAwait(false);
    }

    private async Task<int> EmbedChunksAsync(HashSet<long>? only, IProgress<ProgressUpdate>? progress, CancellationToken cancellationToken)
    {
        if (_embedder is null)
        {
            return 0;
        }

        var total = only?.Count ?? _store.GetStats().Chunks;
        var done = 0;
        var batch = new List<StoredChunk>(EmbedBatch);
        progress?.Report(new ProgressUpdate("vectors", 0, total, _space?.ToString()));
        foreach (var (chunk, _) in _store.ReadChunks())
        {
            if (only is not null && !only.Contains(chunk.Id))
            {
                continue;
            }

            batch.Add(chunk);
            if (batch.Count == EmbedBatch)
            {
                done += await FlushAsync(batch, cancellationToken).ConfigureAwait(false);
                progress?.Report(new ProgressUpdate("vectors", done, total));
            }
        }

        done += await FlushAsync(batch, cancellationToken).ConfigureAwait(false);
        progress?.Report(new ProgressUpdate("vectors", done, total));
        return done;
    }

    private async Task<int> FlushAsync(List<StoredChunk> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0 || _embedder is null)
        {
            return 0;
        }

        var texts = batch.Select(c => DocumentIndexer.EmbeddingText(c.Heading, c.Keywords, c.Text, DocumentIndexer.HeadingWeightFor(_embedder))).ToList();
        var embeddings = await _embedder.GenerateAsync(texts, cancellationToken: cancellationToken).ConfigureAwait(false);
        var rows = new List<(long, byte[])>(batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            var vector = embeddings[i].Vector.Span;
            if (_space is not null && vector.Length != _space.Dimension)
            {
                throw new SigmaException(SigmaErrorKind.Backend,
                    $"the embedder returned {vector.Length} dimensions but {_space} was expected; check retrieval.embedding_model");
            }

            rows.Add((batch[i].Id, Quantizer.Quantize(vector)));
        }

        _store.WriteVectors(rows);
        var n = batch.Count;
        batch.Clear();
        return n;
    }

    private void BumpGeneration() =>
        _store.SetMeta("generation", (_store.Generation() + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
}
