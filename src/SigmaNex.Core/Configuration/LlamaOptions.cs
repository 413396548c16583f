using Microsoft.Extensions.Configuration;

namespace SigmaNex.Core.Configuration;

/// <summary>The embedded llama.cpp backend (LLamaSharp).</summary>
public sealed class LlamaOptions
{
    /// <summary>A .gguf file; by default the first one found in the models folder.</summary>
    [ConfigurationKeyName("model_path")]
    public string? ModelPath { get; set; }

    /// <summary>CPU threads; 0 means all cores.</summary>
    [ConfigurationKeyName("threads")]
    public int Threads { get; set; }

    /// <summary>Layers to offload to a GPU when the backend has one; 0 runs on the CPU.</summary>
    [ConfigurationKeyName("gpu_layers")]
    public int GpuLayers { get; set; }

    /// <summary>Seed for sampling; fixed by default so answers are reproducible.</summary>
    [ConfigurationKeyName("seed")]
    public int Seed { get; set; } = 42;
}
