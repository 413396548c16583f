using System.Runtime.CompilerServices;
using System.Text;

namespace SigmaNex.Core.Knowledge.Importers;

/// <summary>Protocols in SIGMA-NEX's own format, as YAML or JSON: one, a list, or <c>{protocols: [...]}</c>.</summary>
public sealed class ProtocolFileImporter : IKnowledgeImporter
{
    public string Format => "protocols";

    public bool CanImport(string path, ReadOnlySpan<byte> head)
    {
        var ext = Path.GetExtension(path).ToLowerInvariant();
        if (ext is ".yaml" or ".yml")
        {
            return true;
        }

        if (ext != ".json")
        {
            return false;
        }

        var text = Encoding.UTF8.GetString(head);
        return text.Contains("\"steps\"", StringComparison.Ordinal) && text.Contains("\"title\"", StringComparison.Ordinal);
    }

    public async IAsyncEnumerable<KnowledgeDocument> ImportAsync(ImportContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var text = await File.ReadAllTextAsync(context.Path, cancellationToken).ConfigureAwait(false);
        foreach (var p in ProtocolReader.Read(text, context.Path, strict: false))
        {
            yield return ProtocolDocuments.ToDocument(p);
        }
    }
}
