using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using SigmaNex.Core.Configuration;
using SigmaNex.Core.Context;
using SigmaNex.Core.Llm;
using SigmaNex.Core.Ingestion;
using SigmaNex.Core.Knowledge;
using SigmaNex.Core.Knowledge.Importers;
using SigmaNex.Core.Language;
using SigmaNex.Core.Pipeline;
using SigmaNex.Core.Retrieval;
using SigmaNex.Core.Retrieval.Embeddings;
using SigmaNex.Core.Storage;
using SigmaNex.Core.Translation;
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
        services.AddHybridCache(o => o.MaximumPayloadBytes = 4 * 1024 * 1024);
        services.AddSingleton(_ => EmbeddingSetup.Create(config.Options, config.Paths, config.Environment));
        services.AddSingleton(sp => new DocumentIndexer(sp.GetRequiredService<EmbeddingSetup>().Generator));
        services.AddSingleton(sp => new Retriever(
            sp.GetRequiredService<KnowledgeStore>(),
            sp.GetRequiredService<EmbeddingSetup>().Generator,
            sp.GetRequiredService<EmbeddingSetup>().Space)
        {
            Cache = config.Options.Retrieval.Cache ? sp.GetRequiredService<HybridCache>() : null,
            Indexes = new IndexSettings(
                config.Options.Retrieval.AnnThreshold, config.Options.Retrieval.AnnProbes,
                config.Options.Retrieval.KeywordIndexThreshold, config.Paths.IndexDirectory)
            {
                AnnIndex = config.Options.Retrieval.AnnIndex,
                AnnWeight = config.Options.Retrieval.AnnWeight,
                AnnDepth = config.Options.Retrieval.AnnDepth,
            },
        });
        services.AddSingleton(sp => new KnowledgeBase(
            sp.GetRequiredService<KnowledgeStore>(),
            config.Paths.KnowledgeDirectory,
            sp.GetRequiredService<DocumentIndexer>(),
            sp.GetRequiredService<EmbeddingSetup>()));
        services.AddSingleton<IReadOnlyList<IKnowledgeImporter>>(sp => Importers(sp.GetRequiredService<ILanguageDetector>()));
        services.AddSingleton(sp => new Ingestor(
            sp.GetRequiredService<KnowledgeStore>(),
            sp.GetRequiredService<DocumentIndexer>(),
            sp.GetRequiredService<EmbeddingSetup>().Space,
            sp.GetRequiredService<IReadOnlyList<IKnowledgeImporter>>()));
        services.AddSingleton(_ => TriageClassifier.Default);
        services.AddSingleton<ILanguageDetector, NgramLanguageDetector>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ConversationStore>();
        services.AddSingleton(_ => new PromptTemplates(config.Options.PromptsDir, config.Options.SystemPrompt));
        services.AddSingleton<ContextBuilder>();
        services.AddSingleton(sp => new BackendCatalog(config.Options, config.Paths, config.Environment, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new AnswerGenerator(
            sp.GetRequiredService<BackendCatalog>(), config.Options.Resilience, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<Runner>();
        AddTranslation(services, config);
        return services;
    }

    /// <summary>Translation: the Marian models under models/marian, the chat backends as a fallback, one cache.</summary>
    private static void AddTranslation(IServiceCollection services, LoadedConfig config)
    {
        services.AddHybridCache();
        services.AddSingleton(_ => MarianModelCatalog.ForModels(config.Paths.ModelsDirectory));
        services.AddSingleton(_ => TermProtector.Default);
        services.AddSingleton<ITranslationChatProvider>(sp => new BackendTranslationChatProvider(sp.GetRequiredService<BackendCatalog>(), config.Options));
        services.AddSingleton(sp => new TranslationService(
            sp.GetRequiredService<MarianModelCatalog>(),
            sp.GetRequiredService<TermProtector>(),
            sp.GetRequiredService<Microsoft.Extensions.Caching.Hybrid.HybridCache>(),
            sp.GetRequiredService<ITranslationChatProvider>()));
    }

    /// <summary>The importers in detection order: the most specific formats first.</summary>
    public static IReadOnlyList<IKnowledgeImporter> Importers(ILanguageDetector? languages = null)
    {
        var detector = languages ?? new NgramLanguageDetector();
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
}
