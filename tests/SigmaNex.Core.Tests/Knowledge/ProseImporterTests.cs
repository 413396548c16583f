using SigmaNex.Core.Knowledge;
using SigmaNex.Core.Knowledge.Importers;
using SigmaNex.Core.Language;
using SigmaNex.Tests;

namespace SigmaNex.Core.Tests.Knowledge;

public sealed class ProseImporterTests : IDisposable
{
    private readonly TempDirectory _temp = new("prose");
    private readonly List<string> _warnings = [];

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void MarkdownParse_HeadingsFrontMatterAndFences_MakeTitleAndSections()
    {
        var (title, sections) = MarkdownImporter.Parse("""
            ---
            title: "Field notes"
            tags: [x]
            ---
            Intro before any heading, with a [link](https://example.org) and **bold** `code`.

            # Water

            Boil it for one minute.
            ```
            # not a heading inside a fence
            ```

            Splints
            -------
            > Pad the splint well.

            ### Closing ###
            ![diagram](d.png) The end.
            """);

        Assert.Equal("Field notes", title);
        Assert.Equal([null, "Water", "Splints", "Closing"], sections.Select(s => s.Heading));
        Assert.Contains("with a link and bold code.", sections[0].Text, StringComparison.Ordinal);
        Assert.Contains("# not a heading inside a fence", sections[1].Text, StringComparison.Ordinal);
        Assert.Contains("Pad the splint well.", sections[2].Text, StringComparison.Ordinal);
        Assert.DoesNotContain(">", sections[2].Text, StringComparison.Ordinal);
        Assert.Contains("diagram The end.", sections[3].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void MarkdownParse_NoFrontMatter_TitleIsTheFirstHeading()
    {
        var (title, sections) = MarkdownImporter.Parse("## Shelter\n\nFind a dry spot.\n\n## Fire\n\nGather tinder.\n");

        Assert.Equal("Shelter", title);
        Assert.Equal(2, sections.Count);
    }

    [Fact]
    public async Task MarkdownImport_ItalianFile_DetectsLanguageAndChunksBySection()
    {
        var file = _temp.Write("note/acqua.md", "# Acqua\n\nSe l'acqua non è sicura, falla bollire per un minuto e poi lasciala raffreddare in un contenitore pulito.\n\n# Fuoco\n\nRaccogli legna secca e accendi il fuoco al riparo dal vento.\n");

        var doc = Assert.Single(await ImportAsync(new MarkdownImporter(new StopWordLanguageDetector()), file));

        Assert.Equal("doc:" + file, doc.Id);
        Assert.Equal(DocumentKind.Document, doc.Kind);
        Assert.Equal("Acqua", doc.Title);
        Assert.Equal("it", doc.Language);
        Assert.Equal(["Acqua", "Fuoco"], doc.Chunks.Select(c => c.Heading));
        Assert.Equal("markdown", doc.Metadata["format"]);
    }

    [Fact]
    public async Task PlainTextImport_TitledByFileName_ChunkedByParagraphs()
    {
        var paragraph = string.Join(' ', Enumerable.Repeat("Keep the injured person warm and still while you wait for help to arrive.", 12));
        var file = _temp.Write("cold-notes.txt", $"{paragraph}\n\n{paragraph}\n\n{paragraph}\n");

        var doc = Assert.Single(await ImportAsync(new PlainTextImporter(new StopWordLanguageDetector()), file));

        Assert.Equal("cold-notes", doc.Title);
        Assert.Equal("en", doc.Language);
        Assert.True(doc.Chunks.Count >= 3, $"{doc.Chunks.Count} chunks");
        Assert.All(doc.Chunks, c => Assert.Null(c.Heading));
    }

    [Fact]
    public async Task PlainTextImport_EmptyFile_ImportsNothingWithAWarning()
    {
        var file = _temp.Write("empty.txt", "  \n\n ");

        var docs = await ImportAsync(new PlainTextImporter(new StopWordLanguageDetector()), file);

        Assert.Empty(docs);
        Assert.Contains(_warnings, w => w.Contains("no text to import", StringComparison.Ordinal));
    }

    [Fact]
    public void HtmlExtract_DropsScriptsStylesAndComments_AndMakesSections()
    {
        var (title, sections) = HtmlTextExtractor.Extract("""
            <!DOCTYPE html>
            <html><head><title>Burns &amp; scalds</title>
            <style>body { color: red; } h1 { }</style>
            <script>var secret = "<h1>not a heading</h1>";</script></head>
            <body>
            <noscript>Enable JavaScript</noscript><template><p>template text</p></template>
            <!-- a comment with <p>markup</p> -->
            <p>Cool the burn under <b>running</b> water&nbsp;for 20&#160;minutes.</p>
            <h2>Do not</h2>
            <ul><li>Use ice</li><li>Pop blisters</li></ul>
            <h2>When to get help</h2><div>If the burn is larger than a hand &lt;or&gt; on the face.</div>
            </body></html>
            """);

        Assert.Equal("Burns & scalds", title);
        Assert.Equal([null, "Do not", "When to get help"], sections.Select(s => s.Heading));
        var all = string.Join("\n", sections.Select(s => s.Text));
        Assert.DoesNotContain("secret", all, StringComparison.Ordinal);
        Assert.DoesNotContain("color", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Enable JavaScript", all, StringComparison.Ordinal);
        Assert.DoesNotContain("template text", all, StringComparison.Ordinal);
        Assert.DoesNotContain("comment", all, StringComparison.Ordinal);
        Assert.Contains("Cool the burn under running water for 20 minutes.", TextChunker.Paragraphs(sections[0].Text)[0], StringComparison.Ordinal);
        Assert.Equal(["Use ice", "Pop blisters"], TextChunker.Paragraphs(sections[1].Text));
        Assert.Contains("larger than a hand <or> on the face.", sections[2].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void HtmlExtract_MalformedMarkup_KeepsTheText()
    {
        var (title, sections) = HtmlTextExtractor.Extract(
            "<h1>Ropes<p>Tie a bowline if a < b and b > c.<div class=\"x>Unclosed quote</div><p>Last words<!-- never closed <p>lost");

        Assert.Equal("Ropes", title);
        var all = string.Join(" ", sections.Select(s => s.Text));
        Assert.Contains("Tie a bowline if a < b and b > c.", all, StringComparison.Ordinal);
        Assert.Contains("Last words", all, StringComparison.Ordinal);
        Assert.DoesNotContain("lost", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HtmlImport_NoTitle_UsesFirstH1ThenFileName()
    {
        var withH1 = _temp.Write("a.html", "<body><h1>Signal fires</h1><p>Three fires in a triangle mean distress.</p></body>");
        var bare = _temp.Write("plain-page.htm", "<p>Just a paragraph about knots and ropes.</p>");
        var importer = new HtmlImporter(new StopWordLanguageDetector());

        var a = Assert.Single(await ImportAsync(importer, withH1));
        var b = Assert.Single(await ImportAsync(importer, bare));

        Assert.Equal("Signal fires", a.Title);
        Assert.Equal("plain-page", b.Title);
    }

    [Fact]
    public async Task JsonLinesImport_ValidLines_BecomeDocumentsWithTheirFields()
    {
        var file = _temp.Write("docs.jsonl", """
            {"id": "knots-1", "title": "Bowline", "text": "Make a small loop, pass the end up through it, around the standing part and back down.", "url": "https://example.org/bowline", "tags": ["knots", "rope"], "category": "Shelter"}
            {"text": "Una corda bagnata è più debole: lasciala asciugare all'ombra prima di usarla di nuovo.", "language": "it"}

            {"id": 42, "text": "Numbers work as ids too.\nSecond line."}
            """);

        var docs = await ImportAsync(new JsonLinesImporter(new StopWordLanguageDetector()), file);

        Assert.Equal(3, docs.Count);
        Assert.Empty(_warnings);
        Assert.Equal(("doc:knots-1", "Bowline", "shelter", "https://example.org/bowline"), (docs[0].Id, docs[0].Title, docs[0].Category, docs[0].Url));
        Assert.Equal(["knots", "rope"], docs[0].Tags);
        Assert.Equal("knots, rope", docs[0].Chunks[0].Keywords);
        Assert.Equal(("it", $"doc:{file}#2"), (docs[1].Language, docs[1].Id));
        Assert.StartsWith("Una corda bagnata è più debole", docs[1].Title, StringComparison.Ordinal);
        Assert.Equal(("doc:42", "Numbers work as ids too."), (docs[2].Id, docs[2].Title));
    }

    [Theory]
    [InlineData("{\"text\": \"ok\"", "line 2: not valid JSON")]
    [InlineData("[1, 2]", "line 2: expected an object")]
    [InlineData("{\"title\": \"no text\"}", "line 2: field 'text' is required")]
    [InlineData("{\"text\": \"  \"}", "line 2: field 'text' is empty")]
    [InlineData("{\"text\": \"x\", \"tags\": \"a,b\"}", "line 2: field 'tags' must be a list of text")]
    [InlineData("{\"text\": \"x\", \"title\": 5}", "line 2: field 'title' must be text")]
    [InlineData("{\"text\": \"x\", \"language\": \"english\"}", "line 2: field 'language' must be a language code")]
    [InlineData("{\"text\": \"x\", \"id\": \"a\"}", "line 2: field 'id' repeats the id of an earlier line")]
    public async Task JsonLinesImport_MalformedLine_IsSkippedWithFileLineAndField(string line, string expected)
    {
        var file = _temp.Write("mixed.jsonl", "{\"id\": \"a\", \"text\": \"A good first line about water.\"}\n" + line + "\n{\"text\": \"A good third line.\"}\n");

        var docs = await ImportAsync(new JsonLinesImporter(new StopWordLanguageDetector()), file);

        Assert.Equal(2, docs.Count);
        var warning = Assert.Single(_warnings);
        Assert.Contains($"{file} {expected}", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonLinesImport_NoValidLine_IsRefusedWithTheFirstProblem()
    {
        var file = _temp.Write("bad.jsonl", "not json\n{\"text\": 3}\n");

        var ex = await Assert.ThrowsAsync<SigmaException>(() => ImportAsync(new JsonLinesImporter(new StopWordLanguageDetector()), file));

        Assert.StartsWith($"{file} line 1: not valid JSON (column ", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("notes.md", "# x", "markdown")]
    [InlineData("notes.txt", "plain", "text")]
    [InlineData("page.htm", "<p>x</p>", "html")]
    [InlineData("page.bin", "<!DOCTYPE html><html></html>", "html")]
    [InlineData("lines.jsonl", "{\"text\": \"x\"}", "jsonl")]
    [InlineData("0000001.xml", "<?xml version=\"1.0\"?><Document id=\"1\"><Focus>x</Focus><QAPairs>", "medquad")]
    [InlineData("p.yaml", "id: x", "protocols")]
    [InlineData("Framework_SIGMA.json", "{\"modules\": [{\"comandi\": []}]}", "framework")]
    public void Importers_DetectEachFormat_MostSpecificFirst(string name, string head, string format)
    {
        var importer = SigmaNexServices.Importers().First(i => i.CanImport(name, System.Text.Encoding.UTF8.GetBytes(head)));

        Assert.Equal(format, importer.Format);
    }

    private async Task<List<KnowledgeDocument>> ImportAsync(IKnowledgeImporter importer, string file)
    {
        var context = new ImportContext { Path = file, MaxBytes = 1 << 20, Warn = _warnings.Add };
        var docs = new List<KnowledgeDocument>();
        await foreach (var d in importer.ImportAsync(context, CancellationToken.None))
        {
            docs.Add(d);
        }

        return docs;
    }
}
