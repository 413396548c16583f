using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.AI;
using SigmaNex.Core.Knowledge;
using SigmaNex.Core.Retrieval.Vectors;
using SigmaNex.Core.Storage;
using SigmaNex.Core.Text;

namespace SigmaNex.Core.Retrieval;

/// <summary>
/// Prepares documents for the store: analysed terms per field for the keyword index, and a quantized
/// embedding per chunk. The same text recipe is used when vectors are rebuilt later.
/// </summary>
public sealed class DocumentIndexer
{
    private readonly IEmbeddingGenerator<string, Embedding<float>>? _embedder;

    public DocumentIndexer(IEmbeddingGenerator<string, Embedding<float>>? embedder) => _embedder = embedder;

    public async Task<List<IndexedDocument>> IndexAsync(IReadOnlyList<KnowledgeDocument> documents, CancellationToken cancellationToken)
    {
        var texts = new List<string>();
        foreach (var d in documents)
        {
            foreach (var c in d.Chunks)
            {
                texts.Add(EmbeddingText(c.Heading, c.Keywords, c.Text));
            }
        }

        var vectors = _embedder is null || texts.Count == 0
            ? null
            : await _embedder.GenerateAsync(texts, cancellationToken: cancellationToken).ConfigureAwait(false);

        var result = new List<IndexedDocument>(documents.Count);
        var v = 0;
        foreach (var d in documents)
        {
            var chunks = new List<IndexedChunk>(d.Chunks.Count);
            var title = d.Title;
            foreach (var c in d.Chunks)
            {
                var titleText = c.Heading is null || c.Heading == title ? title : $"{title} {c.Heading}";
                chunks.Add(new IndexedChunk(
                    c,
                    Terms(titleText, d.Language),
                    Terms(c.Keywords, d.Language),
                    Terms(c.Text, d.Language),
                    vectors is null ? null : Quantizer.Quantize(vectors[v].Vector.Span)));
                v++;
            }

            result.Add(new IndexedDocument(d, ContentHash(d), chunks));
        }

        return result;
    }

    /// <summary>What a chunk's vector is computed from.</summary>
    public static string EmbeddingText(string? heading, string? keywords, string text)
    {
        var sb = new StringBuilder(text.Length + 128);
        if (!string.IsNullOrEmpty(heading))
        {
            sb.AppendLine(heading);
        }

        if (!string.IsNullOrEmpty(keywords))
        {
            sb.AppendLine(keywords);
        }

        sb.Append(text);
        return sb.ToString();
    }

    private static string Terms(string? text, string language) => string.Join(' ', TextAnalyzer.Analyze(text, language));

    /// <summary>A hash of everything stored about a document, so unchanged documents are skipped on re-ingest.</summary>
    public static string ContentHash(KnowledgeDocument d)
    {
        var sb = new StringBuilder();
        sb.Append(d.Kind).Append('\u001f').Append(d.GroupId).Append('\u001f').Append(d.Title).Append('\u001f')
          .Append(d.Language).Append('\u001f').Append(d.Category).Append('\u001f').Append(d.Priority).Append('\u001f')
          .Append(d.Attribution).Append('\u001f').Append(d.Url).Append('\u001f');
        foreach (var t in d.Tags)
        {
            sb.Append(t).Append('\u001e');
        }

        foreach (var (k, val) in d.Metadata.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            sb.Append(k).Append('=').Append(val).Append('\u001e');
        }

        if (d.Protocol is { } p)
        {
            sb.Append(System.Text.Json.JsonSerializer.Serialize(p, KnowledgeJson.Default.Protocol));
        }

        foreach (var c in d.Chunks)
        {
            sb.Append('\u001d').Append(c.Heading).Append('\u001f').Append(c.Keywords).Append('\u001f').Append(c.Text);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }
}
