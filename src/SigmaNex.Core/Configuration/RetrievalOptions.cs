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

    /// <summary>Above this many vectors an approximate index is used instead of scanning them all.</summary>
    [ConfigurationKeyName("ann_threshold")]
    public int AnnThreshold { get; set; } = 250_000;

    /// <summary>
    /// The approximate index: <c>columns</c> (scores the query's strongest dimensions, then re-scores the
    /// best candidates exactly; suits the built-in embedder) or <c>ivf</c> (k-means lists; suits model
    /// embeddings that cluster).
    /// </summary>
    [ConfigurationKeyName("ann_index")]
    public string AnnIndex { get; set; } = "columns";

    /// <summary>Share of the query's squared weight the column index scores in its first pass (1: exact).</summary>
    [ConfigurationKeyName("ann_weight")]
    public double AnnWeight { get; set; } = 0.6;

    /// <summary>First-pass candidates the column index re-scores exactly.</summary>
    [ConfigurationKeyName("ann_depth")]
    public int AnnDepth { get; set; } = 1000;

    /// <summary>Lists of the IVF index scanned per query (more: better recall, slower).</summary>
    [ConfigurationKeyName("ann_probes")]
    public int AnnProbes { get; set; } = 48;

    /// <summary>Above this many chunks keywords are ranked by an in-memory BM25 index with pruning instead of FTS5.</summary>
    [ConfigurationKeyName("keyword_index_threshold")]
    public int KeywordIndexThreshold { get; set; } = 5_000;

    /// <summary>Keep query embeddings and results in memory (HybridCache L1); benchmarks turn it off.</summary>
    [ConfigurationKeyName("cache")]
    public bool Cache { get; set; } = true;

    /// <summary>Use vector similarity in addition to keywords.</summary>
    [ConfigurationKeyName("hybrid")]
    public bool Hybrid { get; set; } = true;
}
