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
    public const string ModelName = "sigma-hash-v1";
    public const int DefaultDimensions = 384;

    private const float WordWeight = 1.0f;
    private const float PairWeight = 0.5f;
    private const float NgramMass = 1.2f;

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

    /// <summary>Embeds one text synchronously (the hot path of query-time search).</summary>
    public float[] Embed(string text)
    {
        var v = new float[Dimensions];
        var words = new List<string>();
        foreach (var token in Tokenizer.Tokenize(text))
        {
            var folded = TextFolding.Fold(token);
            if (folded.Length > 1 && !CommonWords.Contains(folded))
            {
                words.Add(folded);
            }
        }

        Span<char> buffer = stackalloc char[Tokenizer.MaxTokenLength + 2];
        for (var w = 0; w < words.Count; w++)
        {
            var word = words[w];
            Add(v, Fnv(word, 0x9E37), WordWeight);
            if (w + 1 < words.Count)
            {
                Add(v, Fnv(words[w + 1], Fnv(word, 0x51ED)), PairWeight);
            }

            // "<word>" so that prefixes and suffixes are features of their own.
            buffer[0] = '<';
            word.AsSpan().CopyTo(buffer[1..]);
            buffer[word.Length + 1] = '>';
            var padded = buffer[..(word.Length + 2)];
            var count = 0;
            for (var n = 3; n <= 5; n++)
            {
                count += Math.Max(0, padded.Length - n + 1);
            }

            if (count == 0)
            {
                continue;
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

        var norm = TensorPrimitives.Norm(v);
        if (norm > 0)
        {
            TensorPrimitives.Divide(v, norm, v);
        }

        return v;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
        : serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
    }

    private void Add(float[] v, ulong hash, float weight)
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

    private static ulong Fnv(string s, ulong seed) => Fnv(s.AsSpan(), seed);

    // Function words of the languages we ship protocols in; they carry no topic.
    private static readonly HashSet<string> CommonWords = new(
        new[] { "en", "it", "es", "fr", "de", "pt" }.SelectMany(l => StopWords.For(l)), StringComparer.Ordinal);
}
