using System.Text;
using SigmaNex.Core.Knowledge;
using SigmaNex.Core.Knowledge.Importers;
using SigmaNex.Tests;

namespace SigmaNex.Core.Tests.Knowledge;

public sealed class MedQuadImporterTests : IDisposable
{
    private readonly TempDirectory _temp = new("medquad");
    private readonly List<string> _warnings = [];

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Read_Document_OneQuestionAnswerPerAnsweredPairWithMetadataAndCredit()
    {
        var docs = Read(MedQuadFixtures.Document(), out var unanswered);

        Assert.Equal(2, docs.Count);
        Assert.Equal(1, unanswered);
        var first = docs[0];
        Assert.Equal("medquad:TestHealth/0000001-1", first.Id);
        Assert.Equal("medquad:TestHealth/0000001", first.GroupId);
        Assert.Equal(DocumentKind.QuestionAnswer, first.Kind);
        Assert.Equal("What is (are) Quellian fever ?", first.Title);
        Assert.Equal(("en", "disease", "https://example.org/0000001"), (first.Language, first.Category, first.Url));
        Assert.Equal(["Quellian fever", "Quell fever", "Marsh shivers"], first.Tags);
        Assert.Equal("MedQuAD (Ben Abacha & Demner-Fushman, 2019), CC BY 4.0 — TestHealth: https://example.org/0000001", first.Attribution);
        Assert.Equal("Quellian fever", first.Metadata["focus"]);
        Assert.Equal("Quell fever; Marsh shivers", first.Metadata["synonyms"]);
        Assert.Equal("information", first.Metadata["qtype"]);
        Assert.Equal("TestHealth", first.Metadata["source"]);
        Assert.Equal("0000001", first.Metadata["document"]);
        var chunk = Assert.Single(first.Chunks);
        Assert.Equal(first.Title, chunk.Heading);
        Assert.Equal("Quellian fever, Quell fever, Marsh shivers", chunk.Keywords);
        Assert.Contains("violet freckles & a humming noise", chunk.Text, StringComparison.Ordinal);
        Assert.EndsWith("\n- It is not real.\n- It cannot spread.", chunk.Text, StringComparison.Ordinal);
        Assert.Equal("treatment", docs[1].Metadata["qtype"]);
    }

    [Fact]
    public void Read_DocVariantWithoutCategory_IsReadAndFiledAsMedical()
    {
        var doc = Assert.Single(Read(MedQuadFixtures.DocVariant(), out _));

        Assert.Equal("medquad:TestNeuro/0000001-1", doc.Id); // named by its file, as MedQuAD ids repeat
        Assert.Equal("medical", doc.Category);
        Assert.Equal(["Brindle tremor"], doc.Tags);
    }

    [Fact]
    public void Read_XmlBomb_IsRefusedBeforeAnyEntityIsExpanded()
    {
        var ex = Assert.Throws<SigmaException>(() => Read(MedQuadFixtures.XmlBomb, out _));

        Assert.Equal(SigmaErrorKind.Refused, ex.Kind);
        Assert.Equal("bomb.xml: refused: the XML declares a DTD (<!DOCTYPE>), whose entities could expand without bound (an 'XML bomb')", ex.Message);
    }

