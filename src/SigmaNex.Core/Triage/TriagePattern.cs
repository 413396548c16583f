using SigmaNex.Core.Text;

namespace SigmaNex.Core.Triage;

/// <summary>
/// A compiled lexicon pattern. Syntax: words separated by spaces; <c>word*</c> matches any word starting
/// with <c>word</c>; <c>(a|b*)</c> matches either; <c>~</c> (or <c>~N</c>) skips up to 3 (or N) words;
/// a trailing <c>=&gt; protocol-id</c> names the protocol to show; a trailing <c>!urgent</c> or
/// <c>!critical</c> overrides the category's severity. Words of six letters or more also match with one
/// typo (a letter added, dropped, changed or swapped).
/// </summary>
internal sealed partial class TriagePattern
{
    private readonly Element[] _elements;

    private TriagePattern(string source, string category, Element[] elements, string? protocol, Severity? severity)
    {
        Source = source;
        Category = category;
        _elements = elements;
        Protocol = protocol;
        Severity = severity;
    }

    public string Source { get; }

    public string Category { get; }

    public string? Protocol { get; }

    public Severity? Severity { get; }

    public static TriagePattern Parse(string source, string category)
    {
        var text = source.Trim();
        string? protocol = null;
        Severity? severity = null;
        var arrow = text.IndexOf("=>", StringComparison.Ordinal);
        if (arrow >= 0)
        {
            protocol = text[(arrow + 2)..].Trim();
            text = text[..arrow].Trim();
        }

        foreach (var (mark, level) in new[] { ("!urgent", Triage.Severity.Urgent), ("!critical", Triage.Severity.Critical) })
        {
            if (text.EndsWith(mark, StringComparison.Ordinal))
            {
                severity = level;
                text = text[..^mark.Length].Trim();
            }
        }

        var elements = new List<Element>();
        foreach (var part in SplitTopLevel(text))
        {
            if (part[0] == '~')
            {
                elements.Add(new Element(null, part.Length > 1 ? int.Parse(part[1..], System.Globalization.CultureInfo.InvariantCulture) : 3));
                continue;
            }

            // "(a|b c*|d)": alternatives, each a sequence of one or more words; "(a|b)?" may also be absent.
            var optional = part.EndsWith(")?", StringComparison.Ordinal);
            var group = part[0] == '(';
            var inner = group ? part[1..(optional ? ^2 : ^1)] : part;
            if ((group && !part.EndsWith(')') && !optional) || inner.Contains('(') || inner.Contains(')') || inner.Contains('?') || (!group && part.Contains('|')))
            {
                throw new FormatException($"triage pattern '{source}': '{part}' is not a word, a word*, a (group|of|words), a (group)? or ~N");
            }

            var alternatives = inner.Split('|', StringSplitOptions.TrimEntries)
                .Select(alt => WordSplit().Split(alt).Where(w => w.Length > 0).Select(Atom.Parse).ToArray())
                .ToList();
            if (alternatives.Any(a => a.Length == 0))
            {
                throw new FormatException($"triage pattern '{source}' has an empty alternative in '{part}'");
            }

            if (optional)
            {
                alternatives.Add([]);
            }

            elements.Add(new Element(alternatives.ToArray(), 0));
        }

        static bool Required(Element e) => e.Alternatives is not null && e.Alternatives.All(a => a.Length > 0);
        if (elements.Count == 0 || !Required(elements[0]) || !Required(elements[^1]))
        {
            throw new FormatException($"triage pattern '{source}' must start and end with a required word");
        }

        return new TriagePattern(source, category, elements.ToArray(), protocol, severity);
    }

