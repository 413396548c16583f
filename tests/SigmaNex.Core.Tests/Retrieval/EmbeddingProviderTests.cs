using System.Text.Json;
using Microsoft.Extensions.AI;
using SigmaNex.Core;
using SigmaNex.Core.Configuration;
using SigmaNex.Core.Knowledge;
using SigmaNex.Core.Retrieval;
using SigmaNex.Core.Retrieval.Embeddings;
using SigmaNex.Core.Storage;
using SigmaNex.Tests;

namespace SigmaNex.Core.Tests.Retrieval;

/// <summary>Each embedding provider on a real (tiny) model: ONNX with both tokenizers, llama.cpp, Ollama.</summary>
public sealed class EmbeddingProviderTests
{
    private static readonly string s_models = Path.Combine(RepoPaths.Root, "tests", "models");
    private static readonly JsonElement s_expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(s_models, "expected.json"))).RootElement;

    [Theory]
    [InlineData("wordpiece", "embedding_wordpiece")]
    [InlineData("sentencepiece", "embedding_sentencepiece")]
    public async Task Onnx_TokenizesAndPoolsExactlyAsTheReference(string folder, string key)
    {
        using var embedder = new OnnxEmbeddingGenerator(Path.Combine(s_models, "embedding", folder));
        var expected = s_expected.GetProperty(key);
        var text = expected.GetProperty("text").GetString()!;

        var ids = embedder.Tokenize(text);
        var vector = (await embedder.GenerateAsync([text]))[0].Vector.ToArray();

        Assert.True(expected.GetProperty("ids").EnumerateArray().Select(e => e.GetInt32()).SequenceEqual(ids), string.Join(",", ids));
        Assert.Equal(32, embedder.Dimensions);
        var reference = expected.GetProperty("vector").EnumerateArray().Select(e => e.GetSingle()).ToArray();
        for (var i = 0; i < reference.Length; i++)
        {
            Assert.InRange(vector[i], reference[i] - 1e-4f, reference[i] + 1e-4f);
        }
    }

    [Fact]
    public async Task Onnx_BatchesGiveTheSameVectorsAsSingles()
    {
        using var embedder = new OnnxEmbeddingGenerator(Path.Combine(s_models, "embedding", "wordpiece"));
        string[] texts = ["stop the bleeding", "boil the water for one minute before you drink it", "burn"];

        var batch = await embedder.GenerateAsync(texts);

        for (var i = 0; i < texts.Length; i++)
        {
            var single = (await embedder.GenerateAsync([texts[i]]))[0].Vector.ToArray();
            Assert.Equal(single, batch[i].Vector.ToArray(), (a, b) => Math.Abs(a - b) < 1e-5f);
        }
    }

    [Fact]
    public void Onnx_FolderWithoutModelOrTokenizer_NamesWhatIsMissing()
    {
        using var temp = new TempDirectory("onnx");
        var noModel = Assert.Throws<SigmaException>(() => new OnnxEmbeddingGenerator(temp.Path));
        File.Copy(Path.Combine(s_models, "embedding", "wordpiece", "model.onnx"), temp.File("model.onnx"));
        var noTokenizer = Assert.Throws<SigmaException>(() => new OnnxEmbeddingGenerator(temp.Path));
        File.Copy(Path.Combine(s_models, "embedding", "wordpiece", "vocab.txt"), temp.File("vocab.txt"));
        File.WriteAllBytes(temp.File("model.onnx"), [1, 2, 3]);
        var corrupt = Assert.Throws<SigmaException>(() => new OnnxEmbeddingGenerator(temp.Path));

        Assert.Contains("model.onnx is missing", noModel.Message, StringComparison.Ordinal);
        Assert.Contains("no tokenizer", noTokenizer.Message, StringComparison.Ordinal);
        Assert.Contains("model.onnx is not a valid ONNX model", corrupt.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Llama_EmbedsThroughLlamaEmbedder()
    {
        using var temp = new TempDirectory("gguf");
        TinyGguf.Write(temp.File("tiny.gguf"));
        using var embedder = new LlamaEmbeddingGenerator(temp.File("tiny.gguf"), threads: 2, contextSize: 256);

        var v = await embedder.GenerateAsync(["stop the bleeding", "stop the bleeding", "boil water"]);

        Assert.Equal(TinyGguf.EmbeddingLength, v[0].Vector.Length);
        Assert.Equal(v[0].Vector.ToArray(), v[1].Vector.ToArray());
        Assert.InRange(System.Numerics.Tensors.TensorPrimitives.Norm(v[2].Vector.Span), 0.999f, 1.001f);
    }

    [Fact]
    public async Task Ollama_EmbedsThroughTheServer_AndIsKeywordOnlyWhenItIsDown()
    {
        await using var server = await FakeModelServer.StartAsync();
        var options = new SigmaOptions { Ollama = new OllamaOptions { Host = server.BaseUri.ToString() }, Retrieval = new RetrievalOptions { Embedder = "ollama" } };
        var env = new SigmaEnvironment { Variables = new Dictionary<string, string>(), CurrentDirectory = "/", HomeDirectory = "/tmp", BaseDirectory = "/tmp" };
        var paths = new SigmaPaths { DataDirectory = "/tmp/none", KnowledgeDirectory = "/tmp/none" };

        using var up = EmbeddingSetup.Create(options, paths, env);
        var vector = (await up.Generator!.GenerateAsync(["stop"]))[0].Vector.ToArray();
        await server.StopAsync();
        using var down = EmbeddingSetup.Create(options, paths, env);

        Assert.Equal(new VectorSpace("ollama", "nomic-embed-text", 16), up.Space);
        Assert.Equal(FakeModelServer.Embed("stop"), vector);
        Assert.Null(down.Space);
        Assert.Contains("searching with keywords only", down.Problem, StringComparison.Ordinal);
        Assert.Contains("ollama pull nomic-embed-text", down.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangingTheEmbedder_RebuildsEveryVectorWithProgress_AndSearchStillWorks()
    {
        string folder;
        await using (var builtin = await TestEngine.StartAsync())
        {
            folder = builtin.Config.Paths.DataDirectory;
            Assert.Equal("builtin", builtin.Get<KnowledgeStore>().GetVectorSpace()!.Provider);
        }

        var onnx = Path.Combine(s_models, "embedding", "wordpiece");
        await using var engine = await TestEngine.StartAsync($"retrieval:\n  embedder: onnx\n  embedding_model: {onnx}\n");
        var store = engine.Get<KnowledgeStore>();

        Assert.Equal("onnx", store.GetVectorSpace()!.Provider);
        Assert.Equal(32, store.GetVectorSpace()!.Dimension);
        var stats = store.GetStats();
        Assert.Equal(stats.Chunks, stats.Vectors);

        // And a second switch, watched: progress is reported up to the number of chunks.
        var updates = new List<SigmaNex.Core.Ingestion.ProgressUpdate>();
        var kb = engine.Get<KnowledgeBase>();
        await kb.RebuildVectorsAsync(new SyncProgress(updates.Add), CancellationToken.None);
        Assert.Contains(updates, u => u.Stage == "vectors" && u.Done == stats.Chunks && u.Total == stats.Chunks);
        var hits = await engine.Get<Retriever>().SearchAsync(new SearchRequest { Query = "stop the bleeding" }, CancellationToken.None);
        Assert.NotEmpty(hits.Hits);
        Assert.True(folder.Length > 0);
    }

    private sealed class SyncProgress(Action<SigmaNex.Core.Ingestion.ProgressUpdate> report) : IProgress<SigmaNex.Core.Ingestion.ProgressUpdate>
    {
        public void Report(SigmaNex.Core.Ingestion.ProgressUpdate value) => report(value);
    }
}
