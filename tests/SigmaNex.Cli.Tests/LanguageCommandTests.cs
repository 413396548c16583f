using System.Text.Json;

namespace SigmaNex.Cli.Tests;

public sealed class LanguageCommandTests : IDisposable
{
    private readonly CliHarness _cli = new("lang");

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Detect_PrintsLanguageConfidenceAndCandidates()
    {
        var r = await _cli.RunAsync("detect", "Dove si trova l'ospedale più vicino?");

        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.StartsWith("it (confidence ", r.Out, StringComparison.Ordinal);
        Assert.Contains("candidates: it ", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Detect_Json_HasLanguageConfidenceAndTopThree()
    {
        var r = await _cli.RunAsync("detect", "--json", "Wo ist das nächste Krankenhaus?");

        Assert.True(r.ExitCode == 0, r.ToString());
        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal("de", doc.RootElement.GetProperty("language").GetString());
        Assert.InRange(doc.RootElement.GetProperty("confidence").GetDouble(), 0.5, 1);
        var candidates = doc.RootElement.GetProperty("candidates");
        Assert.InRange(candidates.GetArrayLength(), 1, 3);
        Assert.Equal("de", candidates[0].GetProperty("language").GetString());
    }

    [Fact]
    public async Task Detect_Json_UndeterminedForNoLetters()
    {
        var r = await _cli.RunAsync("detect", "--json", "12345");

        Assert.True(r.ExitCode == 0, r.ToString());
        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal("und", doc.RootElement.GetProperty("language").GetString());
        Assert.Equal(0, doc.RootElement.GetProperty("confidence").GetDouble());
    }

    [Fact]
    public async Task Detect_ReadsStandardInput()
    {
        var r = await _cli.RunWithInputAsync("Où est la pharmacie la plus proche ?", "detect");

        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.StartsWith("fr ", r.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "detect", "" }, "the text is empty")]
    [InlineData(new[] { "detect" }, "a text is required")]
    [InlineData(new[] { "detect", "--frobnicate", "hello" }, "unknown option '--frobnicate'")]
    public async Task Detect_BadInput_ExitsTwoWithOneLine(string[] args, string expected)
    {
        var r = await _cli.RunAsync(args);

        Assert.True(r.ExitCode == 2, r.ToString());
        Assert.Contains(expected, r.Error, StringComparison.Ordinal);
        Assert.Single(r.Error.Trim().Split('\n'));
        Assert.Empty(r.Out);
    }

    [Fact]
    public async Task Detect_OversizedText_IsRefusedWithTheLimit()
    {
        var r = await _cli.RunAsync("detect", new string('a', 10_000));

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("too long", r.Error, StringComparison.Ordinal);
        Assert.Single(r.Error.Trim().Split('\n'));
    }

    [Fact]
    public async Task EvalLanguage_GivenFile_PrintsAccuracyKindsAndConfusions()
    {
        var set = _cli.Temp.Write("set.tsv", string.Join('\n',
            "en\tThe bridge over the river was closed after the storm.\tsentence",
            "es\tel puente está cerrado\tquery",
            "de\thm\tquery",
            ""));

        var r = await _cli.RunAsync("eval", "--language", set);

        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("accuracy", r.Out, StringComparison.Ordinal);
        Assert.Contains("sentences (>= 20 chars)", r.Out, StringComparison.Ordinal);
        Assert.Contains("queries", r.Out, StringComparison.Ordinal);
        Assert.Contains("de → und: 1", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvalLanguage_Json_DefaultsToBothSets()
    {
        var root = _cli.Environment.Get(Core.Configuration.SigmaPaths.RootVariable)!;
        _cli.Temp.Write("root/evals/language/sentences.tsv", "fr\tLe train partira avec une heure de retard ce matin.\n");
        _cli.Temp.Write("root/evals/language/queries.tsv", "nl\twaar is het station\nsv\tvar ligger stationen\n");

        var r = await _cli.RunAsync("eval", "--language", "--json", "--misses", "5");

        Assert.True(r.ExitCode == 0, r.ToString());
        using var doc = JsonDocument.Parse(r.Out);
        var sets = doc.RootElement.GetProperty("sets").EnumerateArray().Select(s => s.GetString()!).ToList();
        Assert.Equal(2, sets.Count);
        Assert.All(sets, s => Assert.StartsWith(root, s, StringComparison.Ordinal));
        Assert.Equal(3, doc.RootElement.GetProperty("overall").GetProperty("texts").GetInt32());
        Assert.Equal(1, doc.RootElement.GetProperty("by_kind").GetProperty("sentence").GetProperty("texts").GetInt32());
        Assert.Equal(2, doc.RootElement.GetProperty("by_kind").GetProperty("query").GetProperty("texts").GetInt32());
        Assert.True(doc.RootElement.GetProperty("by_language").TryGetProperty("nl", out _));
        Assert.Equal(JsonValueKind.Array, doc.RootElement.GetProperty("confusions").ValueKind);
    }

    [Fact]
    public async Task Eval_TriageAndLanguageTogether_IsRefused()
    {
        var r = await _cli.RunAsync("eval", "--triage", "--language");

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("give one", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_RulesOnlyWithoutTriage_IsRefused()
    {
        var r = await _cli.RunAsync("eval", "--rules-only");

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--rules-only goes with --triage", r.Error, StringComparison.Ordinal);
    }
}
