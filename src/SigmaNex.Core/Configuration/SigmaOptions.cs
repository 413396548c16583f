using Microsoft.Extensions.Configuration;

namespace SigmaNex.Core.Configuration;

/// <summary>
/// Everything configurable. Key names are the Python SIGMA-NEX's (snake_case), so an existing
/// <c>config.yaml</c> keeps working; keys it had that mean nothing here are reported, not rejected.
/// </summary>
public sealed class SigmaOptions
{
    [ConfigurationKeyName("model_name")]
    public string ModelName { get; set; } = "mistral";

    [ConfigurationKeyName("temperature")]
    public double Temperature { get; set; } = 0.3;

    [ConfigurationKeyName("max_tokens")]
    public int MaxTokens { get; set; } = 1024;

    /// <summary>The model's context size in tokens; the prompt budget is computed from it.</summary>
    [ConfigurationKeyName("context_window")]
    public int ContextWindow { get; set; } = 4096;

    /// <summary>Overrides the built-in system prompt (Prompts/system.md) when set.</summary>
    [ConfigurationKeyName("system_prompt")]
    public string? SystemPrompt { get; set; }

    [ConfigurationKeyName("retrieval_enabled")]
    public bool RetrievalEnabled { get; set; } = true;

    [ConfigurationKeyName("translation_enabled")]
    public bool TranslationEnabled { get; set; } = true;

    /// <summary>How many earlier turns of a conversation are offered to the model (then trimmed to the token budget).</summary>
    [ConfigurationKeyName("max_history")]
    public int MaxHistory { get; set; } = 10;

    [ConfigurationKeyName("debug")]
    public bool Debug { get; set; }

    /// <summary>Deadline for one whole question, in seconds; past it the knowledge base answers.</summary>
    [ConfigurationKeyName("request_timeout")]
    public double RequestTimeout { get; set; } = 30;

    /// <summary>"auto" to detect the question's language, or a language code to force one.</summary>
    [ConfigurationKeyName("language")]
    public string Language { get; set; } = "auto";

    /// <summary>Used when detection is not confident (too short or mixed input).</summary>
    [ConfigurationKeyName("default_language")]
    public string DefaultLanguage { get; set; } = "en";

    /// <summary>Region whose emergency numbers are shown: EU, US, CA, UK, AU, NZ, IT, CH, IN, ...</summary>
    [ConfigurationKeyName("region")]
    public string Region { get; set; } = "EU";

    /// <summary>Where the store, models and logs live. SIGMA_NEX_HOME wins over this.</summary>
    [ConfigurationKeyName("data_dir")]
    public string? DataDir { get; set; }

    /// <summary>The protocol library to load. Defaults to the one shipped with SIGMA-NEX.</summary>
    [ConfigurationKeyName("knowledge_dir")]
    public string? KnowledgeDir { get; set; }

    /// <summary>auto, knowledge, ollama, openai or llama.</summary>
    [ConfigurationKeyName("backend")]
    public string Backend { get; set; } = "auto";

    /// <summary>Backends tried in auto mode, in order; by default ollama, openai (when configured), llama, knowledge.</summary>
    [ConfigurationKeyName("backend_order")]
    public List<string>? BackendOrder { get; set; }

    /// <summary>Extra stop sequences passed to every model backend.</summary>
    [ConfigurationKeyName("stop")]
    public List<string>? Stop { get; set; }

    /// <summary>A folder of prompt templates that override the built-in ones (system.md, general.md, ...).</summary>
    [ConfigurationKeyName("prompts_dir")]
    public string? PromptsDir { get; set; }

    [ConfigurationKeyName("ollama")]
    public OllamaOptions Ollama { get; set; } = new();

    [ConfigurationKeyName("openai")]
    public OpenAiOptions OpenAi { get; set; } = new();

    [ConfigurationKeyName("llama")]
    public LlamaOptions Llama { get; set; } = new();

    [ConfigurationKeyName("resilience")]
    public ResilienceOptions Resilience { get; set; } = new();

    [ConfigurationKeyName("history")]
    public HistoryOptions History { get; set; } = new();

    [ConfigurationKeyName("retrieval")]
    public RetrievalOptions Retrieval { get; set; } = new();

    [ConfigurationKeyName("security")]
    public SecurityOptions Security { get; set; } = new();
}
