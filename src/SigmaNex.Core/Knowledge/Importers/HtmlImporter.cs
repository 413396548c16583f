using System.Runtime.CompilerServices;
using System.Text;
using SigmaNex.Core.Language;

namespace SigmaNex.Core.Knowledge.Importers;

/// <summary>
/// HTML pages (<c>.html</c>, <c>.htm</c>, <c>.xhtml</c>, or a file that starts like one): the readable
/// text (see <see cref="HtmlTextExtractor"/>), a section per heading, titled by <c>&lt;title&gt;</c>,
/// the first <c>h1</c> or the file name.
/// </summary>
public sealed class HtmlImporter : IKnowledgeImporter
{
    private readonly ILanguageDetector _languages;

    public HtmlImporter(ILanguageDetector languages) => _languages = languages;

    public string Format => "html";

    public bool CanImport(string path, ReadOnlySpan<byte> head)
    {
        if (Path.GetExtension(path).ToLowerInvariant() is ".html" or ".htm" or ".xhtml")
        {
            return true;
        }

        var start = Encoding.UTF8.GetString(head[..Math.Min(head.Length, 512)]).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return start.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase)
            || start.StartsWith("<html", StringComparison.OrdinalIgnoreCase);
    }

    public async IAsyncEnumerable<KnowledgeDocument> ImportAsync(ImportContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var html = await File.ReadAllTextAsync(context.Path, cancellationToken).ConfigureAwait(false);
        var (title, sections) = HtmlTextExtractor.Extract(html);
        var doc = ProseDocuments.Create(
            ProseDocuments.IdFor(context.Path),
            title ?? ProseDocuments.TitleFromFileName(context.Path),
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
