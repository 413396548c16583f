using System.Text.RegularExpressions;
using System.Xml;

namespace SigmaNex.Core.Knowledge.Importers;

/// <summary>
/// Reads one MedQuAD XML document (<c>&lt;Document id source url&gt;&lt;Focus/&gt;&lt;FocusAnnotations/&gt;
/// &lt;QAPairs&gt;...</c>) into one knowledge document per answered question. The reader is hardened:
/// no DTD (so no entity expansion, no "billion laughs"), no external resolution, and a size limit.
/// </summary>
public static partial class MedQuadReader
{
    /// <summary>Credit required by the dataset's licence, shown with every answer.</summary>
    public const string Credit = "MedQuAD (Ben Abacha & Demner-Fushman, 2019), CC BY 4.0";

    /// <summary>The largest single XML document read (MedQuAD's largest is under 0.2 MB).</summary>
    public const int MaxBytes = 16 * 1024 * 1024;

    private static readonly XmlReaderSettings s_settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 1024,
        MaxCharactersInDocument = MaxBytes,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
    };

    /// <summary>
    /// The answered pairs of one document. <paramref name="name"/> is how the file is named in messages;
    /// <paramref name="fileStem"/> identifies the document within its source (MedQuAD's own ids repeat).
    /// <paramref name="unanswered"/> counts the questions left out because their answer is empty.
    /// </summary>
    public static List<KnowledgeDocument> Read(Stream xml, string name, string fileStem, out int unanswered)
    {
        // Read whole (documents are small) so the limits are checked, and said, before the parser starts;
        // the parser's own settings enforce them again.
        var bytes = ReadLimited(xml, name);
        if (DeclaresDtd(bytes))
        {
            throw new SigmaException(SigmaErrorKind.Refused,
                $"{name}: refused: the XML declares a DTD (<!DOCTYPE>), whose entities could expand without bound (an 'XML bomb')");
        }

        try
        {
            using var reader = XmlReader.Create(new MemoryStream(bytes, writable: false), s_settings);
            return Read(reader, name, fileStem, out unanswered);
        }
        catch (XmlException ex)
        {
            throw SigmaException.Input($"{name} line {ex.LineNumber}, column {ex.LinePosition}: not well-formed XML");
        }
    }

    private static byte[] ReadLimited(Stream xml, string name)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[1 << 16];
        int n;
        while ((n = xml.Read(chunk)) > 0)
        {
            if (buffer.Length + n > MaxBytes)
            {
                throw new SigmaException(SigmaErrorKind.Refused, $"{name}: refused: an XML document larger than {MaxBytes / (1024 * 1024)} MB");
            }

            buffer.Write(chunk, 0, n);
        }

        return buffer.ToArray();
    }

    /// <summary>True when a <c>&lt;!DOCTYPE</c> comes before the root element.</summary>
    private static bool DeclaresDtd(ReadOnlySpan<byte> xml)
    {
        var doctype = xml.IndexOf("<!DOCTYPE"u8);
        if (doctype < 0)
        {
            return false;
        }

        for (var i = 0; i + 1 < xml.Length && i < doctype; i++)
        {
            if (xml[i] == (byte)'<' && char.IsAsciiLetter((char)xml[i + 1]))
            {
                return false;
            }
        }

        return true;
    }

    private static List<KnowledgeDocument> Read(XmlReader r, string name, string fileStem, out int unanswered)
    {
        unanswered = 0;
        // Most files are <Document id source url>; a few subsets use <DiseaseFile fid ...> or <doc docid corpus ...>.
        if (r.MoveToContent() != XmlNodeType.Element || r.LocalName is not ("Document" or "DiseaseFile" or "doc"))
        {
            throw SigmaException.Input($"{name} line {Line(r)}: not a MedQuAD document (expected <Document>, found <{r.LocalName}>)");
        }

        var documentId = Attribute(r, "id", "fid", "docid") ?? fileStem;
        var source = Attribute(r, "source", "corpus") ?? "MedQuAD";
        var url = Attribute(r, "url");
        string? focus = null;
        string? category = null;
        var synonyms = new List<string>();
        var pairs = new List<(string? Pid, string? Qid, string? QType, string Question, string Answer, int Line)>();
        string? pid = null, qid = null, qtype = null, question = null;
        var questionLine = 0;

        r.Read();
        while (!r.EOF)
        {
            if (r.NodeType != XmlNodeType.Element)
            {
                if (r.NodeType == XmlNodeType.EndElement && r.LocalName is ("QAPair" or "pair"))
                {
                    pid = qid = qtype = question = null;
                }

                r.Read();
                continue;
            }

            switch (r.LocalName)
            {
                case "Focus" or "doctitle-focus":
                    focus = Text(r);
                    break;
                case "Category":
                    category = Text(r);
                    break;
                case "Synonym":
                    var synonym = Text(r);
                    if (synonym.Length > 0 && !synonyms.Contains(synonym, StringComparer.OrdinalIgnoreCase))
                    {
                        synonyms.Add(synonym);
                    }

                    break;
                case "QAPair" or "pair":
                    pid = r.GetAttribute("pid");
                    r.Read();
                    break;
                case "Question" or "question":
                    qid = r.GetAttribute("qid");
                    qtype = r.GetAttribute("qtype");
                    questionLine = Line(r);
                    question = Text(r);
                    break;
                case "Answer" or "answer":
                    var answerLine = Line(r);
                    var answer = Text(r);
                    if (question is null or { Length: 0 })
                    {
                        throw SigmaException.Input($"{name} line {answerLine}: an <Answer> without a <Question> before it in its <QAPair>");
                    }

                    pairs.Add((pid, qid, qtype, question, answer, questionLine));
                    break;
                default:
                    r.Read();
                    break;
            }
        }

        var docs = new List<KnowledgeDocument>(pairs.Count);
        var key = $"{source}/{fileStem}";
        var tags = new List<string>();
        if (!string.IsNullOrEmpty(focus))
        {
            tags.Add(focus);
        }

        tags.AddRange(synonyms.Where(s => !s.Equals(focus, StringComparison.OrdinalIgnoreCase)));
        var keywords = tags.Count == 0 ? null : string.Join(", ", tags);
        var attribution = url is null ? $"{Credit} — {source}" : $"{Credit} — {source}: {url}";
        for (var i = 0; i < pairs.Count; i++)
        {
            var p = pairs[i];
            var answer = InlineBullet().Replace(p.Answer, "\n- ");
            var chunks = TextChunker.Chunk([new TextSection(p.Question, answer)], keywords);
            if (chunks.Count == 0)
            {
                unanswered++;
                continue;
            }

            var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["focus"] = focus ?? string.Empty,
                ["synonyms"] = string.Join("; ", synonyms),
                ["qtype"] = p.QType ?? string.Empty,
                ["source"] = source,
                ["document"] = documentId,
                ["qid"] = p.Qid ?? string.Empty,
            };
            docs.Add(new KnowledgeDocument
            {
                Id = $"medquad:{key}-{(string.IsNullOrWhiteSpace(p.Pid) ? (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : p.Pid.Trim())}",
                Kind = DocumentKind.QuestionAnswer,
                GroupId = $"medquad:{key}",
                Title = p.Question,
                Language = "en",
                Category = string.IsNullOrWhiteSpace(category) ? "medical" : category.Trim().ToLowerInvariant(),
                Tags = tags,
                Url = url,
                Attribution = attribution,
                Metadata = metadata,
                Chunks = chunks,
            });
        }

        return docs;
    }

    /// <summary>The text of an element and its descendants, white space tidied; leaves the reader after it.</summary>
    private static string Text(XmlReader r)
    {
        if (r.IsEmptyElement)
        {
            r.Read();
            return string.Empty;
        }

        var depth = r.Depth;
        var sb = new System.Text.StringBuilder();
        r.Read();
        while (!r.EOF && !(r.NodeType == XmlNodeType.EndElement && r.Depth == depth))
        {
            if (r.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace)
            {
                sb.Append(r.Value);
            }

            r.Read();
        }

        r.Read();
        return sb.ToString().Trim();
    }

    private static string? Attribute(XmlReader r, params ReadOnlySpan<string> names)
    {
        foreach (var n in names)
        {
            if (r.GetAttribute(n)?.Trim() is { Length: > 0 } value)
            {
                return value;
            }
        }

        return null;
    }

    private static int Line(XmlReader r) => r is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 0;

    // MedQuAD flattens bulleted lists into one line ("    - a    - b"); put each item back on its own line.
    [GeneratedRegex(@"[ \t]{2,}-[ \t]+")]
    private static partial Regex InlineBullet();
}
