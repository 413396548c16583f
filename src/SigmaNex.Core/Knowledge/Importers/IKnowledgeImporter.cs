namespace SigmaNex.Core.Knowledge.Importers;

/// <summary>Turns one file of a given format into knowledge documents.</summary>
public interface IKnowledgeImporter
{
    /// <summary>The name used by <c>--format</c> and recorded with the source.</summary>
    string Format { get; }

    /// <summary>True when the file looks like this format (extension and first bytes).</summary>
    bool CanImport(string path, ReadOnlySpan<byte> head);

    IAsyncEnumerable<KnowledgeDocument> ImportAsync(ImportContext context, CancellationToken cancellationToken);
}
