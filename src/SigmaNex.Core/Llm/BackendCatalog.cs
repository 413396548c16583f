using System.Collections.Concurrent;
using SigmaNex.Core.Configuration;
using SigmaNex.Core.Llm.Backends;

namespace SigmaNex.Core.Llm;

/// <summary>
/// The configured backends: created on first use, each with a circuit breaker and a cached availability
/// probe, and the order auto mode tries them in.
/// </summary>
public sealed class BackendCatalog : IAsyncDisposable
{
    private readonly SigmaOptions _options;
    private readonly SigmaPaths _paths;
    private readonly SigmaEnvironment _environment;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, Lazy<ChatBackend>> _backends = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CircuitBreaker> _breakers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (BackendStatus Status, DateTimeOffset At)> _probes = new(StringComparer.Ordinal);

    public BackendCatalog(SigmaOptions options, SigmaPaths paths, SigmaEnvironment environment, TimeProvider time)
    {
        _options = options;
        _paths = paths;
        _environment = environment;
        _time = time;
    }

    /// <summary>Every backend name this configuration can use, in auto order.</summary>
    public IReadOnlyList<string> AutoOrder()
    {
        var order = _options.BackendOrder is { Count: > 0 } configured
            ? configured.Select(n => n.ToLowerInvariant()).ToList()
            : [BackendNames.Ollama, .. _options.OpenAi.BaseUrl is null ? Array.Empty<string>() : [BackendNames.OpenAi], BackendNames.Llama];
        order.Remove(BackendNames.Knowledge);
        order.Add(BackendNames.Knowledge);
        return order.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The backends to try: a forced one then the knowledge base, or the auto order.</summary>
    public IReadOnlyList<string> Order(string? requested)
    {
        var wanted = (requested ?? _options.Backend).ToLowerInvariant();
        if (wanted == BackendNames.Auto)
        {
            return AutoOrder();
        }

        if (!ConfigValidator.Backends.Contains(wanted))
        {
            throw SigmaException.Input($"unknown backend '{requested}' (known: {string.Join(", ", ConfigValidator.Backends)})");
        }

        return wanted == BackendNames.Knowledge ? [BackendNames.Knowledge] : [wanted, BackendNames.Knowledge];
    }

    public ChatBackend Get(string name) => _backends.GetOrAdd(name, n => new Lazy<ChatBackend>(() => Create(n))).Value;

    public CircuitBreaker Breaker(string name) => _breakers.GetOrAdd(
        name,
        _ => new CircuitBreaker(_options.Resilience.CircuitFailures, TimeSpan.FromSeconds(_options.Resilience.CircuitOpenSeconds), _time));

    /// <summary>The backend's availability, probed at most every <c>resilience.probe_cache_seconds</c>.</summary>
    public async Task<BackendStatus> StatusAsync(string name, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (_probes.TryGetValue(name, out var cached) && now - cached.At < TimeSpan.FromSeconds(_options.Resilience.ProbeCacheSeconds))
        {
            return cached.Status;
        }

        var status = await Get(name).ProbeAsync(TimeSpan.FromSeconds(_options.Resilience.ProbeTimeout), cancellationToken).ConfigureAwait(false);
        _probes[name] = (status, now);
        return status;
    }

    /// <summary>Forgets a probe result, so the next question asks again (after a failure).</summary>
    public void Invalidate(string name) => _probes.TryRemove(name, out _);

    /// <summary>Records that a backend answered, so the next question need not probe it again.</summary>
    public void MarkHealthy(string name)
    {
        if (_probes.TryGetValue(name, out var cached))
        {
            _probes[name] = (cached.Status, _time.GetUtcNow());
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var b in _backends.Values.Where(l => l.IsValueCreated))
        {
            await b.Value.DisposeAsync().ConfigureAwait(false);
        }
    }

    private ChatBackend Create(string name) => name switch
    {
        BackendNames.Knowledge => new KnowledgeBackend(),
        BackendNames.Ollama => new OllamaBackend(
            OllamaBackend.ResolveHost(_options.Ollama.Host, _environment.Get("OLLAMA_HOST")),
            _options.Ollama.Model ?? _options.ModelName),
        BackendNames.OpenAi => new OpenAiBackend(
            new Uri(_options.OpenAi.BaseUrl ?? "http://localhost:8080/v1"),
            _options.OpenAi.Model ?? _options.ModelName,
            _options.OpenAi.ApiKey ?? _environment.Get("OPENAI_API_KEY")),
        BackendNames.Llama => new LlamaBackend(_options.Llama, _paths, _options.ContextWindow),
        _ => throw SigmaException.Input($"unknown backend '{name}'"),
    };
}
