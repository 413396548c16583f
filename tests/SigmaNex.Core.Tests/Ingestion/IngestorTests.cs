using SigmaNex.Core.Ingestion;
using SigmaNex.Core.Knowledge;
using SigmaNex.Core.Storage;
using SigmaNex.Tests;

namespace SigmaNex.Core.Tests.Ingestion;

public sealed class IngestorTests
{
    [Fact]
    public async Task IngestAsync_CancelledMidArchive_KeepsCommittedBatchesAndARerunCompletes()
    {
        await using var engine = await TestEngine.StartAsync();
        var archive = MedQuadFixtures.Archive(engine.Temp.File("many.tar.gz"), MedQuadFixtures.Many(600));
        var ingestor = engine.Get<Ingestor>();
        var store = engine.Get<KnowledgeStore>();
        var options = new IngestOptions { BatchSize = 100 };
        using var stop = new CancellationTokenSource();

        var first = await ingestor.IngestAsync(archive, options, new Sync(_ => stop.Cancel()), stop.Token);

        Assert.True(first.Cancelled);
        var source = store.GetSource(new Uri(archive).AbsoluteUri);
        Assert.Equal("partial", source?.Status);
        var kept = store.ListDocuments(DocumentKind.QuestionAnswer).Count;
        Assert.InRange(kept, 200, 1199);
        Assert.Empty(engine.Get<SqliteDatabase>().CheckIntegrity());

        var second = await ingestor.IngestAsync(archive, options, null, CancellationToken.None);

        Assert.False(second.Cancelled);
        Assert.Equal(1200, second.Documents);
        Assert.Equal(1200 - kept, second.DocumentsWritten);
        Assert.Equal("complete", store.GetSource(new Uri(archive).AbsoluteUri)?.Status);
        Assert.Equal(1200, store.ListDocuments(DocumentKind.QuestionAnswer).Count);
    }

    [Fact]
    public async Task IngestAsync_LargeArchive_ReportsProgressInBytesWithCounts()
    {
        await using var engine = await TestEngine.StartAsync();
        var archive = MedQuadFixtures.Archive(engine.Temp.File("many.tar.gz"), MedQuadFixtures.Many(300));
        var updates = new List<ProgressUpdate>();

        var report = await engine.Get<Ingestor>().IngestAsync(archive, new IngestOptions { BatchSize = 50 }, new Sync(updates.Add), CancellationToken.None);

        Assert.Equal(600, report.Documents);
        Assert.NotEmpty(updates);
        Assert.All(updates, u => Assert.Equal(("many.tar.gz", "bytes", new FileInfo(archive).Length), (u.Stage, u.Unit, u.Total ?? 0)));
        Assert.Equal(updates.Select(u => u.Done).Order(), updates.Select(u => u.Done));
        Assert.Matches(@"^[\d,]+ docs, [\d,]+ chunks, [\d,]+/s$", updates[^1].Detail);
    }

    [Fact]
    public async Task IngestAsync_ArchiveFailingAfterSomeBatches_KeepsThemAndSaysWhy()
    {
        await using var engine = await TestEngine.StartAsync("security:\n  max_file_size_mb: 1\n");
        // 1,500 documents fit the expansion limit (16 MB); a big run of zeros after them does not.
        var entries = MedQuadFixtures.Many(1500).Append(("9_Zero_QA/zeros.txt", new string('\0', 20 * 1024 * 1024)));
        var archive = MedQuadFixtures.Archive(engine.Temp.File("bomb.tar.gz"), entries);
        var options = new IngestOptions { BatchSize = 200, MaxFileBytes = 1024 * 1024 };

        var ex = await Assert.ThrowsAsync<SigmaException>(() => engine.Get<Ingestor>().IngestAsync(archive, options, null, CancellationToken.None));

        Assert.Equal(SigmaErrorKind.Refused, ex.Kind);
        Assert.Contains("decompression bomb", ex.Message, StringComparison.Ordinal);
        var store = engine.Get<KnowledgeStore>();
        Assert.Equal("partial", store.GetSource(new Uri(archive).AbsoluteUri)?.Status);
        Assert.True(store.ListDocuments(DocumentKind.QuestionAnswer).Count >= 2000);
    }

    /// <summary>Reports on the caller's thread, in order.</summary>
    private sealed class Sync(Action<ProgressUpdate> report) : IProgress<ProgressUpdate>
    {
        public void Report(ProgressUpdate value) => report(value);
    }
}
