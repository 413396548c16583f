using SigmaNex.Core.Language;

namespace SigmaNex.Core.Knowledge.Importers;

/// <summary>What the importers of prose (Markdown, text, HTML, JSON lines) share: ids, titles, language.</summary>
internal static class ProseDocuments
{
    /// <summary>How much text the language is guessed from: plenty for function words, cheap on a big file.</summary>
    private const int LanguageSampleChars = 8000;

    public const string DefaultLanguage = "en";

    /// <summary>A file's document id: its full path, so two folders' <c>notes.md</c> stay two documents.</summary>
    public static string IdFor(string path) => "doc:" + path;

    public static string TitleFromFileName(string path) => Path.GetFileNameWithoutExtension(path);

    /// <summary>The language of a document's text by its function words; English when it cannot tell.</summary>
    public static string DetectLanguage(ILanguageDetector detector, IEnumerable<TextSection> sections)
    {
        var sample = new System.Text.StringBuilder();
        foreach (var s in sections)
        {
            if (sample.Length >= LanguageSampleChars)
            {
                break;
            }

            sample.Append(s.Heading).Append('\n').Append(s.Text.AsSpan(0, Math.Min(s.Text.Length, LanguageSampleChars))).Append('\n');
        }

        var guess = detector.Detect(sample.ToString());
        return guess.IsKnown ? guess.Language : DefaultLanguage;
    }

    /// <summary>A document of prose chunked by sections, or null when it holds no text.</summary>
    public static KnowledgeDocument? Create(
        string id, string title, IReadOnlyList<TextSection> sections, string language, IReadOnlyDictionary<string, string> metadata,
        string? category = null, IReadOnlyList<string>? tags = null, string? url = null)
    {
        var keywords = tags is { Count: > 0 } ? string.Join(", ", tags) : null;
        var chunks = TextChunker.Chunk(sections, keywords);
        if (chunks.Count == 0)
        {
            return null;
        }

        return new KnowledgeDocument
        {
            Id = id,
            Kind = DocumentKind.Document,
            Title = title,
            Language = language,
            Category = category,
            Tags = tags ?? [],
            Url = url,
            Metadata = metadata,
            Chunks = chunks,
        };
    }
}
