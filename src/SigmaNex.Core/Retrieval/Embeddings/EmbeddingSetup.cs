using Microsoft.Extensions.AI;
using OllamaSharp;
using SigmaNex.Core.Configuration;
using SigmaNex.Core.Llm.Backends;
using SigmaNex.Core.Storage;

namespace SigmaNex.Core.Retrieval.Embeddings;

/// <summary>
/// The configured embedder and the vector space it produces. A local model that cannot be loaded is a
/// configuration error; an Ollama server that does not answer is not: search then runs on keywords alone,
/// and <see cref="Problem"/> says why.
/// </summary>
public sealed class EmbeddingSetup : IDisposable
{
    public const string DefaultOllamaModel = "nomic-embed-text";

    private EmbeddingSetup(IEmbeddingGenerator<string, Embedding<float>>? generator, VectorSpace? space, string? problem)
    {
        Generator = generator;
        Space = space;
        Problem = problem;
    }

    public IEmbeddingGenerator<string, Embedding<float>>? Generator { get; }

    public VectorSpace? Space { get; }

    /// <summary>Why vectors are unavailable, when they are.</summary>
    public string? Problem { get; }

    public static EmbeddingSetup Create(SigmaOptions options, SigmaPaths paths, SigmaEnvironment environment)
    {
        var r = options.Retrieval;
        switch (r.Embedder)
        {
            case "builtin":
                return From(new BuiltinEmbeddingGenerator());
            case "onnx":
                var folder = r.EmbeddingModel ?? Path.Combine(paths.ModelsDirectory, "embedding");
                return From(new OnnxEmbeddingGenerator(folder));
            case "llama":
                var file = r.EmbeddingModel ?? LlamaBackend.ResolveModel(options.Llama.ModelPath, paths.ModelsDirectory)
                    ?? throw SigmaException.Config($"retrieval.embedding_model: no GGUF file given and none in {paths.ModelsDirectory}");
                return From(new LlamaEmbeddingGenerator(Path.GetFullPath(file), options.Llama.Threads));
            case "ollama":
                return Ollama(options, environment);
            default:
                throw SigmaException.Config($"retrieval.embedder '{r.Embedder}' is not available");
        }
    }

    public void Dispose() => Generator?.Dispose();

    private static EmbeddingSetup From(IEmbeddingGenerator<string, Embedding<float>> generator)
    {
        var meta = generator.GetService<EmbeddingGeneratorMetadata>();
        var space = new VectorSpace(
            meta?.ProviderName ?? "unknown",
            meta?.DefaultModelId ?? "unknown",
            meta?.DefaultModelDimensions ?? throw SigmaException.Config("the embedder does not report its dimensions"));
        return new EmbeddingSetup(generator, space, null);
    }

    private static EmbeddingSetup Ollama(SigmaOptions options, SigmaEnvironment environment)
    {
        var host = OllamaBackend.ResolveHost(options.Ollama.Host, environment.Get("OLLAMA_HOST"));
        var model = options.Retrieval.EmbeddingModel ?? DefaultOllamaModel;
        var client = new OllamaApiClient(new HttpClient { BaseAddress = host, Timeout = TimeSpan.FromSeconds(options.Resilience.ProbeTimeout * 5) }, model);
        try
        {
            // The dimension is only known by asking.
            using var probe = new CancellationTokenSource(TimeSpan.FromSeconds(Math.Max(5, options.Resilience.ProbeTimeout * 5)));
            IEmbeddingGenerator<string, Embedding<float>> generator = client;
            var dims = generator.GenerateAsync(["dimension probe"], cancellationToken: probe.Token).GetAwaiter().GetResult()[0].Vector.Length;
            return new EmbeddingSetup(generator, new VectorSpace("ollama", model, dims), null);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or OperationCanceledException or System.Text.Json.JsonException)
        {
            client.Dispose();
            return new EmbeddingSetup(null, null,
                $"the embedding model '{model}' on Ollama at {host} is not available ({ex.Message.Split('\n')[0]}); searching with keywords only (fix: ollama pull {model})");
        }
    }
}
