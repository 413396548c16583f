using SigmaNex.Core.Text;

namespace SigmaNex.Core.Triage;

/// <summary>
/// A compiled lexicon pattern. Syntax: words separated by spaces; <c>word*</c> matches any word starting
/// with <c>word</c>; <c>(a|b*)</c> matches either; <c>(a|b)?</c> may also be absent (not as the first or
/// last element); <c>~</c> (or <c>~N</c>) skips up to 3 (or N) words; a trailing <c>=&gt; protocol-id</c>
/// names the protocol to show; a trailing <c>!urgent</c> or <c>!critical</c> overrides the category's
/// severity, and <c>!minor</c> marks a harmless presentation (a plain nosebleed) that is recognised, so its
/// protocol is hinted, but is not an emergency unless a longer, graver match overrides it. Words of six letters or more also match with one typo (a letter added, dropped, changed or
/// swapped), unless written <c>=word</c> (exact: for a word one typo away from a common word of another
/// language, like "poison" and French "poisson"), or the question's word is itself a whole word of some
/// pattern of any lexicon (then it is that word, not a typo). Inflection belongs in prefixes, not typos.
/// A trailing <c>@category[,category]</c> limits a context pattern (idiom, frame, reassurance, past marker)
/// to matches of those categories. No nested parentheses.
/// </summary>
internal sealed class TriagePattern
{
    private readonly Element[] _elements;

    private TriagePattern(string source, string category, Element[] elements, string? protocol, Severity? severity, HashSet<string>? scope)
    {
        Source = source;
        Category = category;
        _elements = elements;
        Protocol = protocol;
        Severity = severity;
        Scope = scope;
    }

    /// <summary>The categories a context pattern applies to (<c>@major_trauma</c>), or null for all.</summary>
    public HashSet<string>? Scope { get; }

    public string Source { get; }

    public string Category { get; }

    public string? Protocol { get; }

    public Severity? Severity { get; }

