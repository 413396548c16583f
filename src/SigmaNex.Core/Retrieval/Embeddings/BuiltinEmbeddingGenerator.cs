using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using SigmaNex.Core.Text;

namespace SigmaNex.Core.Retrieval.Embeddings;

/// <summary>
/// The always-available embedder: signed feature hashing of words, word pairs and character
/// n-grams (3–5, with word boundaries) into a fixed number of dimensions, L2-normalised.
/// Needs no model file, works for any alphabet, and tolerates typos and inflection because
/// "bleding" and "bleeding", or "emorragia" and "emorragie", share most of their n-grams.
/// </summary>
public sealed class BuiltinEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    public const string ProviderName = "builtin";
    /// <summary>v2: chunk headings weigh <see cref="HeadingWeight"/> times (stores of v1 vectors are re-embedded on open).</summary>
    public const string ModelName = "sigma-hash-v2";
    public const int DefaultDimensions = 384;

    /// <summary>
    /// How many times a chunk's heading is fed in when the chunk is indexed (the query is embedded as is).
    /// Chosen on the dev sets (docs/RETRIEVAL.md): 4 lets MedQuAD's section titles count without moving the protocol set.
    /// </summary>
    public const int HeadingWeight = 4;

    private const float WordWeight = 1.0f;
    private const float PairWeight = 0.5f;
    private const float NgramMass = 1.2f;

    /// <summary>Room for a folded word: folding can lengthen a token ("ß" → "ss"), at most doubling it.</summary>
    private const int WordBuffer = 2 * Tokenizer.MaxTokenLength;

    private readonly EmbeddingGeneratorMetadata _metadata;

    public BuiltinEmbeddingGenerator(int dimensions = DefaultDimensions)
    {
        if (dimensions is < 16 or > 4096)
        {
            throw new ArgumentOutOfRangeException(nameof(dimensions), "dimensions must be between 16 and 4096");
        }

        Dimensions = dimensions;
        _metadata = new EmbeddingGeneratorMetadata(ProviderName, null, ModelName, dimensions);
    }

    public int Dimensions { get; }

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var inputs = values as IReadOnlyList<string> ?? values.ToList();
        var results = new Embedding<float>[inputs.Count];
        if (inputs.Count >= 64)
        {
            Parallel.For(0, inputs.Count, new ParallelOptions { CancellationToken = cancellationToken }, i => results[i] = new Embedding<float>(Embed(inputs[i])));
        }
        else
        {
            for (var i = 0; i < inputs.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                results[i] = new Embedding<float>(Embed(inputs[i]));
            }
        }

        return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(results));
    }

    /// <summary>Embeds one text synchronously (the hot path of query-time search and of ingestion).</summary>
    public float[] Embed(string text)
    {
        // Words are streamed with one word of look-ahead (for the word-pair feature) through two buffers,
        // so no token becomes a string: features are added in the same order as word by word.
        var v = new float[Dimensions];
        Span<char> lower = stackalloc char[Tokenizer.MaxTokenLength];
        Span<char> a = stackalloc char[WordBuffer];
        Span<char> b = stackalloc char[WordBuffer];
        Span<char> padded = stackalloc char[WordBuffer + 2];
        var previous = a;
        var current = b;
        var previousLength = 0;
        foreach (var token in Tokenizer.EnumerateTokens(text))
        {
            var word = Tokenizer.Lower(token, lower);
            if (TextFolding.NeedsFolding(word))
            {
                var folded = TextFolding.Fold(word.ToString());
                if (folded.Length > WordBuffer)
                {
                    continue;
                }

                word = folded;
            }

            if (word.Length <= 1 || s_commonWords.Contains(word))
            {
                continue;
            }

            word.CopyTo(current);
            if (previousLength > 0)
            {
                AddWord(v, previous[..previousLength], current[..word.Length], padded);
            }

            var swap = previous;
            previous = current;
            current = swap;
            previousLength = word.Length;
        }

        if (previousLength > 0)
        {
            AddWord(v, previous[..previousLength], [], padded);
        }

        var norm = TensorPrimitives.Norm(v);
        if (norm > 0)
        {
            TensorPrimitives.Divide(v, norm, v);
        }

        return v;
    }

    /// <summary>A word's features: the word, the pair it forms with the next word (if any), its character n-grams.</summary>
    private static void AddWord(float[] v, ReadOnlySpan<char> word, ReadOnlySpan<char> next, Span<char> buffer)
    {
        Add(v, Fnv(word, 0x9E37), WordWeight);
        if (!next.IsEmpty)
        {
            Add(v, Fnv(next, Fnv(word, 0x51ED)), PairWeight);
        }

        // "<word>" so that prefixes and suffixes are features of their own.
        buffer[0] = '<';
        word.CopyTo(buffer[1..]);
        buffer[word.Length + 1] = '>';
        var padded = buffer[..(word.Length + 2)];
        var count = 0;
        for (var n = 3; n <= 5; n++)
        {
            count += Math.Max(0, padded.Length - n + 1);
        }

        if (count == 0)
        {
            return;
        }

        var weight = NgramMass / MathF.Sqrt(count);
        for (var n = 3; n <= 5; n++)
        {
            for (var i = 0; i + n <= padded.Length; i++)
            {
                Add(v, Fnv(padded.Slice(i, n), (ulong)n), weight);
            }
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
        : serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
    }

    private static void Add(float[] v, ulong hash, float weight)
    {
        var index = (int)(hash % (ulong)v.Length);
        v[index] += (hash >> 63) == 0 ? weight : -weight;
    }

    private static ulong Fnv(ReadOnlySpan<char> s, ulong seed)
    {
        var h = 14695981039346656037UL ^ (seed * 1099511628211UL);
        foreach (var c in s)
        {
            h ^= c;
            h *= 1099511628211UL;
        }

        // Final avalanche so that the low bits (the bucket) and the top bit (the sign) are independent.
        h ^= h >> 33;
        h *= 0xff51afd7ed558ccdUL;
        h ^= h >> 33;
        return h;
    }

    // Function words of the languages we ship protocols in; they carry no topic.
    private static readonly HashSet<string> s_commonWordSet = new(
        new[] { "en", "it", "es", "fr", "de", "pt" }.SelectMany(l => StopWords.For(l)), StringComparer.Ordinal);

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> s_commonWords =
        s_commonWordSet.GetAlternateLookup<ReadOnlySpan<char>>();
}
