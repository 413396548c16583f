namespace SigmaNex.Core.Context;

/// <summary>
/// A conservative estimate of how many tokens a text costs, without a tokenizer: about one token per
/// 3.5 characters of alphabetic text, one per ideograph, plus a little per message for the chat template.
/// Overestimating is safe (the prompt fits); underestimating would overflow the model's context.
/// </summary>
public static class TokenEstimator
{
    public const int PerMessage = 6;

    public static int Count(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }

        var ideographs = 0;
        foreach (var c in text)
        {
            if (c >= 0x2E80 && c <= 0x9FFF || c >= 0xAC00 && c <= 0xD7AF || c >= 0xF900 && c <= 0xFAFF)
            {
                ideographs++;
            }
        }

        return ideographs + (int)Math.Ceiling((text.Length - ideographs) / 3.5);
    }

    public static int Message(string? text) => Count(text) + PerMessage;
}
