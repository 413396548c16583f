using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace SigmaNex.Tests;

/// <summary>
/// Invented documents in the MedQuAD XML shape (never MedQuAD's own text), and archives of them laid out
/// like the real <c>medquad.tar.gz</c>, for the importer and ingest tests.
/// </summary>
public static class MedQuadFixtures
{
    /// <summary>A document about an invented condition with two answered questions and one left unanswered.</summary>
    public static string Document(string id = "0000001", string focus = "Quellian fever", string source = "TestHealth", string? answerExtra = null) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <Document id="{id}" source="{source}" url="https://example.org/{id}">
        <Focus>{focus}</Focus>
        <FocusAnnotations>
        	<Category>Disease</Category>
        	<Synonyms>
        		<Synonym>Quell fever</Synonym>
        		<Synonym>Marsh shivers</Synonym>
        	</Synonyms>
        </FocusAnnotations>
        <QAPairs>
        	<QAPair pid="1">
        		<Question qid="{id}-1" qtype="information">What is (are) {focus} ?</Question>
        		<Answer>{focus} is an invented illness used to test SIGMA-NEX. It causes violet freckles &amp; a humming noise in the ears.{answerExtra}
                    - It is not real.    - It cannot spread.</Answer>
        	</QAPair>
        	<QAPair pid="2">
        		<Question qid="{id}-2" qtype="treatment">What are the treatments for {focus} ?</Question>
        		<Answer>Rest in a quiet room and drink warm zinnober tea until the freckles fade.</Answer>
        	</QAPair>
        	<QAPair pid="3">
        		<Question qid="{id}-3" qtype="outlook">What is the outlook for {focus} ?</Question>
        		<Answer>   </Answer>
        	</QAPair>
        </QAPairs>
        </Document>
        """;

    /// <summary>The <c>&lt;doc&gt;</c> variant some subsets use.</summary>
    public static string DocVariant(string id = "0000009") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <doc docid="{id}" corpus="TestNeuro" url="https://example.org/neuro/{id}">
        <doctitle-focus>Brindle tremor</doctitle-focus>
        <qaPairs>
        <pair pid="1">
        <question qid="{id}-1" qtype="information">what is brindle tremor ?</question>
        <answer>Brindle tremor is an invented shaking of the left thumb that happens only on Tuesdays.</answer>
        </pair>
        </qaPairs>
        </doc>
        """;

    /// <summary>The "billion laughs": entities that expand to gigabytes if a parser lets them.</summary>
    public const string XmlBomb = """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [
          <!ENTITY lol "lol">
          <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
          <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
          <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
          <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
          <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
          <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
          <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
          <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
        ]>
        <Document id="1" source="Bomb"><Focus>&lol9;</Focus><QAPairs><QAPair pid="1"><Question qid="1-1">q?</Question><Answer>&lol9;</Answer></QAPair></QAPairs></Document>
        """;

    /// <summary>Many generated documents (for batching, progress and interruption), each with two answered pairs.</summary>
    public static IEnumerable<(string Name, string Xml)> Many(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var id = (i + 1).ToString("0000000", System.Globalization.CultureInfo.InvariantCulture);
            yield return ($"2_Test_QA/{id}.xml", Document(id, $"Invented condition {i}", answerExtra: $" Marker word alpha{i}."));
        }
    }

    /// <summary>Writes a .tar.gz laid out like MedQuAD's: a readme, a licence, and folders of XML files.</summary>
    public static string Archive(string path, IEnumerable<(string Name, string Content)> entries)
    {
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        using var tar = new TarWriter(gzip, TarEntryFormat.Ustar);
        Add(tar, "./readme.txt", "An invented dataset in the MedQuAD layout, for tests.");
        Add(tar, "./LICENSE.txt", "CC BY 4.0 (test text)");
        foreach (var (name, content) in entries)
        {
            Add(tar, "./" + name, content);
        }

        return path;
    }

    private static void Add(TarWriter tar, string name, string content)
    {
        var entry = new UstarTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)) };
        tar.WriteEntry(entry);
    }
}
