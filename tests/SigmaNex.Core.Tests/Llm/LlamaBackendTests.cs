using SigmaNex.Core.Pipeline;
using SigmaNex.Tests;

namespace SigmaNex.Core.Tests.Llm;

/// <summary>The embedded llama.cpp backend on a tiny GGUF model written by the test.</summary>
public sealed class LlamaBackendTests
{
    [Fact]
    public async Task Llama_GeneratesFromTheTestModel_ThroughTheRunner()
    {
        using var models = new TempDirectory("gguf");
        var path = models.File("tiny.gguf");
        TinyGguf.Write(path);
        await using var engine = await TestEngine.StartAsync($"backend: llama\nmax_tokens: 12\ncontext_window: 8192\nretrieval:\n  top_k: 1\nllama:\n  model_path: {path}\n  threads: 2\n");

        var result = await engine.Get<Runner>().AskAsync(new AskRequest { Question = "How do I treat a burn?" }, CancellationToken.None);

        Assert.True(result.Backend == "llama", string.Join(" / ", result.Notices));
        Assert.Equal("tiny.gguf", result.Model);
        Assert.False(string.IsNullOrWhiteSpace(result.Answer));
    }

    [Fact]
    public async Task Llama_NotAGgufFile_IsSkippedWithAClearReason()
    {
        using var models = new TempDirectory("gguf");
        var path = models.Write("fake.gguf", "this is not a model");
        await using var engine = await TestEngine.StartAsync($"backend: llama\nllama:\n  model_path: {path}\n");

        var result = await engine.Get<Runner>().AskAsync(new AskRequest { Question = "How do I treat a burn?" }, CancellationToken.None);

        Assert.Equal("knowledge", result.Backend);
        Assert.Contains(result.Notices, n => n.Contains("is not a GGUF file", StringComparison.Ordinal));
    }
}
