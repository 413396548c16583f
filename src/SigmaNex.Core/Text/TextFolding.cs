using System.Globalization;
using System.Text;

namespace SigmaNex.Core.Text;

/// <summary>Lower-casing and diacritic removal ("Città" → "citta", "Straße" → "strasse").</summary>
public static class TextFolding
{
    public static string Fold(string token)
    {
        var ascii = true;
        foreach (var c in token)
        {
            if (c > 0x7F || char.IsAsciiLetterUpper(c))
            {
                ascii = false;
                break;
            }
        }

        return ascii ? token : FoldSlow(token);
    }

    /// <summary>False when <see cref="Fold"/> would return the token unchanged (lower-case ASCII), the common case.</summary>
    public static bool NeedsFolding(ReadOnlySpan<char> token)
    {
        foreach (var c in token)
        {
            if (c > 0x7F || char.IsAsciiLetterUpper(c))
            {
                return true;
            }
        }

        return false;
    }

    private static string FoldSlow(string token)
    {
        var decomposed = token.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            switch (CharUnicodeInfo.GetUnicodeCategory(c))
            {
                case UnicodeCategory.NonSpacingMark:
                case UnicodeCategory.SpacingCombiningMark:
                case UnicodeCategory.EnclosingMark:
                    continue;
            }

            switch (c)
            {
                case 'ß': sb.Append("ss"); break;
                case 'æ': sb.Append("ae"); break;
                case 'œ': sb.Append("oe"); break;
                case 'ø': sb.Append('o'); break;
                case 'ł': sb.Append('l'); break;
                case 'đ': sb.Append('d'); break;
                case 'ı': sb.Append('i'); break;
                default: sb.Append(c); break;
            }
        }

        return sb.ToString().Normalize(NormalizationForm.FormC);
    }
}
