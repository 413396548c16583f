using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using SigmaNex.Core.Configuration;
using SigmaNex.Core.Ingestion;
using SigmaNex.Core.Knowledge;
using SigmaNex.Core.Knowledge.Importers;
using SigmaNex.Core.Language;
using SigmaNex.Core.Pipeline;
using SigmaNex.Core.Retrieval;
using SigmaNex.Core.Retrieval.Embeddings;
using SigmaNex.Core.Storage;
using SigmaNex.Core.Triage;

namespace SigmaNex.Core;

/// <summary>Registers the engine. Everything is created on first use, so commands pay only for what they touch.</summary>
public static class SigmaNexServices
{
    public static IServiceCollection AddSigmaNex(this IServiceCollection services, LoadedConfig config)
    {
        services.AddSingleton(config);
        services.AddSingleton(config.Options);
        services.AddSingleton(config.Paths);
        services.AddSingleton(_ => SqliteDatabase.Open(config.Paths.DatabasePath));
        services.AddSingleton<KnowledgeStore>();
        services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(_ => CreateEmbedder(config.Options.Retrieval));
        services.AddSingleton(sp => SpaceOf(sp.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>()));
        services.AddSingleton(sp => new DocumentIndexer(sp.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>()));
        services.AddSingleton(sp => new Retriever(
            sp.GetRequiredService<KnowledgeStore>(),
            sp.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>(),
            sp.GetRequiredService<VectorSpace>()));
        services.AddSingleton(sp => new KnowledgeBase(
            sp.GetRequiredService<KnowledgeStore>(),
            config.Paths.KnowledgeDirectory,
            sp.GetRequiredService<DocumentIndexer>(),
            sp.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>(),
            sp.GetRequiredService<VectorSpace>()));
        services.AddSingleton<IReadOnlyList<IKnowledgeImporter>>(sp => Importers(sp.GetRequiredService<ILanguageDetector>()));
        services.AddSingleton(sp => new Ingestor(
            sp.GetRequiredService<KnowledgeStore>(),
            sp.GetRequiredService<DocumentIndexer>(),
            sp.GetRequiredService<VectorSpace>(),
            sp.GetRequiredService<IReadOnlyList<IKnowledgeImporter>>()));
        services.AddSingleton(_ => TriageClassifier.Default);
        services.AddSingleton<ILanguageDetector, StopWordLanguageDetector>();
        services.AddSingleton<Runner>();
        return services;
    }

    /// <summary>The importers in detection order: the most specific formats first.</summary>
    public static IReadOnlyList<IKnowledgeImporter> Importers(ILanguageDetector? languages = null)
    {
        var detector = languages ?? new StopWordLanguageDetector();
        return
        [
            new FrameworkImporter(),
            new ProtocolFileImporter(),
            new MedQuadImporter(),
            new JsonLinesImporter(detector),
            new HtmlImporter(detector),
            new MarkdownImporter(detector),
            new PlainTextImporter(detector),
        ];
    }

    public static IEmbeddingGenerator<string, Embedding<float>> CreateEmbedder(RetrievalOptions options) => options.Embedder switch
    {
        "builtin" => new BuiltinEmbeddingGenerator(),
        var other => throw SigmaException.Config($"retrieval.embedder '{other}' is not available"),
    };

    public static VectorSpace SpaceOf(IEmbeddingGenerator<string, Embedding<float>> embedder)
    {
        var meta = embedder.GetService<EmbeddingGeneratorMetadata>();
        return new VectorSpace(
            meta?.ProviderName ?? "unknown",
            meta?.DefaultModelId ?? "unknown",
            meta?.DefaultModelDimensions ?? throw SigmaException.Config("the embedder does not report its dimensions"));
    }
}
