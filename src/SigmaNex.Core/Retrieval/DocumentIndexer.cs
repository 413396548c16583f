using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.AI;
using SigmaNex.Core.Knowledge;
using SigmaNex.Core.Retrieval.Embeddings;
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
    private readonly int _headingWeight;

    public DocumentIndexer(IEmbeddingGenerator<string, Embedding<float>>? embedder)
    {
        _embedder = embedder;
        _headingWeight = HeadingWeightFor(embedder);
    }

    public async Task<List<IndexedDocument>> IndexAsync(IReadOnlyList<KnowledgeDocument> documents, CancellationToken cancellationToken)
    {
        var texts = new List<string>();
        var firstChunk = new int[documents.Count];
        for (var i = 0; i < documents.Count; i++)
        {
            firstChunk[i] = texts.Count;
            foreach (var c in documents[i].Chunks)
            {
                texts.Add(EmbeddingText(c.Heading, c.Keywords, c.Text, _headingWeight));
            }
        }

        // Analysis and hashing are pure per document: spread them over the cores while the embedder works.
        var analysed = new (List<(string Title, string Keywords, string Body)> Terms, string Hash)[documents.Count];
        var analysis = Task.Run(
            () => Parallel.For(0, documents.Count, new ParallelOptions { CancellationToken = cancellationToken }, i => analysed[i] = Analyse(documents[i])),
            cancellationToken);
        var vectors = _embedder is null || texts.Count == 0
            ? null
            : await _embedder.GenerateAsync(texts, cancellationToken: cancellationToken).ConfigureAwait(false);
        await analysis.ConfigureAwait(false);

        var result = new List<IndexedDocument>(documents.Count);
        for (var i = 0; i < documents.Count; i++)
        {
            var d = documents[i];
            var (terms, hash) = analysed[i];
            var chunks = new List<IndexedChunk>(d.Chunks.Count);
            for (var j = 0; j < d.Chunks.Count; j++)
            {
                chunks.Add(new IndexedChunk(
                    d.Chunks[j],
                    terms[j].Title,
                    terms[j].Keywords,
                    terms[j].Body,
                    vectors is null ? null : Quantizer.Quantize(vectors[firstChunk[i] + j].Vector.Span)));
            }

            result.Add(new IndexedDocument(d, hash, chunks));
        }

        return result;
    }

    /// <summary>The analysed terms of each chunk's fields, and the document's content hash.</summary>
    private static (List<(string Title, string Keywords, string Body)> Terms, string Hash) Analyse(KnowledgeDocument d)
    {
        var terms = new List<(string, string, string)>(d.Chunks.Count);
        var title = d.Title;
        string? lastTitleText = null, lastTitleTerms = null, lastKeywords = null, lastKeywordTerms = null;
        foreach (var c in d.Chunks)
        {
            // Chunks of one section share their title and keywords: analyse those once.
            var titleText = c.Heading is null || c.Heading == title ? title : $"{title} {c.Heading}";
            if (titleText != lastTitleText)
            {
                lastTitleText = titleText;
                lastTitleTerms = Terms(titleText, d.Language);
            }

            if (c.Keywords != lastKeywords || lastKeywordTerms is null)
            {
                lastKeywords = c.Keywords;
                lastKeywordTerms = Terms(c.Keywords, d.Language);
            }

            terms.Add((lastTitleTerms!, lastKeywordTerms, Terms(c.Text, d.Language)));
        }

        return (terms, ContentHash(d));
    }

    /// <summary>
    /// How many times a chunk's heading goes into the text its vector is computed from: the built-in
    /// embedder is a bag of features in which a five-word heading is lost in a 150-word chunk, while the
    /// keyword index weighs the title like a field of its own; a model embedder gets the heading once.
    /// </summary>
    public static int HeadingWeightFor(IEmbeddingGenerator<string, Embedding<float>>? embedder) =>
        embedder is BuiltinEmbeddingGenerator ? BuiltinEmbeddingGenerator.HeadingWeight : 1;

    /// <summary>What a chunk's vector is computed from: the heading (<paramref name="headingWeight"/> times), the keywords, the text.</summary>
    public static string EmbeddingText(string? heading, string? keywords, string text, int headingWeight = 1)
    {
        var sb = new StringBuilder(text.Length + 128);
        for (var i = 0; i < headingWeight && !string.IsNullOrEmpty(heading); i++)
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

    private static string Terms(string? text, string language) => TextAnalyzer.AnalyzeToText(text, language);

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
