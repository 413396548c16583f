namespace SigmaNex.Core.Configuration;

/// <summary>Range and choice checks; every error names its key path.</summary>
public static class ConfigValidator
{
    public static readonly IReadOnlyList<string> Backends = ["auto", "knowledge", "ollama", "openai", "llama"];
    public static readonly IReadOnlyList<string> Embedders = ["builtin", "ollama", "onnx", "llama"];

    public sealed record Error(string Key, string Message);

    public static IReadOnlyList<Error> Validate(SigmaOptions o)
    {
        var errors = new List<Error>();
        void Range(string key, double value, double min, double max)
        {
            if (double.IsNaN(value) || value < min || value > max)
            {
                errors.Add(new Error(key, $"{ConfigLoader.Dotted(key)} must be between {min} and {max} (got {value})"));
            }
        }

        void OneOf(string key, string value, IReadOnlyList<string> allowed)
        {
            if (!allowed.Contains(value, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add(new Error(key, $"{ConfigLoader.Dotted(key)} must be one of {string.Join(", ", allowed)} (got '{value}')"));
            }
        }

        Range("temperature", o.Temperature, 0, 2);
        Range("max_tokens", o.MaxTokens, 1, 131_072);
        Range("context_window", o.ContextWindow, 256, 1_048_576);
        Range("max_history", o.MaxHistory, 0, 10_000);
        Range("request_timeout", o.RequestTimeout, 0.1, 3600);
        Range("retrieval:top_k", o.Retrieval.TopK, 1, 50);
        Range("retrieval:ann_threshold", o.Retrieval.AnnThreshold, 100, int.MaxValue);
        Range("retrieval:ann_probes", o.Retrieval.AnnProbes, 1, 100_000);
        Range("retrieval:ann_weight", o.Retrieval.AnnWeight, 0.05, 1);
        Range("retrieval:ann_depth", o.Retrieval.AnnDepth, 10, 1_000_000);
        OneOf("retrieval:ann_index", o.Retrieval.AnnIndex, ["columns", "ivf"]);
        Range("retrieval:keyword_index_threshold", o.Retrieval.KeywordIndexThreshold, 0, int.MaxValue);
        Range("security:max_query_length", o.Security.MaxQueryLength, 16, 1_000_000);
        Range("security:max_file_size_mb", o.Security.MaxFileSizeMb, 1, 16_384);
        OneOf("backend", o.Backend, Backends);
        foreach (var (name, i) in (o.BackendOrder ?? []).Select((n, i) => (n, i)))
        {
            OneOf($"backend_order:{i}", name, Backends.Skip(1).ToList());
        }

        Range("resilience:retries", o.Resilience.Retries, 0, 10);
        Range("resilience:circuit_failures", o.Resilience.CircuitFailures, 1, 100);
        Range("resilience:circuit_open_seconds", o.Resilience.CircuitOpenSeconds, 0, 3600);
        Range("resilience:probe_timeout", o.Resilience.ProbeTimeout, 0.05, 60);
        Range("resilience:probe_cache_seconds", o.Resilience.ProbeCacheSeconds, 0, 3600);
        Range("llama:threads", o.Llama.Threads, 0, 256);
        Range("llama:gpu_layers", o.Llama.GpuLayers, 0, 1000);
        foreach (var (key, url) in new[] { ("ollama:host", o.Ollama.Host), ("openai:base_url", o.OpenAi.BaseUrl) })
        {
            if (url is not null && !Uri.TryCreate(url.Contains("://", StringComparison.Ordinal) ? url : "http://" + url, UriKind.Absolute, out _))
            {
                errors.Add(new Error(key, $"{ConfigLoader.Dotted(key)} must be a URL such as http://localhost:11434 (got '{url}')"));
            }
        }
        OneOf("retrieval:embedder", o.Retrieval.Embedder, Embedders);
        if (string.IsNullOrWhiteSpace(o.ModelName))
        {
            errors.Add(new Error("model_name", "model_name must not be empty"));
        }

        if (!IsLanguage(o.Language, allowAuto: true))
        {
            errors.Add(new Error("language", $"language must be 'auto' or a two-letter language code (got '{o.Language}')"));
        }

        if (!IsLanguage(o.DefaultLanguage, allowAuto: false))
        {
            errors.Add(new Error("default_language", $"default_language must be a two-letter language code (got '{o.DefaultLanguage}')"));
        }

        if (string.IsNullOrWhiteSpace(o.Region) || o.Region.Length > 8)
        {
            errors.Add(new Error("region", $"region must be a region code such as EU, US, UK or AU (got '{o.Region}')"));
        }

        return errors;
    }

    private static bool IsLanguage(string value, bool allowAuto) =>
        (allowAuto && string.Equals(value, "auto", StringComparison.OrdinalIgnoreCase))
        || (value.Length == 2 && value.All(char.IsAsciiLetterLower));
}
