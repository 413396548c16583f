using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SigmaNex.Tests;

/// <summary>How the fake server misbehaves, switchable between requests.</summary>
public enum FakeMode
{
    Normal,
    /// <summary>HTTP 500 on chat.</summary>
    ServerError,
    /// <summary>Accepts the chat request and never answers.</summary>
    Hang,
    /// <summary>Sends a few tokens, then drops the connection.</summary>
    CutStream,
    /// <summary>Sends lines that are not JSON.</summary>
    Garbage,
}

/// <summary>
/// A loopback HTTP server speaking Ollama's API (/api/tags, /api/chat streaming NDJSON and not,
/// /api/embed, /api/show, /api/version) and OpenAI's chat-completions protocol (/v1/models,
/// /v1/chat/completions with SSE), with switches for latency, errors, hanging, cut streams and garbage.
/// It records every request body so tests can check what SIGMA-NEX sent.
/// </summary>
public sealed class FakeModelServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeModelServer(WebApplication app) => _app = app;

    public Uri BaseUri { get; private set; } = null!;

    public Uri OpenAiBaseUri => new(BaseUri, "/v1");

    public FakeMode Mode { get; set; }

    /// <summary>Delay before the first token (or before the error).</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Delay between streamed tokens.</summary>
    public TimeSpan TokenDelay { get; set; }

    /// <summary>Fail the next N chat requests with this status, then behave normally.</summary>
    public (int Count, int Status) FailNext { get; set; }

    public List<string> Models { get; } = ["mistral:latest", "nomic-embed-text:latest"];

    /// <summary>The answer streamed back, one token per word (with its following space).</summary>
    public string Answer { get; set; } = "Press hard on the wound with a clean cloth [severe-bleeding.en]. Keep pressing until help arrives.";

    public ConcurrentQueue<JsonNode> ChatRequests { get; } = new();

    public int ChatCount => ChatRequests.Count;

    /// <summary>How long the last chat request took inside the server (the "model's own time" of a benchmark).</summary>
    public TimeSpan LastChatTime { get; private set; }

    public static async Task<FakeModelServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeModelServer(app);
        server.Map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUri = new Uri(address);
        return server;
    }

    public async Task StopAsync() => await _app.StopAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private void Map(WebApplication app)
    {
        app.MapGet("/api/version", () => Results.Json(new { version = "0.9.0" }));
        app.MapGet("/api/tags", () => Results.Json(new
        {
            models = Models.Select(m => new
            {
                name = m,
                model = m,
                modified_at = "2026-11-01T10:00:00Z",
                size = 4_100_000_000L,
                digest = "0123456789abcdef",
                details = new { format = "gguf", family = "llama", parameter_size = "7B", quantization_level = "Q4_0" },
            }),
        }));
        app.MapPost("/api/show", () => Results.Json(new
        {
            modelfile = "FROM mistral",
            parameters = "stop \"[INST]\"",
            template = "{{ .Prompt }}",
            details = new { format = "gguf", family = "llama", parameter_size = "7B", quantization_level = "Q4_0" },
            model_info = new Dictionary<string, object> { ["general.architecture"] = "llama", ["llama.context_length"] = 32768 },
        }));
        app.MapPost("/api/embed", async (HttpContext http) =>
        {
            var body = await JsonNode.ParseAsync(http.Request.Body);
            var inputs = body?["input"] is JsonArray a ? a.Select(x => x!.GetValue<string>()).ToList() : [body?["input"]?.GetValue<string>() ?? string.Empty];
            return Results.Json(new { model = body?["model"]?.GetValue<string>(), embeddings = inputs.Select(Embed).ToList() });
        });
        app.MapPost("/api/chat", async (HttpContext http) => await ChatAsync(http, openAi: false));
        app.MapGet("/v1/models", () => Results.Json(new { @object = "list", data = Models.Select(m => new { id = m.Replace(":latest", string.Empty, StringComparison.Ordinal), @object = "model" }) }));
        app.MapPost("/v1/chat/completions", async (HttpContext http) => await ChatAsync(http, openAi: true));
    }

    private async Task ChatAsync(HttpContext http, bool openAi)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            await ChatCoreAsync(http, openAi);
        }
        finally
        {
            LastChatTime = clock.Elapsed;
        }
    }

    private async Task ChatCoreAsync(HttpContext http, bool openAi)
    {
        var body = await JsonNode.ParseAsync(http.Request.Body) ?? new JsonObject();
        ChatRequests.Enqueue(body);
        var ct = http.RequestAborted;
        await Task.Delay(Latency, ct);
        if (FailNext.Count > 0)
        {
            FailNext = (FailNext.Count - 1, FailNext.Status);
            http.Response.StatusCode = FailNext.Status;
            await http.Response.WriteAsync("{\"error\":\"busy\"}", ct);
            return;
        }

        switch (Mode)
        {
            case FakeMode.ServerError:
                http.Response.StatusCode = 500;
                await http.Response.WriteAsync("{\"error\":\"model crashed\"}", ct);
                return;
            case FakeMode.Hang:
                await Task.Delay(Timeout.Infinite, ct);
                return;
        }

        var stream = body["stream"]?.GetValue<bool>() ?? !openAi;
        var model = body["model"]?.GetValue<string>() ?? "mistral";
        var tokens = Tokens(Answer);
        if (!stream)
        {
            http.Response.ContentType = "application/json";
            var full = openAi
                ? new JsonObject
                {
                    ["id"] = "chatcmpl-1", ["object"] = "chat.completion", ["created"] = 1_764_000_000, ["model"] = model,
                    ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = Answer }, ["finish_reason"] = "stop" }),
                    ["usage"] = new JsonObject { ["prompt_tokens"] = 10, ["completion_tokens"] = tokens.Count, ["total_tokens"] = 10 + tokens.Count },
                }
                : OllamaChunk(model, Answer, done: true);
            await http.Response.WriteAsync(full.ToJsonString(), ct);
            return;
        }

        http.Response.ContentType = openAi ? "text/event-stream" : "application/x-ndjson";
        for (var i = 0; i < tokens.Count; i++)
        {
            if (Mode == FakeMode.Garbage)
            {
                await http.Response.WriteAsync("<html>this is not json\n", ct);
                await http.Response.Body.FlushAsync(ct);
                return;
            }

            if (Mode == FakeMode.CutStream && i == Math.Min(3, tokens.Count - 1))
            {
                http.Abort();
                return;
            }

            var line = openAi
                ? "data: " + OpenAiChunk(model, tokens[i], finish: null).ToJsonString() + "\n\n"
                : OllamaChunk(model, tokens[i], done: false).ToJsonString() + "\n";
            await http.Response.WriteAsync(line, ct);
            await http.Response.Body.FlushAsync(ct);
            if (TokenDelay > TimeSpan.Zero)
            {
                await Task.Delay(TokenDelay, ct);
            }
        }

        var end = openAi
            ? "data: " + OpenAiChunk(model, string.Empty, finish: "stop").ToJsonString() + "\n\ndata: [DONE]\n\n"
            : OllamaChunk(model, string.Empty, done: true).ToJsonString() + "\n";
        await http.Response.WriteAsync(end, ct);
    }

    private static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i == text.Length || (text[i - 1] == ' ' && text[i] != ' '))
            {
                tokens.Add(text[start..i]);
                start = i;
            }
        }

        return tokens;
    }

    private static JsonObject OllamaChunk(string model, string content, bool done)
    {
        var o = new JsonObject
        {
            ["model"] = model,
            ["created_at"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content },
            ["done"] = done,
        };
        if (done)
        {
            o["done_reason"] = "stop";
            o["total_duration"] = 1_000_000;
            o["load_duration"] = 1_000;
            o["prompt_eval_count"] = 10;
            o["prompt_eval_duration"] = 1_000;
            o["eval_count"] = 20;
            o["eval_duration"] = 1_000;
        }

        return o;
    }

    private static JsonObject OpenAiChunk(string model, string content, string? finish) => new()
    {
        ["id"] = "chatcmpl-1",
        ["object"] = "chat.completion.chunk",
        ["created"] = 1_764_000_000,
        ["model"] = model,
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["delta"] = finish is null ? new JsonObject { ["content"] = content } : new JsonObject(),
            ["finish_reason"] = finish,
        }),
    };

    /// <summary>A deterministic 16-dimension unit vector from a text's character trigrams.</summary>
    public static float[] Embed(string text)
    {
        var v = new float[16];
        var t = $"  {text.ToLowerInvariant()}  ";
        for (var i = 0; i + 3 <= t.Length; i++)
        {
            var h = (uint)(t[i] * 31 * 31 + t[i + 1] * 31 + t[i + 2]);
            v[h % 16] += (h & 0x100) == 0 ? 1 : -1;
        }

        var norm = MathF.Sqrt(v.Sum(x => x * x));
        return norm == 0 ? v : v.Select(x => x / norm).ToArray();
    }
}
