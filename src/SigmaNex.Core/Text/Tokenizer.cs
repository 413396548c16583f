namespace SigmaNex.Core.Text;

/// <summary>
/// Splits text into lower-case word tokens: runs of letters and digits. Apostrophes split words
/// ("dell'acqua" → "dell", "acqua"), which lets elided articles fall out as stop words.
/// </summary>
public static class Tokenizer
{
    public static List<string> Tokenize(ReadOnlySpan<char> text)
    {
        var tokens = new List<string>(text.Length / 5 + 1);
        Tokenize(text, tokens);
        return tokens;
    }

    public static void Tokenize(ReadOnlySpan<char> text, List<string> into)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var isWord = i < text.Length && IsWordChar(text[i]);
            if (isWord)
            {
                if (start < 0)
                {
                    start = i;
                }
            }
            else if (start >= 0)
            {
                var len = i - start;
                if (len <= MaxTokenLength)
                {
                    into.Add(Lower(text.Slice(start, len)));
                }

                start = -1;
            }
        }
    }

    /// <summary>Longer runs are noise (hashes, base64, URLs run together) and are dropped.</summary>
    public const int MaxTokenLength = 40;

    /// <summary>The same tokens as <see cref="Tokenize(ReadOnlySpan{char})"/>, as spans of <paramref name="text"/>, not lower-cased.</summary>
    public static TokenEnumerator EnumerateTokens(ReadOnlySpan<char> text) => new(text);

    /// <summary>Lower-cases a token into <paramref name="buffer"/> exactly as <see cref="Tokenize(ReadOnlySpan{char})"/> does.</summary>
    public static ReadOnlySpan<char> Lower(ReadOnlySpan<char> token, Span<char> buffer)
    {
        foreach (var c in token)
        {
            if (char.IsUpper(c))
            {
                var n = token.ToLowerInvariant(buffer);
                return buffer[..n];
            }
        }

        return token;
    }

    internal static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark
            or System.Globalization.UnicodeCategory.SpacingCombiningMark;

    private static string Lower(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (char.IsUpper(c))
            {
                return s.ToString().ToLowerInvariant();
            }
        }

        return s.ToString();
    }
}
