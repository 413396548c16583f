using System.Runtime.CompilerServices;
using SigmaNex.Core.Language;

namespace SigmaNex.Core.Knowledge.Importers;

/// <summary>Plain text files (<c>.txt</c>, <c>.text</c>): one document per file, titled by the file name, chunked by paragraphs.</summary>
public sealed class PlainTextImporter : IKnowledgeImporter
{
    private readonly ILanguageDetector _languages;

    public PlainTextImporter(ILanguageDetector languages) => _languages = languages;

    public string Format => "text";

    public bool CanImport(string path, ReadOnlySpan<byte> head) =>
        Path.GetExtension(path).ToLowerInvariant() is ".txt" or ".text";

    public async IAsyncEnumerable<KnowledgeDocument> ImportAsync(ImportContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var text = await File.ReadAllTextAsync(context.Path, cancellationToken).ConfigureAwait(false);
        TextSection[] sections = [new(null, text)];
        var doc = ProseDocuments.Create(
            ProseDocuments.IdFor(context.Path),
            ProseDocuments.TitleFromFileName(context.Path),
            sections,
            ProseDocuments.DetectLanguage(_languages, sections),
            new Dictionary<string, string>(StringComparer.Ordinal) { ["path"] = context.Path, ["format"] = Format });
        if (doc is null)
        {
            context.Warn($"{context.Path}: no text to import");
            yield break;
        }

        yield return doc;
    }
}
