using System.Text.Json;
using SigmaNex.Tests;

namespace SigmaNex.Cli.Tests;

public sealed class ConfigAndStoreFailureTests : IDisposable
{
    private readonly CliHarness _cli = new("fail");

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task MissingConfigFile_ExitsTwoNamingIt()
    {
        var r = await _cli.RunAsync("--config", _cli.Temp.File("missing.yaml"), "ask", "hello");

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("config file not found", r.Error, StringComparison.Ordinal);
        Assert.Contains("missing.yaml", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedConfigFile_ExitsTwoWithTheLine()
    {
        var file = _cli.Temp.Write("config.yaml", "model_name: x\n  bad indentation: [\n");

        var r = await _cli.RunAsync("--config", file, "ask", "hello");

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("config.yaml line", r.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfigInWorkingFolder_IsPickedUp()
    {
        _cli.Temp.Write("cwd/config.yaml", "retrieval:\n  top_k: 1\n");

        var r = await _cli.RunAsync("ask", "--json", "how do I treat a burn");

        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal(1, doc.RootElement.GetProperty("sources").GetArrayLength());
    }

    [Fact]
    public async Task CorruptDatabase_ExitsOneWithOneClearLine()
    {
        Directory.CreateDirectory(_cli.DataDirectory);
        File.WriteAllBytes(_cli.DatabasePath, Enumerable.Repeat((byte)0x5A, 16384).ToArray());

        var ask = await _cli.RunAsync("ask", "hello");
        var check = await _cli.RunAsync("self-check");

        Assert.Equal(1, ask.ExitCode);
        Assert.Contains("is damaged or is not a SIGMA-NEX database", ask.Error, StringComparison.Ordinal);
        Assert.Single(ask.Error.Trim().Split('\n'));
        Assert.Equal(1, check.ExitCode);
        Assert.Contains("FAIL", check.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadOnlyDatabase_StillAnswers_ButRefusesIngestWithOneLine()
    {
        Assert.Equal(0, (await _cli.RunAsync("ask", "hello")).ExitCode);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { "-wal", "-shm" })
        {
            File.Delete(_cli.DatabasePath + f);
        }

        Assert.Equal(0, ProcessRunner.Run("chattr", ["+i", _cli.DatabasePath]).ExitCode);
        var file = _cli.Temp.Write("p.yaml", "id: x\nlanguage: en\ntitle: X\ncategory: water\nsteps: [a]\n");

        var ask = await _cli.RunAsync("ask", "--json", "how do I treat a burn");
        var ingest = await _cli.RunAsync("ingest", file);

        Assert.Equal(0, ask.ExitCode);
        Assert.Contains("read-only", ask.Error, StringComparison.Ordinal);
        Assert.Contains("burns-scalds.en", ask.Out, StringComparison.Ordinal);
        Assert.Equal(1, ingest.ExitCode);
        Assert.Contains("is read-only", ingest.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadOnlyEmptyDatabase_FailsInsteadOfAnsweringFromNothing()
    {
        Directory.CreateDirectory(_cli.DataDirectory);
        Assert.Equal(0, (await _cli.RunAsync("config", "path")).ExitCode);
        using (var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_cli.DatabasePath};Pooling=False"))
        {
            c.Open();
        }

        Assert.Equal(0, ProcessRunner.Run("chattr", ["+i", _cli.DatabasePath]).ExitCode);

        var r = await _cli.RunAsync("ask", "hello");

        Assert.Equal(1, r.ExitCode);
        Assert.Contains("read-only", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfigCommands_ShowPathAndInit()
    {
        var init = await _cli.RunAsync("config", "init");
        var again = await _cli.RunAsync("config", "init");
        var path = await _cli.RunAsync("config", "path");
        var show = await _cli.RunAsync("config", "show", "--json");

        Assert.Equal(0, init.ExitCode);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("already exists; use --force", again.Error, StringComparison.Ordinal);
        Assert.Contains("sigma-nex/config.yaml", path.Out, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(show.Out);
        Assert.EndsWith("sigma-nex/config.yaml", doc.RootElement.GetProperty("file").GetString(), StringComparison.Ordinal);
        Assert.Equal("mistral", doc.RootElement.GetProperty("values").GetProperty("model_name").GetString());
    }

    [Fact]
    public async Task SelfCheck_WithTheOriginalConfig_Passes()
    {
        var r = await _cli.RunAsync("--config", RepoPaths.OriginalConfig, "self-check", "--json");

        Assert.True(r.ExitCode == 0, r.ToString());
        using var doc = JsonDocument.Parse(r.Out);
        Assert.True(doc.RootElement.GetProperty("ok").GetBoolean());
        var checks = doc.RootElement.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
        Assert.Equal("ok", checks["store"]);
        Assert.Equal("ok", checks["library"]);
    }

    [Fact]
    public async Task Version_PrintsTheVersion()
    {
        var r = await _cli.RunAsync("--version");

        Assert.Equal(0, r.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", r.Out.Trim());
    }
}
