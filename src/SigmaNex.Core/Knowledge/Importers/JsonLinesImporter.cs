using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using SigmaNex.Core.Language;

namespace SigmaNex.Core.Knowledge.Importers;

/// <summary>
/// JSON lines (<c>.jsonl</c>, <c>.ndjson</c>): one document per line, an object with <c>text</c>
/// (required) and optional <c>title</c>, <c>id</c>, <c>url</c>, <c>language</c>, <c>tags</c> (a list of
/// text) and <c>category</c>; other fields are ignored. A malformed line is skipped with a warning naming
/// the file, the line and the field; a file with no valid line is refused with the first problem.
/// </summary>
public sealed partial class JsonLinesImporter : IKnowledgeImporter
{
    private const int TitleChars = 80;
    private const int ProgressEveryLines = 256;

    private static readonly JsonDocumentOptions s_json = new() { MaxDepth = 16 };

    private readonly ILanguageDetector _languages;

    public JsonLinesImporter(ILanguageDetector languages) => _languages = languages;

    public string Format => "jsonl";

    public bool CanImport(string path, ReadOnlySpan<byte> head) =>
        Path.GetExtension(path).ToLowerInvariant() is ".jsonl" or ".ndjson";

    public async IAsyncEnumerable<KnowledgeDocument> ImportAsync(ImportContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(context.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? firstProblem = null;
        var imported = 0;
        var number = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            number++;
            if (number % ProgressEveryLines == 0)
            {
                context.ReportRead?.Invoke(stream.Position, stream.Length);
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            KnowledgeDocument? doc;
            try
            {
                doc = Parse(line, context.Path, number);
            }
            catch (SigmaException ex) when (ex.Kind == SigmaErrorKind.InvalidInput)
            {
                firstProblem ??= ex.Message;
                context.Warn(ex.Message);
                continue;
            }

            if (doc is null)
            {
                continue;
            }

            if (!seen.Add(doc.Id))
            {
                var problem = $"{context.Path} line {number}: field 'id' repeats the id of an earlier line; line skipped";
                firstProblem ??= problem;
                context.Warn(problem);
                continue;
            }

            imported++;
            yield return doc;
        }

        if (imported == 0 && firstProblem is not null)
        {
            throw SigmaException.Input(firstProblem);
        }
    }

    /// <summary>One line as a document; null when its text is only white space.</summary>
    public KnowledgeDocument? Parse(string line, string path, int number)
    {
        var at = $"{path} line {number}";
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(line, s_json);
        }
        catch (JsonException ex)
        {
            throw SigmaException.Input($"{at}: not valid JSON (column {(ex.BytePositionInLine ?? 0) + 1})");
        }

        using (json)
        {
            var o = json.RootElement;
            if (o.ValueKind != JsonValueKind.Object)
            {
                throw SigmaException.Input($"{at}: expected an object like {{\"text\": \"...\"}}");
            }

            var text = String(o, "text", at) ?? throw SigmaException.Input($"{at}: field 'text' is required");
            if (string.IsNullOrWhiteSpace(text))
            {
                throw SigmaException.Input($"{at}: field 'text' is empty");
            }

            var id = o.TryGetProperty("id", out var idValue) && idValue.ValueKind == JsonValueKind.Number
                ? idValue.GetRawText()
                : String(o, "id", at);
            var language = String(o, "language", at)?.ToLowerInvariant();
            if (language is not null && !LanguageCode().IsMatch(language))
            {
                throw SigmaException.Input($"{at}: field 'language' must be a language code such as en or it (got '{language}')");
            }

            var tags = Tags(o, at);
            TextSection[] sections = [new(null, text)];
            var metadata = new Dictionary<string, string>(StringComparer.Ordinal) { ["path"] = path, ["line"] = number.ToString(System.Globalization.CultureInfo.InvariantCulture), ["format"] = Format };
            return ProseDocuments.Create(
                string.IsNullOrWhiteSpace(id) ? $"{ProseDocuments.IdFor(path)}#{number}" : "doc:" + id.Trim(),
                String(o, "title", at) is { Length: > 0 } title ? title.Trim() : TitleFrom(text),
                sections,
                language ?? ProseDocuments.DetectLanguage(_languages, sections),
                metadata,
                String(o, "category", at)?.Trim().ToLowerInvariant() is { Length: > 0 } category ? category : null,
                tags,
                String(o, "url", at)?.Trim());
        }
    }

    private static string? String(JsonElement o, string field, string at)
    {
        if (!o.TryGetProperty(field, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return v.ValueKind == JsonValueKind.String ? v.GetString() : throw SigmaException.Input($"{at}: field '{field}' must be text");
    }

    private static List<string> Tags(JsonElement o, string at)
    {
        if (!o.TryGetProperty("tags", out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (v.ValueKind != JsonValueKind.Array)
        {
            throw SigmaException.Input($"{at}: field 'tags' must be a list of text");
        }

        var tags = new List<string>();
        foreach (var t in v.EnumerateArray())
        {
            if (t.ValueKind != JsonValueKind.String)
            {
                throw SigmaException.Input($"{at}: field 'tags' must be a list of text");
            }

            if (t.GetString()!.Trim() is { Length: > 0 } tag && !tags.Contains(tag, StringComparer.OrdinalIgnoreCase))
            {
                tags.Add(tag);
            }
        }

        return tags;
    }

    /// <summary>The text's first line, cut at a word near <see cref="TitleChars"/>.</summary>
    private static string TitleFrom(string text)
    {
        var first = text.AsSpan().Trim();
        var nl = first.IndexOfAny('\r', '\n');
        if (nl >= 0)
        {
            first = first[..nl].TrimEnd();
        }

        if (first.Length <= TitleChars)
        {
            return first.ToString();
        }

        var cut = first[..TitleChars].LastIndexOf(' ');
        return first[..(cut > TitleChars / 2 ? cut : TitleChars)].ToString() + "…";
    }

    [GeneratedRegex("^[a-z]{2,3}$")]
    private static partial Regex LanguageCode();
}
