using System.Text;

namespace SigmaNex.Core.Knowledge;

/// <summary>
/// Splits documents into searchable chunks, shared by every importer of prose: a chunk never crosses a
/// section (heading), prefers to end at a paragraph, then a sentence, then a word, aims for
/// <see cref="TargetChars"/> and never exceeds <see cref="MaxChars"/>. Consecutive chunks of one section
/// share about <see cref="OverlapChars"/> characters, so a passage cut in two is still found whole.
/// A word is never split unless it alone is longer than a chunk (a hash or a run-together URL).
/// </summary>
public static class TextChunker
{
    public const int TargetChars = 900;
    public const int MaxChars = 1600;
    public const int OverlapChars = 150;

    // Pieces leave room for the overlap carried in from the previous chunk.
    private const int MaxPieceChars = MaxChars - OverlapChars - 1;

    /// <summary>The chunks of a document's sections, each carrying its section's heading and <paramref name="keywords"/>.</summary>
    public static List<ChunkDraft> Chunk(IEnumerable<TextSection> sections, string? keywords)
    {
        var chunks = new List<ChunkDraft>();
        foreach (var section in sections)
        {
            var heading = string.IsNullOrWhiteSpace(section.Heading) ? null : section.Heading.Trim();
            foreach (var text in Split(section.Text))
            {
                chunks.Add(new ChunkDraft { Heading = heading, Text = text, Keywords = keywords });
            }
        }

        return chunks;
    }

    /// <summary>One section's text as chunk texts (empty when it holds only whitespace).</summary>
    public static List<string> Split(string text)
    {
        var result = new List<string>();
        var pieces = new List<string>();
        foreach (var paragraph in Paragraphs(text))
        {
            AddPieces(paragraph, pieces);
        }

        var current = new StringBuilder(MaxChars);
        var hasNew = false;
        foreach (var piece in pieces)
        {
            // The paragraph break is kept inside a chunk, so snippets and displays keep the layout.
            var joiner = current.Length == 0 ? 0 : 2;
            var fits = current.Length + joiner + piece.Length <= TargetChars
                || (current.Length < TargetChars / 2 && current.Length + joiner + piece.Length <= MaxChars);
            if (!fits && hasNew)
            {
                var done = current.ToString();
                result.Add(done);
                current.Clear();
                current.Append(Tail(done));
                hasNew = false;
            }

            if (current.Length > 0)
            {
                current.Append(hasNew ? "\n\n" : " ");
            }

            current.Append(piece);
            hasNew = true;
        }

        if (hasNew)
        {
            result.Add(current.ToString());
        }

        return result;
    }

    /// <summary>
    /// Paragraphs of a text with tidy whitespace: lines trimmed, runs of spaces and tabs made one space,
    /// blank lines (of any length) as paragraph breaks, single line breaks kept.
    /// </summary>
    public static List<string> Paragraphs(string text)
    {
        var paragraphs = new List<string>();
        var sb = new StringBuilder();
        foreach (var rawLine in text.AsSpan().EnumerateLines())
        {
            var line = rawLine.Trim();
            if (line.IsEmpty)
            {
                Flush();
                continue;
            }

            if (sb.Length > 0)
            {
                sb.Append('\n');
            }

            var space = false;
            foreach (var c in line)
            {
                if (c is ' ' or '\t' or '\u00a0' or '\f' or '\v')
                {
                    space = true;
                    continue;
                }

                if (space)
                {
                    sb.Append(' ');
                    space = false;
                }

                sb.Append(c);
            }
        }

        Flush();
        return paragraphs;

        void Flush()
        {
            if (sb.Length > 0)
            {
                paragraphs.Add(sb.ToString());
                sb.Clear();
            }
        }
    }

    /// <summary>Breaks a paragraph into pieces that fit a chunk: whole if it fits, else by sentences, else by words.</summary>
    private static void AddPieces(string paragraph, List<string> pieces)
    {
        if (paragraph.Length <= MaxPieceChars)
        {
            pieces.Add(paragraph);
            return;
        }

        var sb = new StringBuilder(MaxPieceChars);
        foreach (var sentence in Sentences(paragraph))
        {
            if (sentence.Length > MaxPieceChars)
            {
                Emit();
                foreach (var part in ByWords(sentence))
                {
                    pieces.Add(part);
                }

                continue;
            }

            if (sb.Length > 0 && sb.Length + 1 + sentence.Length > TargetChars)
            {
                Emit();
            }

            if (sb.Length > 0)
            {
                sb.Append(' ');
            }

            sb.Append(sentence);
        }

        Emit();

        void Emit()
        {
            if (sb.Length > 0)
            {
                pieces.Add(sb.ToString());
                sb.Clear();
            }
        }
    }

    /// <summary>Sentences end at . ! ? or a line break, followed by white space.</summary>
    private static IEnumerable<string> Sentences(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var end = text[i] == '\n' || (text[i] is '.' or '!' or '?' or ';' && i + 1 < text.Length && char.IsWhiteSpace(text[i + 1]));
            if (end)
            {
                var s = text[start..(i + 1)].Trim();
                if (s.Length > 0)
                {
                    yield return s;
                }

                start = i + 1;
            }
        }

        var last = text[start..].Trim();
        if (last.Length > 0)
        {
            yield return last;
        }
    }

    /// <summary>Cuts an over-long sentence at spaces; a single word longer than a piece is cut where it must be.</summary>
    private static IEnumerable<string> ByWords(string sentence)
    {
        var start = 0;
        while (sentence.Length - start > MaxPieceChars)
        {
            var limit = start + TargetChars;
            var cut = sentence.LastIndexOf(' ', limit, limit - start);
            if (cut <= start)
            {
                cut = sentence.IndexOf(' ', limit);
                if (cut < 0 || cut - start > MaxPieceChars)
                {
                    cut = start + MaxPieceChars;
                }
            }

            yield return sentence[start..cut].Trim();
            start = cut;
        }

        var rest = sentence[start..].Trim();
        if (rest.Length > 0)
        {
            yield return rest;
        }
    }

    /// <summary>The last ~<see cref="OverlapChars"/> characters of a chunk, starting at a word.</summary>
    private static string Tail(string chunk)
    {
        if (chunk.Length <= OverlapChars)
        {
            return string.Empty;
        }

        var from = chunk.Length - OverlapChars;
        var space = chunk.IndexOfAny([' ', '\n'], from);
        if (space < 0 || space >= chunk.Length - 1)
        {
            return string.Empty;
        }

        return chunk[(space + 1)..].Replace("\n", " ", StringComparison.Ordinal);
    }
}