    [Fact]
    public void Read_ExternalEntityWithoutDtdKeyword_IsNotResolved()
    {
        // No DOCTYPE, so nothing can declare the entity: an undeclared reference is simply malformed.
        var ex = Assert.Throws<SigmaException>(() => Read("<Document id=\"1\"><Focus>&xxe;</Focus></Document>", out _));

        Assert.Equal(SigmaErrorKind.InvalidInput, ex.Kind);
        Assert.StartsWith("bomb.xml line 1, column ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DocumentOverTheSizeLimit_IsRefused()
    {
        var huge = MedQuadFixtures.Document(answerExtra: new string('a', MedQuadReader.MaxBytes));

        var ex = Assert.Throws<SigmaException>(() => Read(huge, out _));

        Assert.Equal(SigmaErrorKind.Refused, ex.Kind);
        Assert.Contains("larger than 16 MB", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<Document id=\"1\"><Focus>x</Focus>\n<QAPairs><QAPair pid=\"1\"><Question>q</Question><Answer>a</QAPair>", "bomb.xml line 2, column ")]
    [InlineData("<Other/>", "bomb.xml line 1: not a MedQuAD document (expected <Document>, found <Other>)")]
    [InlineData("<Document id=\"1\"><QAPairs><QAPair pid=\"1\">\n<Answer>a</Answer></QAPair></QAPairs></Document>", "bomb.xml line 2: an <Answer> without a <Question>")]
    public void Read_Malformed_NamesFileAndLine(string xml, string expected)
    {
        var ex = Assert.Throws<SigmaException>(() => Read(xml, out _));

        Assert.StartsWith(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportArchive_StreamsEveryXmlEntry_SkipsOtherFilesAndReportsBytesRead()
    {
        var archive = MedQuadFixtures.Archive(_temp.File("medquad.tar.gz"), [
            ("1_Test_QA/0000001.xml", MedQuadFixtures.Document()),
            ("6_Neuro_QA/0000009.xml", MedQuadFixtures.DocVariant()),
        ]);
        var reads = new List<(long Done, long Total)>();

        var docs = await ImportAsync(archive, (done, total) => reads.Add((done, total)));

        Assert.Equal(["medquad:TestHealth/0000001-1", "medquad:TestHealth/0000001-2", "medquad:TestNeuro/0000009-1"], docs.Select(d => d.Id));
        Assert.Equal($"{archive}: left out 1 question(s) without an answer", Assert.Single(_warnings));
        Assert.NotEmpty(reads);
        Assert.All(reads, r => Assert.Equal(new FileInfo(archive).Length, r.Total));
        Assert.Equal(new FileInfo(archive).Length, reads[^1].Done);
    }

    [Fact]
    public async Task ImportArchive_BombOrBrokenEntry_IsSkippedWithAWarningAndTheRestKept()
    {
        var archive = MedQuadFixtures.Archive(_temp.File("mixed.tar.gz"), [
            ("1_Test_QA/0000001.xml", MedQuadFixtures.Document()),
            ("1_Test_QA/0000002.xml", MedQuadFixtures.XmlBomb),
            ("1_Test_QA/0000003.xml", "<Document id=\"3\"><Focus>broken"),
        ]);

        var docs = await ImportAsync(archive);

        Assert.Equal(2, docs.Count);
        Assert.Contains(_warnings, w => w.StartsWith($"{archive}:1_Test_QA/0000002.xml: refused: the XML declares a DTD", StringComparison.Ordinal));
        Assert.Contains(_warnings, w => w.StartsWith($"{archive}:1_Test_QA/0000003.xml line 1, column ", StringComparison.Ordinal) && w.EndsWith("; skipped", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ImportArchive_ExpandingFarBeyondItsLimit_IsRefusedAsABomb()
    {
        // 400 KB of zeros compress to almost nothing; with a 16 KB file limit the archive may expand to 256 KB.
        var archive = MedQuadFixtures.Archive(_temp.File("zeros.tar.gz"), [("1_Test_QA/zeros.xml", new string('\0', 400_000))]);

        var ex = await Assert.ThrowsAsync<SigmaException>(() => ImportAsync(archive, maxBytes: 16 * 1024));

        Assert.Equal(SigmaErrorKind.Refused, ex.Kind);
        Assert.Contains("refused as a possible decompression bomb", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportArchive_DamagedArchive_SaysSo()
    {
        var good = File.ReadAllBytes(MedQuadFixtures.Archive(_temp.File("good.tar.gz"), MedQuadFixtures.Many(20)));
        var damaged = _temp.File("damaged.tar.gz");
        File.WriteAllBytes(damaged, good[..(good.Length / 2)]);

        var ex = await Assert.ThrowsAsync<SigmaException>(() => ImportAsync(damaged));

        Assert.Equal($"{damaged}: not a readable .tar.gz archive, or a damaged one", ex.Message);
    }

    [Fact]
    public async Task ImportFile_ExtractedXml_IsReadLikeAnArchiveEntry()
    {
        var file = _temp.Write("1_Test_QA/0000001.xml", MedQuadFixtures.Document());

        var docs = await ImportAsync(file);

        Assert.Equal(["medquad:TestHealth/0000001-1", "medquad:TestHealth/0000001-2"], docs.Select(d => d.Id));
    }

    [Fact]
    public void CanImport_ArchiveHead_IsRecognisedFromItsFirstEntries()
    {
        var importer = new MedQuadImporter();
        var archive = MedQuadFixtures.Archive(_temp.File("m.tar.gz"), [("1_Test_QA/0000001.xml", MedQuadFixtures.Document())]);
        var other = _temp.File("other.tar.gz");
        using (var f = File.Create(other))
        using (var gz = new System.IO.Compression.GZipStream(f, System.IO.Compression.CompressionLevel.Fastest))
        {
            gz.Write(Encoding.UTF8.GetBytes(new string('z', 5000)));
        }

        Assert.True(importer.CanImport(archive, File.ReadAllBytes(archive).AsSpan(0, Math.Min(8192, (int)new FileInfo(archive).Length))));
        Assert.False(importer.CanImport(other, File.ReadAllBytes(other)));
        Assert.False(importer.CanImport("notes.xml", "<notes/>"u8));
    }

    private static List<KnowledgeDocument> Read(string xml, out int unanswered) =>
        MedQuadReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(xml)), "bomb.xml", "0000001", out unanswered);

    private async Task<List<KnowledgeDocument>> ImportAsync(string path, Action<long, long>? read = null, long maxBytes = 1 << 20)
    {
        var context = new ImportContext { Path = path, MaxBytes = maxBytes, Warn = _warnings.Add, ReportRead = read };
        var docs = new List<KnowledgeDocument>();
        await foreach (var d in new MedQuadImporter().ImportAsync(context, CancellationToken.None))
        {
            docs.Add(d);
        }

        return docs;
    }
}
