using Microsoft.Extensions.Configuration;

namespace SigmaNex.Core.Configuration;

/// <summary>Any server speaking OpenAI's chat-completions protocol: llama.cpp server, LM Studio, vLLM, LocalAI.</summary>
public sealed class OpenAiOptions
{
    /// <summary>Base URL including the version path, e.g. http://localhost:8080/v1.</summary>
    [ConfigurationKeyName("base_url")]
    public string? BaseUrl { get; set; }

    /// <summary>Optional key; OPENAI_API_KEY is used when this is not set.</summary>
    [ConfigurationKeyName("api_key")]
    public string? ApiKey { get; set; }

    /// <summary>Model to use; defaults to <c>model_name</c>.</summary>
    [ConfigurationKeyName("model")]
    public string? Model { get; set; }
}
