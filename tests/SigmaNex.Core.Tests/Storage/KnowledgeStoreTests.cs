using Microsoft.Data.Sqlite;
using SigmaNex.Core.Knowledge;
using SigmaNex.Core.Retrieval;
using SigmaNex.Core.Retrieval.Embeddings;
using SigmaNex.Core.Storage;
using SigmaNex.Core.Text;
using SigmaNex.Tests;

namespace SigmaNex.Core.Tests.Storage;

public sealed class KnowledgeStoreTests : IDisposable
{
    private readonly TempDirectory _temp = new("store");
    private readonly KnowledgeStore _store;
    private readonly DocumentIndexer _indexer = new(new BuiltinEmbeddingGenerator());
    private readonly VectorSpace _space = new("builtin", "sigma-hash-v1", 384);

    public KnowledgeStoreTests() => _store = new KnowledgeStore(SqliteDatabase.Open(_temp.File("sigma.db")));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }

    [Fact]
    public async Task ReplaceSource_SameContentTwice_WritesNothingTheSecondTime()
    {
        var docs = await _indexer.IndexAsync([Doc("a", "Boil water for one minute"), Doc("b", "Filter cloudy water first")], CancellationToken.None);

        var first = _store.ReplaceSource("file:///x", "test", "h1", docs, _space);
        var second = _store.ReplaceSource("file:///x", "test", "h1", docs, _space);

        Assert.Equal((2, 0), first);
        Assert.Equal((0, 0), second);
        Assert.Equal(2, _store.GetStats().Documents);
        Assert.Equal(2, _store.GetStats().Vectors);
    }

    [Fact]
    public async Task ReplaceSource_ChangedFile_ReplacesItsOldChunksAndDropsRemovedDocuments()
    {
        _store.ReplaceSource("file:///x", "test", "h1", await _indexer.IndexAsync([Doc("a", "Boil water"), Doc("b", "zebra crossing")], CancellationToken.None), _space);

        var (written, removed) = _store.ReplaceSource("file:///x", "test", "h2", await _indexer.IndexAsync([Doc("a", "Purify with chlorine")], CancellationToken.None), _space);

        Assert.Equal((1, 1), (written, removed));
        Assert.Empty(Keyword("zebra"));
        Assert.Empty(Keyword("boil"));
        Assert.Single(Keyword("chlorine"));
        Assert.Equal(1, _store.GetStats().Chunks);
    }

    [Fact]
    public async Task DeleteSource_RemovesDocumentsChunksIndexAndVectors()
    {
        _store.ReplaceSource("file:///x", "test", "h", await _indexer.IndexAsync([Doc("a", "tourniquet above the wound")], CancellationToken.None), _space);

        Assert.Equal(1, _store.DeleteSource("file:///x"));

        var stats = _store.GetStats();
        Assert.Equal((0, 0, 0), (stats.Documents, stats.Chunks, stats.Vectors));
        Assert.Empty(Keyword("tourniquet"));
    }

    [Fact]
    public async Task Batches_AnInterruptedSourceIsPartial_AndCompletingItSweepsStaleDocuments()
    {
        var id = _store.BeginSource("file:///big", "test", "h1");
        _store.WriteDocuments(id, await _indexer.IndexAsync([Doc("a", "one"), Doc("stale", "old text")], CancellationToken.None), _space);
        Assert.Equal("partial", _store.GetSource("file:///big")!.Status);

        var removed = _store.CompleteSource(id, "h1", ["a"]);

        Assert.Equal(1, removed);
        Assert.Equal("complete", _store.GetSource("file:///big")!.Status);
        Assert.Null(_store.GetDocument("stale"));
    }

    [Fact]
    public async Task WriteDocuments_FailingHalfway_LeavesThePreviousContent()
    {
        _store.ReplaceSource("file:///x", "test", "h1", await _indexer.IndexAsync([Doc("a", "original text")], CancellationToken.None), _space);
        var bad = await _indexer.IndexAsync([Doc("a", "replacement"), Doc("b", "second")], CancellationToken.None);
        // A chunk whose vector breaks the NOT NULL constraint fails the transaction after document "a" was rewritten.
        var broken = bad.Select((d, i) => i == 1 ? d with { Chunks = [d.Chunks[0] with { Draft = d.Chunks[0].Draft with { Text = null! } }] } : d).ToList();

        Assert.ThrowsAny<Exception>(() => _store.ReplaceSource("file:///x", "test", "h2", broken, _space));

        Assert.Single(Keyword("original"));
        Assert.Empty(Keyword("replacement"));
        Assert.Equal("h1", _store.GetSource("file:///x")!.ContentHash);
    }

    [Fact]
    public async Task GetDocument_Protocol_RoundTripsEveryField()
    {
        var protocol = new Protocol
        {
            Id = "p", Language = "en", Title = "T", Category = "burns", Priority = Priority.Critical, Summary = "S",
            Steps = ["one", "two"], Warnings = [new ProtocolWarning("Do not x", ["x y"])], CallForHelp = ["call"],
            SpecialCases = new Dictionary<string, string> { ["child"] = "c" }, Improvised = ["i"], Tags = ["t"], Related = ["r"], Source = "src",
        };
        _store.ReplaceSource("file:///p", "test", "h", await _indexer.IndexAsync([ProtocolDocuments.ToDocument(protocol)], CancellationToken.None), _space);

        var back = _store.GetDocument("p.en")!.Protocol!;

        Assert.Equal(protocol.Steps, back.Steps);
        Assert.Equal("Do not x", back.Warnings[0].Text);
        Assert.Equal(["x y"], back.Warnings[0].Forbid);
        Assert.Equal("c", back.SpecialCases["child"]);
        Assert.Equal(Priority.Critical, back.Priority);
    }

    private IReadOnlyList<KeywordHit> Keyword(string word) =>
        _store.SearchKeywords(FtsQuery.AnyOf(TextAnalyzer.AnalyzeQuery(word, ["en"]).Terms)!, 10);

    private static KnowledgeDocument Doc(string id, string text) => new()
    {
        Id = id,
        Kind = DocumentKind.Document,
        Title = id,
        Language = "en",
        Chunks = [new ChunkDraft { Text = text }],
    };
}
