using System.Text.Json;

namespace SigmaNex.Core.Translation;

/// <summary>The generation settings a Marian export's <c>config.json</c> carries (Hugging Face names).</summary>
public sealed record MarianConfig
{
    public int? DecoderStartTokenId { get; init; }

    public int? PadTokenId { get; init; }

    public int? EosTokenId { get; init; }

    /// <summary>Longest output, counting the decoder start token (Hugging Face <c>max_length</c>).</summary>
    public int MaxLength { get; init; } = 512;

    /// <summary>The beam width the model was published with (<c>num_beams</c>); 1 is greedy.</summary>
    public int NumBeams { get; init; } = 1;

    /// <summary>Hugging Face's default length penalty for beam search (score divided by length^penalty).</summary>
    public double LengthPenalty { get; init; } = 1.0;

    /// <summary>The number of rows of the output layer (<c>decoder_vocab_size</c> or <c>vocab_size</c>).</summary>
    public int? VocabSize { get; init; }

    /// <summary>The longest input the encoder's position table allows.</summary>
    public int MaxPositions { get; init; } = 512;

    /// <summary>Reads config.json; throws a <see cref="JsonException"/> or <see cref="FormatException"/> the caller reports with the file name.</summary>
    public static MarianConfig Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("it is not a JSON object");
        }

        var defaults = new MarianConfig();
        return new MarianConfig
        {
            DecoderStartTokenId = Int(root, "decoder_start_token_id"),
            PadTokenId = Int(root, "pad_token_id"),
            EosTokenId = Int(root, "eos_token_id"),
            MaxLength = Positive(root, "max_length") ?? defaults.MaxLength,
            NumBeams = Positive(root, "num_beams") ?? defaults.NumBeams,
            LengthPenalty = root.TryGetProperty("length_penalty", out var lp) && lp.ValueKind == JsonValueKind.Number ? lp.GetDouble() : defaults.LengthPenalty,
            VocabSize = Positive(root, "decoder_vocab_size") ?? Positive(root, "vocab_size"),
            MaxPositions = Positive(root, "max_position_embeddings") ?? defaults.MaxPositions,
        };
    }

    private static int? Int(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var i) && i >= 0
            ? i
            : throw new FormatException($"{name} must be a non-negative integer (got {value.GetRawText()})");
    }

    private static int? Positive(JsonElement root, string name) =>
        Int(root, name) switch
        {
            null => null,
            0 => throw new FormatException($"{name} must be at least 1"),
            var i => i,
        };
}
