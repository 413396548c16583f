using System.Text.Json;

namespace SigmaNex.Cli.Tests;

public sealed class KbAndReplTests : IDisposable
{
    private readonly CliHarness _cli = new("kb");

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task KbList_Json_LinksTranslations()
    {
        var r = await _cli.RunAsync("kb", "list", "--json");

        using var doc = JsonDocument.Parse(r.Out);
        var bleeding = doc.RootElement.EnumerateArray().First(e => e.GetProperty("id").GetString() == "severe-bleeding.en");
        Assert.Equal("critical", bleeding.GetProperty("priority").GetString());
        Assert.Equal("en", bleeding.GetProperty("language").GetString());
        Assert.Equal(["severe-bleeding.it"], bleeding.GetProperty("translations").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public async Task KbShow_ById_AndMissingId()
    {
        var show = await _cli.RunAsync("kb", "show", "--lang", "it", "severe-bleeding");
        var missing = await _cli.RunAsync("kb", "show", "no-such-thing");

        Assert.Equal(0, show.ExitCode);
        Assert.Contains("Emorragia grave", show.Out, StringComparison.Ordinal);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no protocol or document 'no-such-thing'", missing.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KbStats_Json_CountsBothLanguages()
    {
        var r = await _cli.RunAsync("kb", "stats", "--json");

        using var doc = JsonDocument.Parse(r.Out);
        var protocols = doc.RootElement.GetProperty("protocols");
        Assert.Equal(protocols.GetProperty("en").GetInt32(), protocols.GetProperty("it").GetInt32());
        Assert.True(protocols.GetProperty("en").GetInt32() >= 15);
        Assert.Equal(doc.RootElement.GetProperty("chunks").GetInt32(), doc.RootElement.GetProperty("vectors").GetInt32());
    }

    [Fact]
    public async Task Start_ScriptedSession_AnswersAndHandlesSlashCommands()
    {
        const string session = "How do I treat a burn?\n/sources\n/history\n/frob\n\n/clear\n/history\n/exit\nnever asked\n";

        var r = await _cli.RunWithInputAsync(session, "start");

        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("Cool the burn", r.Out, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("burns-scalds.en", r.Out, StringComparison.Ordinal);
        Assert.Contains("1. How do I treat a burn?", r.Out, StringComparison.Ordinal);
        Assert.Contains("unknown command /frob", r.Error, StringComparison.Ordinal);
        Assert.Contains("Session cleared;", r.Out, StringComparison.Ordinal);
        Assert.Contains("No questions yet.", r.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("never asked", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_BadQuestion_IsReportedAndTheSessionGoesOn()
    {
        var r = await _cli.RunWithInputAsync("bad\u0001question\nhow to light a fire\n", "start");

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("control character", r.Error, StringComparison.Ordinal);
        Assert.Contains("fire-making.en", r.Out, StringComparison.Ordinal);
    }
}
