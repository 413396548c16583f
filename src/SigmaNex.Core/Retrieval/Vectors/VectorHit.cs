namespace SigmaNex.Core.Retrieval.Vectors;

/// <summary>A row of a vector index and its cosine similarity to the query.</summary>
public readonly record struct VectorHit(int Row, float Score);
