using SigmaNex.Core.Retrieval;
using SigmaNex.Core.Retrieval.Keywords;
using SigmaNex.Core.Storage;
using SigmaNex.Core.Text;

namespace SigmaNex.Core.Tests.Retrieval;

public sealed class KeywordIndexTests : IAsyncLifetime
{
    private static readonly string[] s_queries =
    [
        "how do I stop severe bleeding", "boil water altitude", "snake bite what not to do", "burn cool running water",
        "come fermare un'emorragia", "acqua potabile candeggina", "child choking back blows", "carbon monoxide generator",
        "hypothermia shivering wet clothes", "seizure fit recovery position", "tick removal tweezers", "earthquake drop cover hold",
    ];

    private TestEngine _engine = null!;

    public async Task InitializeAsync() => _engine = await TestEngine.StartAsync();

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public void InMemoryBm25_AgreesWithTheStoresFts5Ranking()
    {
        var store = _engine.Get<KnowledgeStore>();
        var snapshot = _engine.Get<Retriever>().Snapshot();
        var index = KeywordIndexBuilder.Build(store, snapshot.Catalog);
        var agreement = 0.0;
        foreach (var q in s_queries)
        {
            var terms = TextAnalyzer.AnalyzeQuery(q, ["en", "it"]).Terms;
            // Compared by document: both rank chunks, and a protocol's chunks may swap places.
            string Doc(int row) => snapshot.DocumentOfRow(row).Id;
            var fts = store.SearchKeywords(FtsQuery.AnyOf(terms)!, 10).Select(h => snapshot.TryGetRow(h.ChunkId, out var r) ? Doc(r) : "?").Distinct().Take(5).ToList();
            var ours = index.Search(terms, 10).Select(h => Doc(h.Row)).Distinct().Take(5).ToList();
            Assert.Equal(fts[0], ours[0]);
            agreement += ours.Count(fts.Contains) / (double)fts.Count;
        }

        Assert.True(agreement / s_queries.Length >= 0.8, $"top-10 agreement {agreement / s_queries.Length:0.00}");
    }

    [Fact]
    public void Pruning_GivesTheSameTopResultsAsScanningEverything()
    {
        var snapshot = _engine.Get<Retriever>().Snapshot();
        var index = KeywordIndexBuilder.Build(_engine.Get<KnowledgeStore>(), snapshot.Catalog);
        foreach (var q in s_queries)
        {
            var terms = TextAnalyzer.AnalyzeQuery(q, ["en", "it"]).Terms;
            // With k as large as the collection nothing is pruned; the first 5 must be the same.
            var full = index.Search(terms, index.Rows).Take(5).ToList();
            var pruned = index.Search(terms, 5);
            Assert.Equal(full.Select(h => h.Row), pruned.Select(h => h.Row));
            Assert.Equal(full.Select(h => h.Score), pruned.Select(h => h.Score), (a, b) => Math.Abs(a - b) < 1e-4);
        }
    }

    [Fact]
    public async Task AboveTheThreshold_SearchUsesTheIndex_PersistsIt_AndRebuildsItWhenDamaged()
    {
        var store = _engine.Get<KnowledgeStore>();
        var settings = new IndexSettings(AnnThreshold: int.MaxValue, AnnProbes: 1, KeywordThreshold: 1, Directory: _engine.Config.Paths.IndexDirectory);
        var space = store.GetVectorSpace();

        var first = SearchSnapshot.Load(store, space, settings);
        var second = SearchSnapshot.Load(store, space, settings);
        var bytes = File.ReadAllBytes(settings.KeywordPath);
        bytes[^40] ^= 0x55;
        File.WriteAllBytes(settings.KeywordPath, bytes);
        var third = SearchSnapshot.Load(store, space, settings);
        var retriever = new Retriever(store, null, null) { Indexes = settings };
        var result = await retriever.SearchAsync(new SearchRequest { Query = "how do I stop severe bleeding", Hybrid = false }, CancellationToken.None);

        Assert.StartsWith("built the keyword index", first.AnnNotice, StringComparison.Ordinal);
        Assert.NotNull(second.Keywords);
        Assert.Null(second.AnnNotice);
        Assert.Contains("is damaged; built the keyword index", third.AnnNotice, StringComparison.Ordinal);
        Assert.Equal("severe-bleeding.en", result.Hits[0].DocumentId);
    }
}
