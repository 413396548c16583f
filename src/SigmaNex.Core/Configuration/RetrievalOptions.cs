using Microsoft.Extensions.Configuration;

namespace SigmaNex.Core.Configuration;

public sealed class RetrievalOptions
{
    [ConfigurationKeyName("enabled")]
    public bool Enabled { get; set; } = true;

    [ConfigurationKeyName("top_k")]
    public int TopK { get; set; } = 5;

    /// <summary>builtin (no model file), ollama, onnx or llama.</summary>
    [ConfigurationKeyName("embedder")]
    public string Embedder { get; set; } = "builtin";

    /// <summary>Model name (ollama) or folder/file path (onnx, llama) for the embedder.</summary>
    [ConfigurationKeyName("embedding_model")]
    public string? EmbeddingModel { get; set; }

    /// <summary>Use vector similarity in addition to keywords.</summary>
    [ConfigurationKeyName("hybrid")]
    public bool Hybrid { get; set; } = true;
}
