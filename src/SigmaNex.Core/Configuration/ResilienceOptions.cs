using Microsoft.Extensions.Configuration;

namespace SigmaNex.Core.Configuration;

/// <summary>How SIGMA-NEX copes with a model server that is slow, down or broken.</summary>
public sealed class ResilienceOptions
{
    /// <summary>Retries for transient errors (429, 5xx gateway errors) before the first token; never after.</summary>
    [ConfigurationKeyName("retries")]
    public int Retries { get; set; } = 2;

    /// <summary>Consecutive failures that open a backend's circuit.</summary>
    [ConfigurationKeyName("circuit_failures")]
    public int CircuitFailures { get; set; } = 3;

    /// <summary>Seconds an open circuit stays open before one probe request is let through.</summary>
    [ConfigurationKeyName("circuit_open_seconds")]
    public double CircuitOpenSeconds { get; set; } = 30;

    /// <summary>Seconds the availability probe may take.</summary>
    [ConfigurationKeyName("probe_timeout")]
    public double ProbeTimeout { get; set; } = 2;

    /// <summary>Seconds a probe result is trusted before asking again.</summary>
    [ConfigurationKeyName("probe_cache_seconds")]
    public double ProbeCacheSeconds { get; set; } = 15;
}