    /// <summary>
    /// Compiles one pattern. <paramref name="atoms"/>, shared by the patterns of one lexicon, reuses the atom of a
    /// word written before ("his", "her", "the" recur in thousands of alternatives): loading is on the CLI's start path.
    /// </summary>
    public static TriagePattern Parse(string source, string category, Dictionary<string, TriageAtom>? atoms = null)
    {
        var text = source.Trim();
        string? protocol = null;
        Severity? severity = null;
        foreach (var (mark, level) in new[] { ("!urgent", Triage.Severity.Urgent), ("!critical", Triage.Severity.Critical), ("!minor", Triage.Severity.Minor) })
        {
            // before or after the "=> protocol"
            var at = text.IndexOf(mark, StringComparison.Ordinal);
            if (at >= 0)
            {
                severity = level;
                text = (text[..at] + text[(at + mark.Length)..]).Trim();
            }
        }

        HashSet<string>? scope = null;
        var scoped = text.LastIndexOf('@');
        if (scoped >= 0)
        {
            scope = text[(scoped + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
            if (scope.Count == 0 || scope.Any(c => !TriageCategory.All.Contains(c)))
            {
                throw new FormatException($"pattern '{source}': '@' must be followed by known categories");
            }

            text = text[..scoped].Trim();
        }

        var arrow = text.IndexOf("=>", StringComparison.Ordinal);
        if (arrow >= 0)
        {
            protocol = text[(arrow + 2)..].Trim();
            text = text[..arrow].Trim();
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

            var alternatives = new List<TriageAtom[]>();
            foreach (var alt in inner.Split('|', StringSplitOptions.TrimEntries))
            {
                var words = SplitWords(alt);
                var sequence = new TriageAtom[words.Count];
                for (var i = 0; i < words.Count; i++)
                {
                    if (atoms is null)
                    {
                        sequence[i] = TriageAtom.Parse(words[i], source);
                    }
                    else if (!atoms.TryGetValue(words[i], out sequence[i]!))
                    {
                        sequence[i] = atoms[words[i]] = TriageAtom.Parse(words[i], source);
                    }
                }

                alternatives.Add(sequence);
            }

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

        return new TriagePattern(source, category, elements.ToArray(), protocol, severity, scope);
    }

    /// <summary>Every atom (word) of the pattern, for the index.</summary>
    public IEnumerable<TriageAtom> Atoms => _elements.Where(e => e.Alternatives is not null).SelectMany(e => e.Alternatives!).SelectMany(a => a);

    /// <summary>
    /// Whether the word at <paramref name="token"/> is a word the pattern names there: some alternative containing
    /// a word it matches occurs whole around it, inside the match <paramref name="start"/>..<paramref name="end"/>.
    /// A word the pattern names only as part of a phrase that is not there is not named: "keine" of "keine luft"
    /// in "wespenstich, keine atemnot" is a negation in the gap, not the phrase.
    /// </summary>
    public bool NamesAt(QuestionAtoms question, int token, int start, int end)
    {
        foreach (var e in _elements)
        {
            if (e.Alternatives is null)
            {
                continue;
            }

            foreach (var sequence in e.Alternatives)
            {
                for (var k = 0; k < sequence.Length; k++)
                {
                    var from = token - k;
                    if (from < start || from + sequence.Length - 1 > end || !question.Has(token, sequence[k].Id))
                    {
                        continue;
                    }

                    var whole = true;
                    for (var j = 0; j < sequence.Length && whole; j++)
                    {
                        whole = question.Has(from + j, sequence[j].Id);
                    }

                    if (whole)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>The atoms a match can begin with: the first word of each alternative of the first element.</summary>
    public IEnumerable<TriageAtom> FirstAtoms => _elements[0].Alternatives!.Select(a => a[0]);

    /// <summary>
    /// The last token of the match starting at <paramref name="position"/>, or -1. Words are compared through
    /// <paramref name="question"/> (which atoms each token matches), so every atom must have been bound by the index.
    /// </summary>
    public int MatchAt(QuestionAtoms question, int position) => MatchFrom(question, position, 0, -1, 0, 0);

    // previous: the last token matched by a word just before (-1 after a gap or at the start). Words written
    // next to each other match only words of one clause ("reagiert nicht, atmet aber" is not "nicht atmet");
    // a gap (~) may cross punctuation ("he collapsed, not breathing"). weak and strong count the words matched
    // with a dropped letter of a short word (QuestionAtoms.WeakAt) and fully: at most one weak, beside a strong one.
    private int MatchFrom(QuestionAtoms question, int position, int element, int previous, int weak, int strong)
    {
        if (element == _elements.Length)
        {
            return weak == 0 || strong > 0 ? position - 1 : -1;
        }

        var e = _elements[element];
        // The longest reading wins: a gap reaches as far as the pattern can still match ("diabetic ~8
        // (strange|not answering)" takes the later "not answering" too), so it outweighs shorter overlaps.
        var best = -1;
        if (e.Alternatives is null)
        {
            for (var skip = 0; skip <= e.Gap && position + skip < question.Count; skip++)
            {
                best = Math.Max(best, MatchFrom(question, position + skip, element + 1, -1, weak, strong));
            }

            return best;
        }

        foreach (var sequence in e.Alternatives)
        {
            if (position + sequence.Length > question.Count)
            {
                continue;
            }

            var ok = sequence.Length == 0 || previous < 0 || question.Tokens[previous].Clause == question.Tokens[position].Clause;
            var (w, st) = (weak, strong);
            for (var k = 0; k < sequence.Length && ok; k++)
            {
                ok = k == 0 || question.Tokens[position + k - 1].Clause == question.Tokens[position + k].Clause;
                if (ok && question.Has(position + k, sequence[k].Id))
                {
                    st++;
                }
                else if (ok && w == 0 && question.HasWeak(position + k, sequence[k].Id))
                {
                    w++;
                }
                else
                {
                    ok = false;
                }
            }

            if (ok)
            {
                best = Math.Max(best, MatchFrom(question, position + sequence.Length, element + 1, sequence.Length == 0 ? previous : position + sequence.Length - 1, w, st));
            }
        }

        return best;
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
    private sealed record Element(TriageAtom[][]? Alternatives, int Gap);

    // Pattern words split like question words do ("self-harm" → "self harm", "l'aria" → "l aria"); "=" and "*" are marks.
    private static List<string> SplitWords(string text)
    {
        var words = new List<string>(4);
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && (char.IsLetter(text[i]) || char.IsDigit(text[i]) || text[i] is '*' or '=');
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                words.Add(text[start..i]);
                start = -1;
            }
        }

        return words;
    }
}
