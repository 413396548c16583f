using System.ClientModel;
using System.ClientModel.Primitives;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.AI;
using OpenAI;

namespace SigmaNex.Core.Llm.Backends;

/// <summary>
/// Any server speaking OpenAI's chat-completions protocol (llama.cpp server, LM Studio, vLLM, LocalAI),
/// through the OpenAI SDK and Microsoft.Extensions.AI's adapter.
/// </summary>
public sealed class OpenAiBackend : ChatBackend
{
    private readonly HttpClient _http;
    private readonly string? _apiKey;
    private readonly Lazy<IChatClient> _client;

    public OpenAiBackend(Uri baseUrl, string model, string? apiKey)
    {
        BaseUrl = baseUrl;
        Model = model;
        _apiKey = apiKey;
        _http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        _client = new Lazy<IChatClient>(() =>
        {
            var options = new OpenAIClientOptions
            {
                Endpoint = baseUrl,
                Transport = new HttpClientPipelineTransport(_http),
                // Retries and deadlines are the Runner's job: one attempt here.
                RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
                NetworkTimeout = Timeout.InfiniteTimeSpan,
            };
            return new OpenAIClient(new ApiKeyCredential(apiKey ?? "no-key"), options).GetChatClient(model).AsIChatClient();
        });
    }

    public Uri BaseUrl { get; }

    public override string Name => BackendNames.OpenAi;

    public override string Model { get; }

    public override IChatClient Client => _client.Value;

    public override async Task<BackendStatus> ProbeAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        var clock = Stopwatch.StartNew();
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(BaseUrl.AbsoluteUri.TrimEnd('/') + "/models"));
            if (_apiKey is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _apiKey);
            }

            using var response = await _http.SendAsync(request, cts.Token).ConfigureAwait(false);
            var latency = Math.Round(clock.Elapsed.TotalMilliseconds, 1);
            if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
            {
                // Some servers do not list models; being up is all we can tell.
                return Status(reachable: true, present: true, latency, $"{BaseUrl} is up (it does not list models)");
            }

            if (response.StatusCode is System.Net.HttpStatusCode.Unauthorized or System.Net.HttpStatusCode.Forbidden)
            {
                return Status(reachable: true, present: false, latency, $"{BaseUrl} refused the API key (HTTP {(int)response.StatusCode})", "set openai.api_key or OPENAI_API_KEY");
            }

            response.EnsureSuccessStatusCode();
            using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cts.Token).ConfigureAwait(false));
            var ids = doc.RootElement.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array
                ? data.EnumerateArray().Select(m => m.TryGetProperty("id", out var id) ? id.GetString() : null).OfType<string>().ToList()
                : [];
            var present = ids.Count == 0 || ids.Contains(Model, StringComparer.OrdinalIgnoreCase);
            return present
                ? Status(true, true, latency, $"{BaseUrl} serves {Model}")
                : Status(true, false, latency, $"{BaseUrl} has no model '{Model}' (it has: {string.Join(", ", ids.Take(8))})", "set openai.model to one the server has, or load it on the server");
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            return Status(false, false, null, $"not reachable at {BaseUrl} ({Describe(ex)})", "start the server, or fix openai.base_url");
        }
    }

    public override ValueTask DisposeAsync()
    {
        _http.Dispose();
        return base.DisposeAsync();
    }

    private BackendStatus Status(bool reachable, bool present, double? latency, string detail, string? fix = null) => new()
    {
        Backend = Name,
        Model = Model,
        Reachable = reachable,
        ModelPresent = present,
        LatencyMs = latency,
        Detail = detail,
        Fix = fix,
    };
}
