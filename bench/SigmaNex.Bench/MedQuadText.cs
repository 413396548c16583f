using System.Formats.Tar;
using System.IO.Compression;
using System.Xml;

namespace SigmaNex.Bench;

/// <summary>Reads MedQuAD's questions and answers from the shared archive (for realistic benchmark text).</summary>
public static class MedQuadText
{
    public static string Archive => Path.GetFullPath(Path.Combine(BenchEngine.RepoRoot, "..", "shared", "datasets", "medquad", "medquad.tar.gz"));

    public static (List<string> Questions, List<string> Answers) Load()
    {
        var questions = new List<string>();
        var answers = new List<string>();
        using var file = File.OpenRead(Archive);
        using var gz = new GZipStream(file, CompressionMode.Decompress);
        using var tar = new TarReader(gz);
        while (tar.GetNextEntry() is { } entry)
        {
            if (entry.DataStream is null || !entry.Name.EndsWith(".xml", StringComparison.Ordinal))
            {
                continue;
            }

            using var reader = XmlReader.Create(entry.DataStream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null });
            string? question = null;
            try
            {
                while (reader.Read())
                {
                    if (reader.NodeType != XmlNodeType.Element)
                    {
                        continue;
                    }

                    if (reader.Name == "Question")
                    {
                        question = reader.ReadElementContentAsString().Trim();
                    }
                    else if (reader.Name == "Answer")
                    {
                        var answer = reader.ReadElementContentAsString().Trim();
                        if (answer.Length > 0 && question is not null)
                        {
                            questions.Add(question);
                            answers.Add(answer);
                        }
                    }
                }
            }
            catch (XmlException)
            {
                // A few files are not well-formed; the benchmark needs text, not every file.
            }
        }

        return (questions, answers);
    }
}
