namespace SigmaNex.Core.Safety;

/// <summary>
/// Collects streamed tokens and releases whole sentences (ended by . ! ? followed by a space, or a line
/// break), so each can be checked before anyone reads it.
/// </summary>
public sealed class SentenceBuffer
{
    private readonly System.Text.StringBuilder _pending = new();

    public IEnumerable<string> Add(string token)
    {
        _pending.Append(token);
        var text = _pending.ToString();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var end = text[i] == '\n'
                || (text[i] is '.' or '!' or '?' && i + 1 < text.Length && char.IsWhiteSpace(text[i + 1]) && !IsListNumber(text, start, i));
            if (end)
            {
                var stop = text[i] == '\n' ? i + 1 : i + 2;
                yield return text[start..Math.Min(stop, text.Length)];
                start = Math.Min(stop, text.Length);
                i = start - 1;
            }
        }

        _pending.Clear().Append(text[start..]);
    }

    /// <summary>Whatever is left when the stream ends.</summary>
    public string Flush()
    {
        var rest = _pending.ToString();
        _pending.Clear();
        return rest;
    }

    // "1. Press firmly" — the dot after a list number does not end a sentence.
    private static bool IsListNumber(string text, int start, int dot)
    {
        var head = text[start..dot].TrimStart();
        return head.Length is > 0 and <= 3 && head.All(char.IsAsciiDigit);
    }
}
