using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SigmaNex.Core.Pipeline;
using SigmaNex.Tests;

namespace SigmaNex.Core.Tests.Llm;

/// <summary>The Runner against a real HTTP server speaking Ollama's and OpenAI's protocols.</summary>
public sealed class BackendFallbackTests : IAsyncLifetime
{
    private readonly ManualTimeProvider _time = new();
    private FakeModelServer _server = null!;
    private TestEngine _engine = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeModelServer.StartAsync();
        _engine = await TestEngine.StartAsync(
            $"""
            backend: auto
            backend_order: [ollama, knowledge]
            temperature: 0.15
            context_window: 2048
            max_tokens: 400
            request_timeout: 2
            ollama:
              host: {_server.BaseUri}
            openai:
              base_url: {_server.OpenAiBaseUri}
              model: mistral
            resilience:
              retries: 2
              circuit_failures: 3
              circuit_open_seconds: 30
              probe_cache_seconds: 0
            """,
            services: s => s.AddSingleton<TimeProvider>(_time));
    }

    public async Task DisposeAsync()
    {
        await _engine.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Ollama_StreamsTokens_AndSendsSystemPromptProtocolsHistoryAndOptions()
    {
        var first = await Ask("How do I purify water by boiling?");
        var (events, result) = await Collect(new AskRequest { Question = "How long must I boil water at high altitude?", ConversationId = first.ConversationId });

        Assert.Equal("ollama", result.Backend);
        Assert.Equal("mistral", result.Model);
        // Released a sentence at a time, after the safety checks; the medical epilogue follows.
        Assert.True(events.OfType<TextEvent>().Count(t => t.Streamed) >= 2);
        Assert.StartsWith(_server.Answer, result.Answer.Trim(), StringComparison.Ordinal);
        var request = _server.ChatRequests.Last();
        var messages = request["messages"]!.AsArray();
        Assert.Equal("system", messages[0]!["role"]!.GetValue<string>());
        Assert.Contains("You are SIGMA-NEX", messages[0]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("How do I purify water by boiling?", messages[1]!["content"]!.GetValue<string>());
        Assert.Equal("assistant", messages[2]!["role"]!.GetValue<string>());
        var last = messages[^1]!["content"]!.GetValue<string>();
        Assert.Contains("[water-boiling.en]", last, StringComparison.Ordinal);
        Assert.Contains("How long must I boil water at high altitude?", last, StringComparison.Ordinal);
        Assert.Equal(0.15, request["options"]!["temperature"]!.GetValue<double>(), 3);
        Assert.Equal(2048, request["options"]!["num_ctx"]!.GetValue<int>());
        Assert.Equal(400, request["options"]!["num_predict"]!.GetValue<int>());
        Assert.True(request["stream"]!.GetValue<bool>());
    }

    [Fact]
    public async Task OpenAiCompatible_StreamsTokensOverSse()
    {
        var (events, result) = await Collect(new AskRequest { Question = "How do I treat a burn?", Backend = "openai" });

        Assert.Equal("openai", result.Backend);
        Assert.True(events.OfType<TextEvent>().Count(t => t.Streamed) >= 2);
        Assert.Contains(_server.Answer, result.Answer, StringComparison.Ordinal);
        var request = _server.ChatRequests.Last();
        Assert.Equal(0.15, request["temperature"]!.GetValue<double>(), 3);
        Assert.Contains("[burns-scalds.en]", request["messages"]!.AsArray()[^1]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerStopped_KnowledgeAnswers_AndSaysWhy()
    {
        await _server.StopAsync();

        var result = await Ask("How do I treat a burn?");

        Assert.Equal("knowledge", result.Backend);
        Assert.Contains("Cool the burn", result.Answer, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(result.Notices, n => n.StartsWith("ollama skipped: not reachable", StringComparison.Ordinal) && n.Contains("connection refused", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ServerHangs_KnowledgeAnswersWithinTheDeadline()
    {
        _server.Mode = FakeMode.Hang;
        var clock = Stopwatch.StartNew();

        var result = await Ask("How do I treat a burn?");

        Assert.Equal("knowledge", result.Backend);
        Assert.InRange(clock.Elapsed.TotalSeconds, 1.5, 6);
        Assert.Contains(result.Notices, n => n.Contains("did not finish in time", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ServerError500_FallsBackWithoutRetrying()
    {
        _server.Mode = FakeMode.ServerError;

        var result = await Ask("How do I treat a burn?");

        Assert.Equal("knowledge", result.Backend);
        Assert.Contains(result.Notices, n => n == "ollama failed (HTTP 500)");
        Assert.Equal(1, _server.ChatCount);
    }

    [Fact]
    public async Task StreamCutMidway_KnowledgeTakesOver_AndTheAnswerIsTheKnowledgeOne()
    {
        _server.Mode = FakeMode.CutStream;
        _server.TokenDelay = TimeSpan.FromMilliseconds(40);

        var (events, result) = await Collect(new AskRequest { Question = "How do I treat a burn?" });

        // The cut came mid-sentence: nothing unchecked reached the reader, the protocols answered.
        Assert.Equal("knowledge", result.Backend);
        Assert.DoesNotContain(events.OfType<TextEvent>(), t => t.Streamed);
        Assert.Contains(result.Notices, n => n.StartsWith("ollama stopped mid-answer", StringComparison.Ordinal));
        Assert.DoesNotContain("Press hard", result.Answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GarbageStream_FallsBack()
    {
        _server.Mode = FakeMode.Garbage;

        var result = await Ask("How do I treat a burn?");

        Assert.Equal("knowledge", result.Backend);
        Assert.Contains(result.Notices, n => n.StartsWith("ollama failed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TransientErrors_AreRetriedBeforeTheFirstToken()
    {
        _server.FailNext = (2, 503);

        var result = await Ask("How do I treat a burn?");

        Assert.Equal("ollama", result.Backend);
        Assert.Equal(3, _server.ChatCount);
    }

    [Fact]
    public async Task ModelNotInstalled_IsSkippedWithThePullCommand()
    {
        _server.Models.Clear();

        var result = await Ask("How do I treat a burn?");

        Assert.Equal("knowledge", result.Backend);
        Assert.Contains(result.Notices, n => n.Contains("has no model 'mistral'", StringComparison.Ordinal) && n.Contains("ollama pull mistral", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Circuit_OpensAfterRepeatedFailures_AndClosesAfterAProbe()
    {
        _server.Mode = FakeMode.ServerError;
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("knowledge", (await Ask("How do I treat a burn?")).Backend);
        }

        var skipped = await Ask("How do I treat a burn?");
        Assert.Contains(skipped.Notices, n => n.StartsWith("ollama skipped: it failed 3 times in a row", StringComparison.Ordinal));
        Assert.Equal(3, _server.ChatCount);

        _server.Mode = FakeMode.Normal;
        _time.Advance(TimeSpan.FromSeconds(31));
        var probe = await Ask("How do I treat a burn?");
        var after = await Ask("How do I treat a burn?");

        Assert.Equal("ollama", probe.Backend);
        Assert.Equal("ollama", after.Backend);
    }

    [Fact]
    public async Task Emergency_CardComesFirst_ThenTheModelsTokens()
    {
        var (events, result) = await Collect(new AskRequest { Question = "my friend is bleeding heavily from the leg" });

        Assert.IsType<EmergencyCardEvent>(events[0]);
        Assert.Equal("ollama", result.Backend);
        Assert.Equal("emergency", result.Strategy);
        var first = events.FindIndex(e => e is TextEvent);
        Assert.True(first > 0);
        var system = _server.ChatRequests.Last()["messages"]!.AsArray()[0]!["content"]!.GetValue<string>();
        Assert.Contains("do not repeat the steps", system, StringComparison.Ordinal);
        Assert.True(_server.ChatRequests.Last()["options"]!["num_predict"]!.GetValue<int>() <= 300);
    }

    [Fact]
    public async Task Cancelling_StopsTheModelRequest_AndDoesNotFallBack()
    {
        // Its own engine with generous time limits: on a loaded machine the shared fixture's 2 s question
        // deadline or the probe's timeout could make the knowledge base answer before the first token.
        await using var engine = await TestEngine.StartAsync(
            $"""
            backend: auto
            backend_order: [ollama, knowledge]
            request_timeout: 60
            ollama:
              host: {_server.BaseUri}
            resilience:
              probe_timeout: 10
            """);
        _server.TokenDelay = TimeSpan.FromMilliseconds(200);
        using var cts = new CancellationTokenSource();
        var tokens = 0;

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var e in engine.Get<Runner>().StreamAsync(new AskRequest { Question = "How do I purify water by boiling?" }, cts.Token))
            {
                if (e is TextEvent { Streamed: true } && ++tokens == 1)
                {
                    await cts.CancelAsync();
                }
            }
        });

        Assert.Equal(1, tokens);
    }

    private async Task<AnswerResult> Ask(string question) => (await Collect(new AskRequest { Question = question })).Result;

    private Task<(List<AnswerEvent> Events, AnswerResult Result)> Collect(AskRequest request) => _engine.CollectAsync(request);
}
