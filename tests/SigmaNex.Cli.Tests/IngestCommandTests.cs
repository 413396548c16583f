using System.Text.Json;
using SigmaNex.Tests;

namespace SigmaNex.Cli.Tests;

public sealed class IngestCommandTests : IDisposable
{
    private const string Protocol = """
        id: solar-still
        language: en
        title: Solar still
        category: water
        steps:
          - Dig a hole in damp ground and put a container in the middle.
          - Cover it with clear plastic weighted by a pebble above the container.
        """;

    private readonly CliHarness _cli = new("ingest");

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Ingest_ProtocolFile_IsSearchable_AndReingestIsIdempotent()
    {
        var file = _cli.Temp.Write("docs/still.yaml", Protocol);

        var first = await _cli.RunAsync("ingest", "--json", file);
        var second = await _cli.RunAsync("ingest", "--json", file);
        var search = await _cli.RunAsync("search", "--json", "solar still plastic pebble");

        Assert.True(first.ExitCode == 0, first.ToString());
        using (var doc = JsonDocument.Parse(first.Out))
        {
            Assert.Equal(1, doc.RootElement.GetProperty("documents_written").GetInt32());
        }

        using (var doc = JsonDocument.Parse(second.Out))
        {
            Assert.Equal(0, doc.RootElement.GetProperty("documents_written").GetInt32());
            Assert.Equal(1, doc.RootElement.GetProperty("files_unchanged").GetInt32());
        }

        Assert.Contains("\"id\": \"solar-still.en\"", search.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_ChangedFile_ReplacesItsOldContent()
    {
        var file = _cli.Temp.Write("still.yaml", Protocol);
        await _cli.RunAsync("ingest", file);
        File.WriteAllText(file, Protocol.Replace("pebble", "stone", StringComparison.Ordinal));

        await _cli.RunAsync("ingest", file);
        var pebble = await _cli.RunAsync("search", "--json", "--keyword-only", "pebble");

        Assert.DoesNotContain("solar-still", pebble.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_MissingFile_ExitsTwo()
    {
        var r = await _cli.RunAsync("ingest", _cli.Temp.File("nope.yaml"));

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("no such file or folder", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_MalformedProtocol_NamesFileLineAndField()
    {
        var file = _cli.Temp.Write("bad.yaml", "id: x\nlanguage: en\ntitle: X\ncategory: water\npriority: sometimes\nsteps: [a]\n");

        var r = await _cli.RunAsync("ingest", file);

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("bad.yaml line 5: field 'priority' must be critical, high or normal (got 'sometimes')", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_Folder_SkipsBinaryAndLinksOutside_AndKeepsTheRest()
    {
        var dir = _cli.Temp.Folder("folder");
        _cli.Temp.Write("folder/ok.yaml", Protocol);
        File.WriteAllBytes(Path.Combine(dir, "image.yaml"), [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 1, 2, 3]);
        var outside = _cli.Temp.Write("secret/outside.yaml", Protocol.Replace("solar-still", "outside", StringComparison.Ordinal));
        File.CreateSymbolicLink(Path.Combine(dir, "link.yaml"), outside);

        var r = await _cli.RunAsync("ingest", "--json", dir);

        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal(1, doc.RootElement.GetProperty("documents").GetInt32());
        var warnings = string.Join('\n', doc.RootElement.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()));
        Assert.Contains("skipped binary file", warnings, StringComparison.Ordinal);
        Assert.Contains("links outside", warnings, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_FileOverTheSizeLimit_IsRefused()
    {
        var file = _cli.Temp.Write("big.yaml", Protocol);
        using (var s = File.OpenWrite(file))
        {
            s.SetLength(3L * 1024 * 1024);
        }

        var config = _cli.Temp.Write("c.yaml", "security:\n  max_file_size_mb: 2\n");

        var r = await _cli.RunAsync("--config", config, "ingest", file);

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("big.yaml is 3 MB; the limit is 2 MB", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadFramework_OriginalFile_ImportsFifteenSearchableModules()
    {
        var r = await _cli.RunAsync("load-framework", "--json", RepoPaths.OriginalFramework);
        var fallback = await _cli.RunAsync("search", "--json", "--lang", "it", "rugiada panno");
        var list = await _cli.RunAsync("kb", "list", "--json", "--category", "water", "--lang", "it");

        Assert.True(r.ExitCode == 0, r.ToString());
        using (var doc = JsonDocument.Parse(r.Out))
        {
            Assert.Equal(15, doc.RootElement.GetProperty("documents").GetInt32());
        }

        using (var doc = JsonDocument.Parse(fallback.Out))
        {
            Assert.Equal("framework-01-idratazione.it", doc.RootElement.GetProperty("hits")[0].GetProperty("id").GetString());
        }

        Assert.Contains("framework-01-idratazione.it", list.Out, StringComparison.Ordinal);
    }
}
