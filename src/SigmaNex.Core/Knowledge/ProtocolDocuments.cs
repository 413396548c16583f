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
        Chunks = [new ChunkDraft { Heading = p.Title, Text = SearchText(p), Keywords = string.Join(", ", p.Tags) }],
    };

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
