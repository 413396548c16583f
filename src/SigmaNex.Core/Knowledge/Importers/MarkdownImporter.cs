using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using SigmaNex.Core.Language;

namespace SigmaNex.Core.Knowledge.Importers;

/// <summary>
/// Markdown files (<c>.md</c>, <c>.markdown</c>): one document per file, a section per heading (ATX
/// <c>#</c>..<c>######</c> or underlined), chunked by paragraphs. The title is the front matter's
/// <c>title:</c>, else the first heading, else the file name. Links and emphasis are reduced to their text.
/// </summary>
public sealed partial class MarkdownImporter : IKnowledgeImporter
{
    private readonly ILanguageDetector _languages;

    public MarkdownImporter(ILanguageDetector languages) => _languages = languages;

    public string Format => "markdown";

    public bool CanImport(string path, ReadOnlySpan<byte> head) =>
        Path.GetExtension(path).ToLowerInvariant() is ".md" or ".markdown" or ".mdown" or ".mkd";

    public async IAsyncEnumerable<KnowledgeDocument> ImportAsync(ImportContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var text = await File.ReadAllTextAsync(context.Path, cancellationToken).ConfigureAwait(false);
        var (title, sections) = Parse(text);
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

    /// <summary>The title (null when the text names none) and the sections of a Markdown text.</summary>
    public static (string? Title, List<TextSection> Sections) Parse(string markdown)
    {
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        var start = 0;
        string? title = null;
        if (lines.Length > 0 && lines[0].TrimEnd() == "---")
        {
            // YAML front matter: only its title is used.
            for (var i = 1; i < lines.Length; i++)
            {
                if (lines[i].TrimEnd() is "---" or "...")
                {
                    start = i + 1;
                    break;
                }

                if (FrontMatterTitle().Match(lines[i]) is { Success: true } m)
                {
                    title = m.Groups[1].Value.Trim().Trim('"', '\'').Trim();
                }
            }

            if (start == 0)
            {
                title = null;
            }
        }

        var sections = new List<TextSection>();
        string? heading = null;
        var body = new StringBuilder();
        string? fence = null;
        var previousWasText = false;
        for (var i = start; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.Trim();
            if (fence is not null)
            {
                if (trimmed.StartsWith(fence, StringComparison.Ordinal))
                {
                    fence = null;
                    body.Append('\n');
                }
                else
                {
                    body.Append(line).Append('\n');
                }

                previousWasText = false;
                continue;
            }

            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
            {
                fence = trimmed[..3];
                body.Append('\n');
                previousWasText = false;
                continue;
            }

            if (AtxHeading().Match(line) is { Success: true } atx)
            {
                StartSection(Inline(atx.Groups[2].Value).Trim());
                previousWasText = false;
                continue;
            }

            if (previousWasText && SetextUnderline().IsMatch(line))
            {
                // The paragraph line just added was a heading: take it back out of the body.
                var text = body.ToString().TrimEnd('\n');
                var cut = text.LastIndexOf('\n');
                var headingText = text[(cut + 1)..];
                body.Length = cut + 1;
                StartSection(headingText.Trim());
                previousWasText = false;
                continue;
            }

            if (trimmed.Length == 0 || LinkDefinition().IsMatch(line) || ThematicBreak().IsMatch(line))
            {
                body.Append('\n');
                previousWasText = false;
                continue;
            }

            body.Append(Inline(BlockQuote().Replace(line, string.Empty))).Append('\n');
            previousWasText = true;
        }

        Flush();
        return (title, sections);

        void StartSection(string text)
        {
            Flush();
            heading = text.Length == 0 ? null : text;
            title ??= heading;
        }

        void Flush()
        {
            if (body.ToString().Trim().Length > 0)
            {
                sections.Add(new TextSection(heading, body.ToString()));
            }

            body.Clear();
        }
    }

    /// <summary>Links and images become their text; emphasis and code markers are dropped; inline HTML tags too.</summary>
    private static string Inline(string line)
    {
        line = Image().Replace(line, "$1");
        line = Link().Replace(line, "$1");
        line = Emphasis().Replace(line, string.Empty);
        return InlineTag().Replace(line, string.Empty);
    }

    [GeneratedRegex(@"^ {0,3}(#{1,6})(?:[ \t]+(.*?))??(?:[ \t]+#+)?[ \t]*$")]
    private static partial Regex AtxHeading();

    [GeneratedRegex(@"^ {0,3}(?:=+|-+)[ \t]*$")]
    private static partial Regex SetextUnderline();

    [GeneratedRegex(@"^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")]
    private static partial Regex ThematicBreak();

    [GeneratedRegex(@"^ {0,3}\[[^\]]+\]:\s*\S+")]
    private static partial Regex LinkDefinition();

    [GeneratedRegex(@"^ {0,3}(?:>[ \t]?)+")]
    private static partial Regex BlockQuote();

    [GeneratedRegex(@"^title:\s*(.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex FrontMatterTitle();

    [GeneratedRegex(@"!\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex Image();

    [GeneratedRegex(@"\[([^\]]+)\](?:\([^)]*\)|\[[^\]]*\])")]
    private static partial Regex Link();

    [GeneratedRegex(@"\*\*|__|`+")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")]
    private static partial Regex InlineTag();
}
