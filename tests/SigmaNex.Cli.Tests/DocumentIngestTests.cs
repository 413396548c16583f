using System.Text.Json;
using SigmaNex.Tests;

namespace SigmaNex.Cli.Tests;

/// <summary>The importers through <c>sigma ingest</c>: detection, search, attribution, idempotency and bad input.</summary>
public sealed class DocumentIngestTests : IDisposable
{
    private readonly CliHarness _cli = new("docs");

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Ingest_FolderOfEveryFormat_DetectsEachAndMakesThemSearchable()
    {
        var dir = _cli.Temp.Folder("mixed");
        _cli.Temp.Write("mixed/ropes.md", "# Ropes\n\nA zephyrine hitch holds a tarp to a tree in strong wind.\n");
        _cli.Temp.Write("mixed/notes.txt", "Quorbel berries are poisonous; never eat them raw.\n");
        _cli.Temp.Write("mixed/page.html", "<html><head><title>Signals</title><script>hidden()</script></head><body><p>Flash a mirror thrice for a vortimane signal.</p></body></html>");
        _cli.Temp.Write("mixed/lines.jsonl", "{\"id\": \"tide-1\", \"title\": \"Tides\", \"text\": \"Cross the brellish flats only at low tide.\"}\n");
        _cli.Temp.Write("mixed/medquad/0000001.xml", MedQuadFixtures.Document());

        var r = await _cli.RunAsync("ingest", "--json", dir);

        Assert.True(r.ExitCode == 0, r.ToString());
        using (var doc = JsonDocument.Parse(r.Out))
        {
            var formats = doc.RootElement.GetProperty("formats");
            Assert.Equal(["html", "jsonl", "markdown", "medquad", "text"], formats.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
            Assert.Equal(6, doc.RootElement.GetProperty("documents").GetInt32());
        }

        foreach (var (query, id) in new[]
        {
            ("zephyrine hitch", "doc:" + Path.Combine(dir, "ropes.md")),
            ("quorbel berries", "doc:" + Path.Combine(dir, "notes.txt")),
            ("vortimane signal", "doc:" + Path.Combine(dir, "page.html")),
            ("brellish flats", "doc:tide-1"),
        })
        {
            var search = await _cli.RunAsync("search", "--json", "--keyword-only", query);
            using var hits = JsonDocument.Parse(search.Out);
            Assert.Equal(id, hits.RootElement.GetProperty("hits")[0].GetProperty("id").GetString());
        }

        var hidden = await _cli.RunAsync("search", "--json", "--keyword-only", "hidden");
        Assert.DoesNotContain("page.html", hidden.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_MedQuadArchive_AnswersWithAttribution_AndReingestIsIdempotent()
    {
        var archive = MedQuadFixtures.Archive(_cli.Temp.File("medquad.tar.gz"), [
            ("1_Test_QA/0000001.xml", MedQuadFixtures.Document()),
            ("2_Test_QA/0000002.xml", MedQuadFixtures.Document("0000002", "Grellish palsy")),
        ]);

        var first = await _cli.RunAsync("ingest", "--json", archive);
        var again = await _cli.RunAsync("ingest", "--json", archive);
        var search = await _cli.RunAsync("search", "--json", "What are the treatments for Quellian fever?");
        var human = await _cli.RunAsync("search", "treatments for Quellian fever");
        var ask = await _cli.RunAsync("ask", "--json", "What is Quellian fever?");

        Assert.True(first.ExitCode == 0, first.ToString());
        using (var doc = JsonDocument.Parse(first.Out))
        {
            Assert.Equal(4, doc.RootElement.GetProperty("documents_written").GetInt32());
            Assert.Equal(1, doc.RootElement.GetProperty("formats").GetProperty("medquad").GetInt32());
        }

        using (var doc = JsonDocument.Parse(again.Out))
        {
            Assert.Equal(0, doc.RootElement.GetProperty("documents_written").GetInt32());
            Assert.Equal(1, doc.RootElement.GetProperty("files_unchanged").GetInt32());
        }

        using (var doc = JsonDocument.Parse(search.Out))
        {
            var top = doc.RootElement.GetProperty("hits")[0];
            Assert.Equal("medquad:TestHealth/0000001-2", top.GetProperty("id").GetString());
            Assert.Equal("QuestionAnswer", top.GetProperty("kind").GetString());
            Assert.StartsWith("MedQuAD (Ben Abacha & Demner-Fushman, 2019), CC BY 4.0 — TestHealth: https://example.org/0000001",
                top.GetProperty("attribution").GetString(), StringComparison.Ordinal);
        }

        Assert.Contains("MedQuAD (Ben Abacha", human.Out, StringComparison.Ordinal);
        using (var doc = JsonDocument.Parse(ask.Out))
        {
            Assert.Contains("violet freckles", doc.RootElement.GetProperty("answer").GetString(), StringComparison.Ordinal);
            Assert.Contains(doc.RootElement.GetProperty("sources").EnumerateArray(),
                s => s.GetProperty("attribution").GetString()?.StartsWith("MedQuAD", StringComparison.Ordinal) == true);
        }
    }

    [Fact]
    public async Task Ingest_ChangedArchive_ReplacesPairsItNoLongerHolds()
    {
        var path = _cli.Temp.File("medquad.tar.gz");
        MedQuadFixtures.Archive(path, [("1_Test_QA/0000001.xml", MedQuadFixtures.Document()), ("2_Test_QA/0000002.xml", MedQuadFixtures.Document("0000002", "Grellish palsy"))]);
        await _cli.RunAsync("ingest", path);
        MedQuadFixtures.Archive(path, [("1_Test_QA/0000001.xml", MedQuadFixtures.Document())]);

        var r = await _cli.RunAsync("ingest", "--json", path);
        var gone = await _cli.RunAsync("search", "--json", "--keyword-only", "Grellish palsy");

        using (var doc = JsonDocument.Parse(r.Out))
        {
            Assert.Equal(2, doc.RootElement.GetProperty("documents_removed").GetInt32());
        }

        Assert.DoesNotContain("0000002", gone.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_XmlBomb_IsRefusedWithExitTwo()
    {
        var file = _cli.Temp.Write("0000001.xml", MedQuadFixtures.XmlBomb);

        var r = await _cli.RunAsync("ingest", "--format", "medquad", file);

        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"{file}: refused: the XML declares a DTD (<!DOCTYPE>)", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_TwoGigabyteFile_IsRefusedWithoutReadingIt()
    {
        var file = _cli.Temp.File("huge.jsonl");
        using (var s = File.Create(file))
        {
            s.SetLength(2L * 1024 * 1024 * 1024);
        }

        var r = await _cli.RunAsync("ingest", file);

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("huge.jsonl is 2 GB; the limit is 256 MB (security.max_file_size_mb)", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_BinaryTextFileAndLinksOutside_AreSkippedWithWarnings()
    {
        var dir = _cli.Temp.Folder("root");
        _cli.Temp.Write("root/ok.md", "# Fine\n\nA page that stays.\n");
        File.WriteAllBytes(Path.Combine(dir, "photo.txt"), [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46]);
        _cli.Temp.Write("secret/outside.md", "# Secret\n\nMust not be read.\n");
        Directory.CreateSymbolicLink(Path.Combine(dir, "up"), "../secret");
        File.CreateSymbolicLink(Path.Combine(dir, "leak.md"), "../secret/outside.md");

        var r = await _cli.RunAsync("ingest", "--json", dir);

        Assert.True(r.ExitCode == 0, r.ToString());
        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal(1, doc.RootElement.GetProperty("documents").GetInt32());
        var warnings = doc.RootElement.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!).ToList();
        Assert.Contains(warnings, w => w.StartsWith("skipped binary file", StringComparison.Ordinal) && w.Contains("photo.txt", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("up: it links outside", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("leak.md: it links outside", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ingest_JsonLinesWithABadLine_KeepsTheRestAndNamesTheLine()
    {
        var file = _cli.Temp.Write("d.jsonl", "{\"text\": \"Fine line about knots.\"}\n{\"text\": 5}\n");

        var r = await _cli.RunAsync("ingest", "--json", file);

        Assert.True(r.ExitCode == 0, r.ToString());
        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal(1, doc.RootElement.GetProperty("documents").GetInt32());
        Assert.Equal($"{file} line 2: field 'text' must be text", doc.RootElement.GetProperty("warnings")[0].GetString());
    }

    [Fact]
    public async Task Ingest_RealMedQuadArchive_LoadsEveryAnsweredPairAndFindsGlaucomaFirst()
    {
        var archive = Path.Combine(RepoPaths.Datasets, "medquad", "medquad.tar.gz");

        var r = await _cli.RunAsync("ingest", "--json", archive);
        var search = await _cli.RunAsync("search", "--json", "What are the symptoms of glaucoma?");

        Assert.True(r.ExitCode == 0, r.ToString());
        using (var doc = JsonDocument.Parse(r.Out))
        {
            Assert.True(doc.RootElement.GetProperty("documents").GetInt32() >= 16_000, r.Out[..300]);
        }

        using (var doc = JsonDocument.Parse(search.Out))
        {
            var top = doc.RootElement.GetProperty("hits")[0];
            Assert.StartsWith("medquad:", top.GetProperty("id").GetString(), StringComparison.Ordinal);
            Assert.Contains("glaucoma", top.GetProperty("title").GetString(), StringComparison.OrdinalIgnoreCase);
            Assert.StartsWith("MedQuAD", top.GetProperty("attribution").GetString(), StringComparison.Ordinal);
        }
    }
}
