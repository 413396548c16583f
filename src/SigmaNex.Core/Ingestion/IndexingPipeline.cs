using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using SigmaNex.Core.Knowledge;
using SigmaNex.Core.Retrieval;
using SigmaNex.Core.Storage;

namespace SigmaNex.Core.Ingestion;

/// <summary>
/// Overlaps the three stages of a large ingest: the importer parses the next batch while the previous
/// one is analysed and embedded, and the one before that is written by the caller. Batches come out in
/// order; an importer's or indexer's failure surfaces after every batch completed before it, so the
/// caller writes exactly what it would have written one batch at a time.
/// </summary>
internal static class IndexingPipeline
{
    /// <summary>Batches waiting between two stages: enough to smooth uneven batches, little memory.</summary>
    private const int Buffered = 2;

    public static async IAsyncEnumerable<List<IndexedDocument>> RunAsync(
        IAsyncEnumerable<KnowledgeDocument> documents, DocumentIndexer indexer, int batchSize,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var options = new BoundedChannelOptions(Buffered) { SingleReader = true, SingleWriter = true };
        var parsed = Channel.CreateBounded<List<KnowledgeDocument>>(options);
        var indexed = Channel.CreateBounded<List<IndexedDocument>>(options);
        ExceptionDispatchInfo? importFailure = null;
        ExceptionDispatchInfo? indexFailure = null;

        // The stages always run to their end (they catch everything), so their channels always complete.
        var import = Task.Run(
            async () =>
            {
                try
                {
                    var batch = new List<KnowledgeDocument>(batchSize);
                    await foreach (var doc in documents.WithCancellation(stop.Token).ConfigureAwait(false))
                    {
                        batch.Add(doc);
                        if (batch.Count >= batchSize)
                        {
                            await parsed.Writer.WriteAsync(batch, stop.Token).ConfigureAwait(false);
                            batch = new List<KnowledgeDocument>(batchSize);
                        }
                    }

                    if (batch.Count > 0)
                    {
                        await parsed.Writer.WriteAsync(batch, stop.Token).ConfigureAwait(false);
                    }
                }
                catch (Exception ex)
                {
                    importFailure = ExceptionDispatchInfo.Capture(ex);
                }
                finally
                {
                    parsed.Writer.Complete();
                }
            });

        var index = Task.Run(
            async () =>
            {
                try
                {
                    await foreach (var batch in parsed.Reader.ReadAllAsync(stop.Token).ConfigureAwait(false))
                    {
                        var result = await indexer.IndexAsync(batch, stop.Token).ConfigureAwait(false);
                        await indexed.Writer.WriteAsync(result, stop.Token).ConfigureAwait(false);
                    }
                }
                catch (Exception ex)
                {
                    indexFailure = ExceptionDispatchInfo.Capture(ex);
                    stop.Cancel();
                }
                finally
                {
                    indexed.Writer.Complete();
                }
            });

        try
        {
            await foreach (var batch in indexed.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return batch;
            }
        }
        finally
        {
            // The caller stopped early (an error, Ctrl-C): stop the stages and wait for them to let go.
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(import, index).ConfigureAwait(false);
        }

        indexFailure?.Throw();
        importFailure?.Throw();
    }
}
