using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.Hybrid;
using SigmaNex.Core.Ingestion;
using SigmaNex.Core.Retrieval;
using SigmaNex.Core.Retrieval.Embeddings;
using SigmaNex.Core.Storage;
using SigmaNex.Tests;

namespace SigmaNex.Core.Tests.Retrieval;

/// <summary>The L1 cache of query embeddings and results.</summary>
public sealed class SearchCacheTests
{
    [Fact]
    public async Task SameSearch_IsServedFromTheCache_UntilTheStoreChanges()
    {
        await using var engine = await TestEngine.StartAsync();
        var retriever = engine.Get<Retriever>();
        var request = new SearchRequest { Query = "how to purify water with bleach" };

        var first = await retriever.SearchAsync(request, CancellationToken.None);
        var second = await retriever.SearchAsync(request, CancellationToken.None);

        Assert.DoesNotContain("cached", first.TimingsMs.Keys);
        Assert.Equal(["cached"], second.TimingsMs.Keys);
        Assert.Equal(first.Hits.Select(h => h.DocumentId), second.Hits.Select(h => h.DocumentId));

        var notes = engine.Temp.File("notes.md");
        await File.WriteAllTextAsync(notes, "# Purify water with bleach at our camp\n\nOur camp rule: purify water with two drops of bleach per litre of water, then wait half an hour.\n");
        await engine.Get<Ingestor>().IngestAsync(notes, new IngestOptions(), null, CancellationToken.None);
        var third = await retriever.SearchAsync(request, CancellationToken.None);

        Assert.DoesNotContain("cached", third.TimingsMs.Keys);
        Assert.Contains(third.Hits, h => h.Title.Contains("our camp", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task QueryEmbedding_IsComputedOnce_ForSearchesThatDifferOnlyInOptions()
    {
        await using var engine = await TestEngine.StartAsync();
        var setup = engine.Get<EmbeddingSetup>();
        using var counting = new CountingEmbedder(setup.Generator!);
        var retriever = new Retriever(engine.Get<KnowledgeStore>(), counting, setup.Space) { Cache = engine.Get<HybridCache>() };

        await retriever.SearchAsync(new SearchRequest { Query = "snake bite on the ankle", TopK = 3 }, CancellationToken.None);
        await retriever.SearchAsync(new SearchRequest { Query = "snake bite on the ankle", TopK = 5 }, CancellationToken.None);
        await retriever.SearchAsync(new SearchRequest { Query = "bee sting swelling", TopK = 5 }, CancellationToken.None);

        Assert.Equal(2, counting.Calls);
    }

    private sealed class CountingEmbedder(IEmbeddingGenerator<string, Embedding<float>> inner) : DelegatingEmbeddingGenerator<string, Embedding<float>>(inner)
    {
        public int Calls { get; private set; }

        public override Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            Calls++;
            return base.GenerateAsync(values, options, cancellationToken);
        }
    }
}
