using System.Text.Json;

namespace SigmaNex.Cli.Tests;

/// <summary><c>sigma triage</c>: what the rules found, what the learned stage added or overruled, and bad input.</summary>
public sealed class TriageCommandTests : IDisposable
{
    private const string Figurative =
        "für den elektrotechnik kurs müssen wir berechnen ab welcher stromstärke ein stromschlag theoretisch gefährlich wird, ich komm mit den formeln einfach nicht klar";

    private readonly CliHarness _cli = new("triage");

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Triage_Emergency_PrintsSeverityCategoryProtocolAndEvidence()
    {
        var r = await _cli.RunAsync("triage", "mi amigo no respira");

        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.StartsWith("CRITICAL cardiac_arrest → protocol cpr-adult", r.Out, StringComparison.Ordinal);
        Assert.Contains("\"no respira\"", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Triage_Json_Emergency_DecidedByTheRules()
    {
        var r = await _cli.RunAsync("triage", "--json", "mi amigo no respira");

        Assert.True(r.ExitCode == 0, r.ToString());
        using var doc = JsonDocument.Parse(r.Out);
        Assert.True(doc.RootElement.GetProperty("detected").GetBoolean());
        Assert.Equal("cardiac_arrest", doc.RootElement.GetProperty("category").GetString());
        Assert.Equal("rules", doc.RootElement.GetProperty("decision").GetString());
        Assert.InRange(doc.RootElement.GetProperty("learned_score").GetDouble(), 0, 1);
    }

    [Fact]
    public async Task Triage_LongFigurativeMessage_SaysTheLearnedStageOverruledThePattern()
    {
        var r = await _cli.RunAsync("triage", Figurative);

        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.StartsWith("No emergency detected: the learned stage overruled the pattern (\"stromschlag\", electrocution)", r.Out, StringComparison.Ordinal);
        Assert.Contains("protocol electrocution hinted", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Triage_Json_LongFigurativeMessage_IsAVetoedMinorReading()
    {
        var r = await _cli.RunAsync("triage", "--json", Figurative);

        Assert.True(r.ExitCode == 0, r.ToString());
        using var doc = JsonDocument.Parse(r.Out);
        Assert.False(doc.RootElement.GetProperty("detected").GetBoolean());
        Assert.Equal("minor", doc.RootElement.GetProperty("severity").GetString());
        Assert.Equal("veto", doc.RootElement.GetProperty("decision").GetString());
        Assert.Equal("electrocution", doc.RootElement.GetProperty("protocol").GetString());
    }

    [Theory]
    [InlineData(new[] { "triage", "" }, "the text is empty")]
    [InlineData(new[] { "triage" }, "a text is required")]
    public async Task Triage_BadInput_ExitsTwoWithOneLine(string[] args, string expected)
    {
        var r = await _cli.RunAsync(args);

        Assert.Equal(2, r.ExitCode);
        Assert.Contains(expected, r.Error, StringComparison.Ordinal);
        Assert.Single(r.Error.Trim().Split('\n'));
    }
}
