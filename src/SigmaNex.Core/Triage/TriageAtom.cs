using SigmaNex.Core.Text;

namespace SigmaNex.Core.Triage;

/// <summary>
/// One word of a pattern: <c>word</c>, <c>word*</c> (prefix) or <c>=word</c> / <c>=word*</c> (no typo
/// tolerance). Words of <see cref="FuzzyFrom"/> letters or more also match with one typo.
/// </summary>
internal sealed class TriageAtom
{
    public const int FuzzyFrom = 6;

    private TriageAtom(string word, bool prefix, bool exact)
    {
        Word = word;
        Prefix = prefix;
        Exact = exact;
    }

    /// <summary>The folded word (lower case, no accents).</summary>
    public string Word { get; }

    public bool Prefix { get; }

    /// <summary>Written <c>=word</c>: no typo tolerance.</summary>
    public bool Exact { get; }

    /// <summary>Whether a typo of this word matches too.</summary>
    public bool Fuzzy => !Exact && Word.Length >= FuzzyFrom;

    /// <summary>The number the index gives this atom (equal atoms share it); -1 until indexed.</summary>
    public int Id { get; set; } = -1;

    public (string Word, bool Prefix, bool Exact) Key => (Word, Prefix, Exact);

    public static TriageAtom Parse(string text, string source)
    {
        var exact = text.StartsWith('=');
        var prefix = text.EndsWith('*');
        var word = text[(exact ? 1 : 0)..(prefix ? ^1 : ^0)];
        if (word.Length == 0 || word.Contains('*') || word.Contains('='))
        {
            throw new FormatException($"triage pattern '{source}': '{text}' is not a word, a word*, a =word or a =word*");
        }

        return new TriageAtom(TextFolding.Fold(word.ToLowerInvariant()), prefix, exact);
    }

    /// <summary>Whether a folded question word matches: equal, starting with a prefix, or one typo away.</summary>
    public bool Matches(string token)
    {
        if (Prefix ? token.StartsWith(Word, StringComparison.Ordinal) : token == Word)
        {
            return true;
        }

        if (!Fuzzy)
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

    public override string ToString() => (Exact ? "=" : string.Empty) + Word + (Prefix ? "*" : string.Empty);

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
