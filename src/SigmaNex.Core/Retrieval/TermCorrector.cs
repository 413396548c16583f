using System.Text;

namespace SigmaNex.Core.Retrieval;

/// <summary>
/// Spelling correction against the index's own vocabulary: a query term the index has never seen
/// ("anafilact", "stroak", "defibbrillator") is matched to indexed terms within one or two edits, compared
/// in a rough phonetic form (ph→f, y→i, k→c, doubled letters once) so common misspellings are one edit
/// or none. Candidates come from shared character trigrams; known terms are never changed.
/// </summary>
public sealed class TermCorrector
{
    private const int MinLength = 4;
    private const int MaxCandidates = 40;

    private readonly HashSet<string> _known;
    private readonly string[] _terms;
    private readonly string[] _keys;
    private readonly int[] _frequency;
    private readonly Dictionary<string, List<int>> _byTrigram = new(StringComparer.Ordinal);

    public TermCorrector(IEnumerable<(string Term, int Documents)> vocabulary)
    {
        var list = vocabulary.Where(v => v.Term.Length >= 3 && !v.Term.Any(char.IsAsciiDigit)).ToList();
        _known = new HashSet<string>(list.Select(v => v.Term), StringComparer.Ordinal);
        _terms = list.Select(v => v.Term).ToArray();
        _frequency = list.Select(v => v.Documents).ToArray();
        _keys = _terms.Select(Key).ToArray();
        for (var i = 0; i < _keys.Length; i++)
        {
            foreach (var g in Trigrams(_keys[i]))
            {
                if (!_byTrigram.TryGetValue(g, out var ids))
                {
                    _byTrigram[g] = ids = [];
                }

                ids.Add(i);
            }
        }
    }

    public int Count => _terms.Length;

    public bool IsKnown(string term) => _known.Contains(term);

    /// <summary>The indexed term closest to an unknown <paramref name="term"/>, or null.</summary>
    public string? Correct(string term)
    {
        if (term.Length < MinLength || _known.Contains(term) || term.Any(char.IsAsciiDigit))
        {
            return null;
        }

        var key = Key(term);
        var shared = new Dictionary<int, int>();
        foreach (var g in Trigrams(key))
        {
            if (_byTrigram.TryGetValue(g, out var ids))
            {
                foreach (var id in ids)
                {
                    shared[id] = shared.GetValueOrDefault(id) + 1;
                }
            }
        }

        var limit = key.Length <= 5 ? 1 : 2;
        string? best = null;
        var bestDistance = int.MaxValue;
        var bestFrequency = -1;
        foreach (var (id, _) in shared.OrderByDescending(kv => kv.Value).Take(MaxCandidates))
        {
            if (Math.Abs(_keys[id].Length - key.Length) > limit)
            {
                continue;
            }

            var d = Distance(key, _keys[id], limit);
            if (d <= limit && (d < bestDistance || (d == bestDistance && _frequency[id] > bestFrequency)))
            {
                (best, bestDistance, bestFrequency) = (_terms[id], d, _frequency[id]);
            }
        }

        return best;
    }

    /// <summary>A rough phonetic key: ph→f, th→t, ck→c, k→c, y→i, doubled letters once.</summary>
    public static string Key(string term)
    {
        var s = term.Replace("ph", "f", StringComparison.Ordinal).Replace("th", "t", StringComparison.Ordinal)
            .Replace("ck", "c", StringComparison.Ordinal).Replace('k', 'c').Replace('y', 'i');
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (sb.Length == 0 || sb[^1] != c)
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static IEnumerable<string> Trigrams(string key)
    {
        var padded = $"^{key}$";
        for (var i = 0; i + 3 <= padded.Length; i++)
        {
            yield return padded.Substring(i, 3);
        }
    }

    /// <summary>Optimal-string-alignment distance (Damerau–Levenshtein with adjacent swaps), stopping early past the limit.</summary>
    public static int Distance(string a, string b, int limit)
    {
        var prev2 = new int[b.Length + 1];
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            prev[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            var rowMin = cur[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var v = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    v = Math.Min(v, prev2[j - 2] + 1);
                }

                cur[j] = v;
                rowMin = Math.Min(rowMin, v);
            }

            if (rowMin > limit)
            {
                return limit + 1;
            }

            (prev2, prev, cur) = (prev, cur, prev2);
        }

        return prev[b.Length];
    }
}