    /// <summary>Finds every match; returns (first token, last token) pairs.</summary>
    public IEnumerable<(int Start, int End)> Matches(IReadOnlyList<TriageToken> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var end = MatchFrom(tokens, i, 0);
            if (end >= i)
            {
                yield return (i, end);
            }
        }
    }

    // Returns the index of the last matched token, or -1.
    private int MatchFrom(IReadOnlyList<TriageToken> tokens, int position, int element)
    {
        if (element == _elements.Length)
        {
            return position - 1;
        }

        var e = _elements[element];
        if (e.Alternatives is null)
        {
            for (var skip = 0; skip <= e.Gap && position + skip < tokens.Count; skip++)
            {
                var end = MatchFrom(tokens, position + skip, element + 1);
                if (end >= 0)
                {
                    return end;
                }
            }

            return -1;
        }

        foreach (var sequence in e.Alternatives!)
        {
            if (position + sequence.Length > tokens.Count)
            {
                continue;
            }

            var ok = true;
            for (var k = 0; k < sequence.Length && ok; k++)
            {
                ok = sequence[k].Matches(tokens[position + k].Text);
            }

            if (ok)
            {
                var end = MatchFrom(tokens, position + sequence.Length, element + 1);
                if (end >= 0)
                {
                    return end;
                }
            }
        }

        return -1;
    }

    // Splits on spaces outside parentheses: "a (b c|d) ~ e" → "a", "(b c|d)", "~", "e".
    private static List<string> SplitTopLevel(string text)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            if (c == '(')
            {
                if (++depth > 1)
                {
                    throw new FormatException($"nested parentheses in triage pattern '{text}': write separate patterns instead");
                }
            }
            else if (c == ')')
            {
                depth--;
            }

            if (c == ' ' && depth == 0)
            {
                if (start >= 0)
                {
                    parts.Add(text[start..i]);
                    start = -1;
                }
            }
            else if (start < 0)
            {
                start = i;
            }
        }

        return depth == 0 ? parts : throw new FormatException($"unbalanced parentheses in triage pattern '{text}'");
    }

    /// <summary>A gap (no alternatives) or a choice between word sequences.</summary>
    private sealed record Element(Atom[][]? Alternatives, int Gap);

    private sealed record Atom(string Word, bool Prefix)
    {
        private const int FuzzyFrom = 6;

        public static Atom Parse(string text)
        {
            var prefix = text.EndsWith('*');
            var word = TextFolding.Fold((prefix ? text[..^1] : text).ToLowerInvariant());
            return new Atom(word, prefix);
        }

        public bool Matches(string token)
        {
            if (Prefix ? token.StartsWith(Word, StringComparison.Ordinal) : token == Word)
            {
                return true;
            }

            if (Word.Length < FuzzyFrom)
            {
                return false;
            }

            if (!Prefix)
            {
                return Math.Abs(token.Length - Word.Length) <= 1 && WithinOneEdit(token, Word);
            }

            for (var k = Word.Length - 1; k <= Word.Length + 1; k++)
            {
                if (k <= token.Length && WithinOneEdit(token.AsSpan(0, k), Word))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Damerau–Levenshtein distance ≤ 1 (one insertion, deletion, substitution or swap).</summary>
        private static bool WithinOneEdit(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
        {
            if (Math.Abs(a.Length - b.Length) > 1)
            {
                return false;
            }

            var i = 0;
            while (i < a.Length && i < b.Length && a[i] == b[i])
            {
                i++;
            }

            if (i == a.Length && i == b.Length)
            {
                return true;
            }

            if (a.Length == b.Length)
            {
                // substitution, or a swap of two neighbours
                return a[(i + 1)..].SequenceEqual(b[(i + 1)..])
                    || (i + 1 < a.Length && a[i] == b[i + 1] && a[i + 1] == b[i] && a[(i + 2)..].SequenceEqual(b[(i + 2)..]));
            }

            return a.Length > b.Length ? a[(i + 1)..].SequenceEqual(b[i..]) : a[i..].SequenceEqual(b[(i + 1)..]);
        }
    }

    // Pattern words split like question words do ("self-harm" → "self harm", "l'aria" → "l aria").
    [System.Text.RegularExpressions.GeneratedRegex(@"[^\p{L}\p{Nd}*]+")]
    private static partial System.Text.RegularExpressions.Regex WordSplit();
}
