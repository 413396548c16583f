using System.Diagnostics;
using System.Text.Json;
using SigmaNex.Tests;

namespace SigmaNex.Cli.Tests;

/// <summary>The acceptance of the model backends, through the real CLI and a loopback Ollama server.</summary>
public sealed class BackendCommandTests : IAsyncLifetime
{
    private readonly CliHarness _cli = new("backend");
    private FakeModelServer _server = null!;
    private string _config = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeModelServer.StartAsync();
        _config = _cli.Temp.Write("config.yaml", $"request_timeout: 2\nollama:\n  host: {_server.BaseUri}\nresilience:\n  probe_timeout: 1\n");
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _cli.Dispose();
    }

    [Fact]
    public async Task Ask_BackendOllama_StreamsItsTokens_AndJsonSaysOllama()
    {
        _server.Answer = "Boil the water for one full minute [water-boiling.en].";

        var human = await _cli.RunAsync("--config", _config, "ask", "--backend", "ollama", "How do I purify water by boiling?");
        var json = await _cli.RunAsync("--config", _config, "ask", "--backend", "ollama", "--json", "How do I purify water by boiling?");

        Assert.True(human.ExitCode == 0, human.ToString());
        Assert.Contains("Boil the water for one full minute [water-boiling.en].", human.Out, StringComparison.Ordinal);
        Assert.Contains("Sources (ollama: mistral)", human.Out, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(json.Out);
        Assert.Equal("ollama", doc.RootElement.GetProperty("backend").GetString());
        Assert.Equal("mistral", doc.RootElement.GetProperty("model").GetString());
        Assert.Equal("water-boiling.en", doc.RootElement.GetProperty("sources")[0].GetProperty("id").GetString());
    }

    [Theory]
    [InlineData(FakeMode.ServerError, "ollama failed (HTTP 500)")]
    [InlineData(FakeMode.Hang, "ollama failed (it did not finish in time)")]
    [InlineData(FakeMode.CutStream, "ollama stopped mid-answer")]
    [InlineData(FakeMode.Garbage, "ollama failed")]
    public async Task Ask_BrokenServer_AnswersFromKnowledgeWithinTheDeadline_AndSaysWhy(FakeMode mode, string reason)
    {
        _server.Mode = mode;
        _server.TokenDelay = TimeSpan.FromMilliseconds(30);
        var clock = Stopwatch.StartNew();

        var r = await _cli.RunAsync("--config", _config, "ask", "--json", "--backend", "ollama", "How do I purify water by boiling?");

        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(8), $"took {clock.Elapsed}");
        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal("knowledge", doc.RootElement.GetProperty("backend").GetString());
        Assert.Contains(doc.RootElement.GetProperty("notices").EnumerateArray(), n => n.GetString()!.StartsWith(reason, StringComparison.Ordinal));
        Assert.Contains(reason, r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_ServerStopped_AnswersFromKnowledge()
    {
        await _server.StopAsync();

        var r = await _cli.RunAsync("--config", _config, "ask", "How do I purify water by boiling?");

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Making water safe by boiling", r.Out, StringComparison.Ordinal);
        Assert.Contains("ollama skipped: not reachable", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_ModelGguf_UsesTheEmbeddedBackend()
    {
        var model = _cli.Temp.File("tiny.gguf");
        TinyGguf.Write(model);
        var config = _cli.Temp.Write("llama.yaml", "context_window: 8192\nmax_tokens: 8\nretrieval:\n  top_k: 1\n");

        var r = await _cli.RunAsync("--config", config, "ask", "--json", "--model", model, "How do I purify water by boiling?");

        Assert.True(r.ExitCode == 0, r.ToString());
        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal("llama", doc.RootElement.GetProperty("backend").GetString());
        Assert.Equal("tiny.gguf", doc.RootElement.GetProperty("model").GetString());
    }

    [Theory]
    [InlineData(new[] { "ask", "--backend", "gpt5", "hi" }, "--backend must be one of")]
    [InlineData(new[] { "ask", "--model", "missing.gguf", "hi" }, "--model: no such file")]
    public async Task Ask_BadBackendFlags_ExitTwo(string[] args, string expected)
    {
        var r = await _cli.RunAsync(args);

        Assert.Equal(2, r.ExitCode);
        Assert.Contains(expected, r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_ListShowExportDelete_AndStartResume()
    {
        var first = await _cli.RunAsync("--config", _config, "ask", "--json", "How do I purify water by boiling?");
        var id = JsonDocument.Parse(first.Out).RootElement.GetProperty("conversation_id").GetString()!;

        var resumed = await _cli.RunWithInputAsync("How long must I boil water at high altitude?\n/history\n/exit\n", "--config", _config, "start", "--resume", id);
        var list = await _cli.RunAsync("history", "list", "--json");
        var show = await _cli.RunAsync("history", "show", id);
        var export = await _cli.RunAsync("history", "export", id, "--format", "json");
        var delete = await _cli.RunAsync("history", "delete", id);
        var missing = await _cli.RunAsync("history", "show", id);

        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.Contains("Resuming", resumed.Out, StringComparison.Ordinal);
        Assert.Contains("2. How long must I boil water at high altitude?", resumed.Out, StringComparison.Ordinal);
        var conversation = JsonDocument.Parse(list.Out).RootElement.EnumerateArray().Single(c => c.GetProperty("id").GetString() == id);
        Assert.Equal(2, conversation.GetProperty("turns").GetInt32());
        Assert.Contains("## How do I purify water by boiling?", show.Out, StringComparison.Ordinal);
        Assert.Equal(2, JsonDocument.Parse(export.Out).RootElement.GetProperty("turns").GetArrayLength());
        Assert.Contains("Deleted 1 conversation(s).", delete.Out, StringComparison.Ordinal);
        Assert.Equal(2, missing.ExitCode);
        // The model was given the first exchange as history when the session resumed.
        var messages = _server.ChatRequests.Last()["messages"]!.AsArray();
        Assert.Equal("How do I purify water by boiling?", messages[1]!["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task SelfCheck_ListsBackendsWithReachabilityModelAndLatency()
    {
        var ok = await _cli.RunAsync("--config", _config, "self-check", "--json");
        _server.Models.Clear();
        var missing = await _cli.RunAsync("--config", _config, "self-check");

        Assert.Equal(0, ok.ExitCode);
        var ollama = JsonDocument.Parse(ok.Out).RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "backend ollama");
        Assert.Equal("ok", ollama.GetProperty("status").GetString());
        Assert.Matches(@"reachable: yes, model mistral: present, \d+ ms", ollama.GetProperty("detail").GetString());
        Assert.Contains("model mistral: missing", missing.Out, StringComparison.Ordinal);
        Assert.Contains("ollama pull mistral", missing.Out, StringComparison.Ordinal);
    }
}
