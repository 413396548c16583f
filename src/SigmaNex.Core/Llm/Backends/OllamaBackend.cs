using System.Diagnostics;
using Microsoft.Extensions.AI;
using OllamaSharp;
using OllamaSharp.Models;

namespace SigmaNex.Core.Llm.Backends;

/// <summary>A local Ollama server, through OllamaSharp's <see cref="IChatClient"/>.</summary>
public sealed class OllamaBackend : ChatBackend
{
    public const string DefaultHost = "http://localhost:11434";

    private readonly HttpClient _http;
    private readonly Lazy<OllamaApiClient> _client;

    public OllamaBackend(Uri host, string model)
    {
        Host = host;
        Model = model;
        // Deadlines are enforced by the Runner's tokens, not by HttpClient's own timeout.
        _http = new HttpClient { BaseAddress = host, Timeout = Timeout.InfiniteTimeSpan };
        _client = new Lazy<OllamaApiClient>(() => new OllamaApiClient(_http, model));
    }

    public Uri Host { get; }

    public override string Name => BackendNames.Ollama;

    public override string Model { get; }

    public override IChatClient Client => _client.Value;

    /// <summary>Ollama's address from config, else OLLAMA_HOST ("0.0.0.0:11434" style accepted), else localhost.</summary>
    public static Uri ResolveHost(string? configured, string? environment)
    {
        var raw = configured ?? environment ?? DefaultHost;
        if (!raw.Contains("://", StringComparison.Ordinal))
        {
            raw = "http://" + raw;
        }

        var uri = new Uri(raw);
        if (uri.IsDefaultPort && !raw.Contains(':', StringComparison.Ordinal))
        {
            uri = new UriBuilder(uri) { Port = 11434 }.Uri;
        }

        // A server listening on all interfaces is reached on loopback.
        return uri.Host is "0.0.0.0" or "::" ? new UriBuilder(uri) { Host = "127.0.0.1" }.Uri : uri;
    }

    public override void Configure(ChatOptions options, int contextSize)
    {
        options.AddOllamaOption(OllamaOption.NumCtx, contextSize);
        if (options.MaxOutputTokens is { } max)
        {
            options.AddOllamaOption(OllamaOption.NumPredict, max);
        }
    }

    public override async Task<BackendStatus> ProbeAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        var clock = Stopwatch.StartNew();
        try
        {
            var models = (await _client.Value.ListLocalModelsAsync(cts.Token).ConfigureAwait(false)).Select(m => m.Name).ToList();
            var present = models.Any(m => Matches(m, Model));
            return new BackendStatus
            {
                Backend = Name,
                Model = Model,
                Reachable = true,
                ModelPresent = present,
                LatencyMs = Math.Round(clock.Elapsed.TotalMilliseconds, 1),
                Detail = present
                    ? $"{Host} has {Model}"
                    : $"{Host} is up but has no model '{Model}' (it has: {(models.Count == 0 ? "none" : string.Join(", ", models.Take(8)))})",
                Fix = present ? null : $"ollama pull {Model}",
            };
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            return new BackendStatus
            {
                Backend = Name,
                Model = Model,
                Reachable = false,
                ModelPresent = false,
                Detail = $"not reachable at {Host} ({Describe(ex)})",
                Fix = "start Ollama ('ollama serve'), or set ollama.host / OLLAMA_HOST",
            };
        }
    }

    public override ValueTask DisposeAsync()
    {
        if (_client.IsValueCreated)
        {
            _client.Value.Dispose();
        }

        _http.Dispose();
        return base.DisposeAsync();
    }

    // "mistral" matches "mistral:latest"; "llama3:8b" must match exactly.
    private static bool Matches(string installed, string wanted) =>
        string.Equals(installed, wanted, StringComparison.OrdinalIgnoreCase)
        || (!wanted.Contains(':', StringComparison.Ordinal) && string.Equals(installed, wanted + ":latest", StringComparison.OrdinalIgnoreCase));
}
