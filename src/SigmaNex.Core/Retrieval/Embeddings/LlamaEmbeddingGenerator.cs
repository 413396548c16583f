using System.Numerics.Tensors;
using LLama;
using LLama.Common;
using LLama.Native;
using Microsoft.Extensions.AI;

namespace SigmaNex.Core.Retrieval.Embeddings;

/// <summary>
/// Embeddings from a GGUF model through llama.cpp. Calls <see cref="LLamaEmbedder.GetEmbeddings"/>
/// directly (LLamaSharp 0.30's own IEmbeddingGenerator path throws), mean-pools per-token vectors when
/// the model returns them, and L2-normalises. Calls are serialised: a llama.cpp context is single-threaded.
/// </summary>
public sealed class LlamaEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    public const string ProviderName = "llama";

    private readonly LLamaWeights _weights;
    private readonly LLamaEmbedder _embedder;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly EmbeddingGeneratorMetadata _metadata;

    public LlamaEmbeddingGenerator(string modelPath, int threads = 0, uint contextSize = 2048)
    {
        if (!File.Exists(modelPath))
        {
            throw SigmaException.Config($"retrieval.embedding_model: the GGUF file {modelPath} does not exist");
        }

        var parameters = new ModelParams(modelPath)
        {
            Embeddings = true,
            PoolingType = LLamaPoolingType.Mean,
            ContextSize = contextSize,
            Threads = threads > 0 ? threads : Environment.ProcessorCount,
        };
        try
        {
            _weights = LLamaWeights.LoadFromFile(parameters);
            _embedder = new LLamaEmbedder(_weights, parameters);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw SigmaException.Config($"retrieval.embedding_model: llama.cpp could not load {modelPath} ({ex.Message})", ex);
        }

        Dimensions = _weights.EmbeddingSize;
        _metadata = new EmbeddingGeneratorMetadata(ProviderName, null, Path.GetFileName(modelPath), Dimensions);
    }

    public int Dimensions { get; }

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var result = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var text in values)
        {
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            IReadOnlyList<float[]> vectors;
            try
            {
                vectors = await _embedder.GetEmbeddings(string.IsNullOrWhiteSpace(text) ? " " : text, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _gate.Release();
            }

            var v = new float[Dimensions];
            foreach (var part in vectors)
            {
                TensorPrimitives.Add(v, part, v);
            }

            var norm = TensorPrimitives.Norm(v);
            if (norm > 0)
            {
                TensorPrimitives.Divide(v, norm, v);
            }

            result.Add(new Embedding<float>(v));
        }

        return result;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
        : serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
        _embedder.Dispose();
        _weights.Dispose();
        _gate.Dispose();
    }
}
