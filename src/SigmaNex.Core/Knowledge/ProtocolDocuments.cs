using System.Text;

namespace SigmaNex.Core.Knowledge;

/// <summary>Turns a protocol into the document the store indexes.</summary>
public static class ProtocolDocuments
{
    public static KnowledgeDocument ToDocument(Protocol p, string? attribution = null) => new()
    {
        Id = p.DocumentId,
        Kind = DocumentKind.Protocol,
        GroupId = p.Id,
        Title = p.Title,
        Language = p.Language,
        Category = p.Category,
        Priority = p.Priority,
        Tags = p.Tags,
        Protocol = p,
        Attribution = attribution,
        Chunks = Sections(p),
    };

    /// <summary>
    /// Three chunks: what it is (title, tags, summary), what to do (the steps), and what to avoid and
    /// when to get help (warnings, help, special cases, improvised). Short, focused chunks give sharper
    /// vectors than one long one; a document scores by its best chunk plus a share of the others.
    /// </summary>
    public static IReadOnlyList<ChunkDraft> Sections(Protocol p)
    {
        var safety = new StringBuilder();
        foreach (var line in p.Warnings.Select(w => w.Text).Concat(p.CallForHelp).Concat(p.SpecialCases.Values).Concat(p.Improvised))
        {
            safety.AppendLine(line);
        }

        var chunks = new List<ChunkDraft>
        {
            new() { Heading = p.Title, Keywords = string.Join(", ", p.Tags), Text = p.Summary.Length > 0 ? p.Summary : p.Title },
            new() { Heading = p.Title, Text = string.Join('\n', p.Steps) },
        };
        if (safety.Length > 0)
        {
            chunks.Add(new ChunkDraft { Heading = p.Title, Text = safety.ToString().TrimEnd() });
        }

        return chunks;
    }

    /// <summary>
    /// All of a protocol's prose in one chunk: protocols are short, and keeping them whole lets
    /// keyword and vector search judge the protocol as a unit.
    /// </summary>
    public static string SearchText(Protocol p)
    {
        var sb = new StringBuilder();
        sb.AppendLine(p.Summary);
        foreach (var s in p.Steps)
        {
            sb.AppendLine(s);
        }

        foreach (var w in p.Warnings)
        {
            sb.AppendLine(w.Text);
        }

        foreach (var h in p.CallForHelp)
        {
            sb.AppendLine(h);
        }

        foreach (var (_, v) in p.SpecialCases)
        {
            sb.AppendLine(v);
        }

        foreach (var i in p.Improvised)
        {
            sb.AppendLine(i);
        }

        return sb.ToString().TrimEnd();
    }
}
