using SigmaNex.Core.Retrieval;

namespace SigmaNex.Core.Tests.Retrieval;

public sealed class RetrieverTests : IAsyncLifetime
{
    private TestEngine _engine = null!;

    public async Task InitializeAsync() => _engine = await TestEngine.StartAsync();

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Theory]
    [InlineData("How do I stop severe bleeding?", "severe-bleeding.en")]
    [InlineData("come fermare un'emorragia grave", "severe-bleeding.it")]
    [InlineData("how to make water safe with bleach", "water-chlorine.en")]
    [InlineData("my friend is having a fit", "seizures.en")]
    public async Task Search_CommonQuestions_FindTheRightProtocolFirst(string query, string expected)
    {
        var languages = expected.EndsWith(".it", StringComparison.Ordinal) ? new[] { "it", "en" } : ["en", "it"];

        var result = await Search(query, languages);

        Assert.Equal(expected, result.Hits[0].DocumentId);
    }

    [Fact]
    public async Task Search_TranslationsOfOneProtocol_AppearOnce_InTheReadersLanguage()
    {
        var result = await Search("emorragia tourniquet bleeding", ["it", "en"], top: 10);

        var groups = result.Hits.Where(h => h.GroupId is not null).GroupBy(h => h.GroupId).ToList();
        Assert.All(groups, g => Assert.Single(g));
        Assert.Contains(result.Hits, h => h.DocumentId == "severe-bleeding.it");
    }

    [Theory]
    [InlineData("\"bleeding")]
    [InlineData("bleeding*")]
    [InlineData("bleeding NEAR burn")]
    [InlineData("-bleeding")]
    [InlineData("title:bleeding")]
    [InlineData("'); DROP TABLE documents; --")]
    [InlineData("🔥🔥🔥")]
    [InlineData("?!.,;")]
    public async Task Search_QuerySyntaxAndInjection_AreSearchedAsPlainText(string query)
    {
        var result = await Search(query, ["en", "it"]);

        Assert.NotNull(result.Hits);
        Assert.True(_engine.Get<SigmaNex.Core.Storage.KnowledgeStore>().GetStats().Documents > 0);
    }

    [Fact]
    public async Task Search_HugeQuery_StillAnswers()
    {
        var query = string.Concat(Enumerable.Repeat("bleeding burn water ", 5000));

        var result = await Search(query, ["en"]);

        Assert.NotEmpty(result.Hits);
    }

    [Fact]
    public async Task Search_Scores_AreExposedAndOrdered()
    {
        var result = await Search("burn cool water", ["en"], top: 5);

        Assert.True(result.Hits.Count >= 2);
        Assert.True(result.Hits.Zip(result.Hits.Skip(1)).All(p => p.First.Score >= p.Second.Score));
        Assert.Contains(result.Hits, h => h.KeywordScore is not null && h.VectorScore is not null);
        Assert.All(result.Hits, h => Assert.False(string.IsNullOrWhiteSpace(h.Snippet)));
    }

    private Task<SearchResult> Search(string query, IReadOnlyList<string> languages, int top = 5) =>
        _engine.Get<Retriever>().SearchAsync(new SearchRequest { Query = query, Languages = languages, TopK = top }, CancellationToken.None);
}
