namespace SigmaNex.Core.Retrieval.Vectors;

/// <summary>A query vector quantized to int8 and widened to int16 for the dot-product kernel.</summary>
public sealed record QuantizedQuery(short[] Values, float Scale)
{
    /// <summary>The query at 7 bits, offset to unsigned bytes, for the fast kernel.</summary>
    public byte[] Offset { get; init; } = [];

    /// <summary>Scale of the 7-bit values.</summary>
    public float OffsetScale { get; init; }
}
