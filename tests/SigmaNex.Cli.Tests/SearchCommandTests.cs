using System.Text.Json;

namespace SigmaNex.Cli.Tests;

public sealed class SearchCommandTests : IDisposable
{
    private readonly CliHarness _cli = new("search");

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Search_Json_FollowsTheContract()
    {
        var r = await _cli.RunAsync("search", "--json", "--top", "3", "nosebleed");

        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal("nosebleed", doc.RootElement.GetProperty("query").GetString());
        var hits = doc.RootElement.GetProperty("hits");
        Assert.InRange(hits.GetArrayLength(), 1, 3);
        var first = hits[0];
        Assert.Equal("nosebleed.en", first.GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.String, first.GetProperty("title").ValueKind);
        Assert.Equal("bleeding", first.GetProperty("category").GetString());
        Assert.Equal(JsonValueKind.Array, first.GetProperty("tags").ValueKind);
        Assert.True(first.GetProperty("tags").GetArrayLength() > 0);
        Assert.Equal(JsonValueKind.Number, first.GetProperty("score").ValueKind);
        Assert.False(string.IsNullOrWhiteSpace(first.GetProperty("snippet").GetString()));
    }

    [Theory]
    [InlineData("\"burn")]
    [InlineData("burn*")]
    [InlineData("burn NEAR water")]
    [InlineData("title:burn")]
    [InlineData("-burn")]
    [InlineData("'; DROP TABLE chunks; --")]
    [InlineData("🔥")]
    [InlineData("!!!")]
    public async Task Search_SyntaxCharacters_AreSearchedAsText(string query)
    {
        var r = await _cli.RunAsync("search", "--json", "--", query);

        Assert.True(r.ExitCode == 0, r.ToString());
        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal(JsonValueKind.Array, doc.RootElement.GetProperty("hits").ValueKind);
    }

    [Fact]
    public async Task Search_Human_PrintsATable()
    {
        var r = await _cli.RunAsync("search", "hypothermia");

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("hypothermia.en", r.Out, StringComparison.Ordinal);
    }
}
