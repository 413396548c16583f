namespace SigmaNex.Core.Retrieval.Vectors;

/// <summary>A query vector quantized to int8 and widened to int16 for the dot-product kernel.</summary>
public sealed record QuantizedQuery(short[] Values, float Scale);
