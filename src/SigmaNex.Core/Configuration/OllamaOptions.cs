using Microsoft.Extensions.Configuration;

namespace SigmaNex.Core.Configuration;

public sealed class OllamaOptions
{
    /// <summary>Server address; OLLAMA_HOST is used when this is not set.</summary>
    [ConfigurationKeyName("host")]
    public string? Host { get; set; }

    /// <summary>Model to use; defaults to <c>model_name</c>.</summary>
    [ConfigurationKeyName("model")]
    public string? Model { get; set; }
}
