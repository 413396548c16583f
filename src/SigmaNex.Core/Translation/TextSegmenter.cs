using System.Text.RegularExpressions;

namespace SigmaNex.Core.Translation;

/// <summary>A piece of a text: a sentence to translate, or the whitespace and line breaks between sentences.</summary>
public sealed record TextSegment(string Text, bool IsSentence);

/// <summary>
/// Cuts a text into sentences and the separators between them, so that joining the segments gives back the
/// text exactly. Lines and paragraphs are kept (a line break is always a separator, and so is a list marker such
/// as "-" or "1." starting a line); within a line, a sentence ends at . ! ? or … followed by a space.
/// </summary>
public static partial class TextSegmenter
{
    public static IReadOnlyList<TextSegment> Split(string text)
    {
        var segments = new List<TextSegment>();
        var position = 0;
        foreach (Match m in Separator().Matches(text))
        {
            if (m.Index > position)
            {
                segments.Add(new TextSegment(text[position..m.Index], true));
            }

            segments.Add(new TextSegment(m.Value, false));
            position = m.Index + m.Length;
        }

        if (position < text.Length)
        {
            segments.Add(new TextSegment(text[position..], true));
        }

        return segments;
    }

    // Any run of whitespace holding a line break, with the list marker (-, *, •, 1., 1)) that starts the next line;
    // a list marker or whitespace at the start; whitespace at the end; or spaces after a sentence end.
    [GeneratedRegex(@"\s*\n[ \t]*(?:(?:[-*•]|\d+[.)])[ \t]+)?|^[ \t]*(?:[-*•]|\d+[.)])[ \t]+|^\s+|\s+$|(?<=[.!?…])\s+(?=\S)")]
    private static partial Regex Separator();
}
