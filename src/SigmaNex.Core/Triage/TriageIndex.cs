namespace SigmaNex.Core.Triage;

/// <summary>Which atoms (pattern words) each word of a question matches, as found by <see cref="TriageIndex"/>.</summary>
internal sealed class QuestionAtoms
{
    private readonly int[][] _atoms;
    private readonly int[][] _weak;

    public QuestionAtoms(IReadOnlyList<TriageToken> tokens, int[][] atoms, int[][]? weak = null)
    {
        Tokens = tokens;
        _atoms = atoms;
        _weak = weak ?? new int[atoms.Length][];
    }

    public IReadOnlyList<TriageToken> Tokens { get; }

    public int Count => _atoms.Length;

    /// <summary>The ids of the atoms token <paramref name="token"/> matches, ascending.</summary>
    public ReadOnlySpan<int> At(int token) => _atoms[token];

    public bool Has(int token, int atom) => Array.BinarySearch(_atoms[token], atom) >= 0;

    /// <summary>
    /// The ids of the short atoms (five letters) token <paramref name="token"/> matches with one letter dropped
    /// ("snak" for "snake"): too weak alone, a pattern accepts one only beside a word that matched fully.
    /// </summary>
    public ReadOnlySpan<int> WeakAt(int token) => _weak[token] ?? [];

    public bool HasWeak(int token, int atom) => _weak[token] is { } ids && Array.BinarySearch(ids, atom) >= 0;
}

/// <summary>
/// Every lexicon's patterns behind one index of their words, so that a question costs a few dictionary
/// look-ups per word however many patterns there are. Whole words and prefixes are looked up by hash;
/// typos through a one-deletion index (a word and a one-typo variant of it always share a form with at
/// most one letter deleted; the forms are kept as hashes, so building it allocates no strings), each candidate then confirmed by <see cref="TriageAtom.Matches"/>, and only
/// for words that are not whole words of some pattern (a word of one language is not a typo of
/// another's). Only the patterns whose first word occurs in the question are tried. The matches are
/// those of trying every pattern at every word, in pattern order then position.
/// </summary>
internal sealed class TriageIndex
{
    private readonly List<TriageAtom> _atoms = [];
    private readonly TriagePattern[] _patterns;
    // Lists, not frozen arrays: copying 100,000 one-deletion entries into arrays cost a third of the build,
    // which is on the CLI's start path. They are never changed after the constructor.
    private readonly Dictionary<string, List<int>> _whole;
    private readonly Dictionary<string, List<int>>.AlternateLookup<ReadOnlySpan<char>> _prefixes;
    // One-deletion hash → atom id, or (negative) ~index of a list in _oneDeletedShared when several atoms share the
    // hash: most of the 100,000 entries hold one atom, and a list each was most of the index's build time.
    private readonly Dictionary<ulong, int> _oneDeleted = [];
    private readonly List<List<int>> _oneDeletedShared = [];
    private readonly Dictionary<string, List<int>> _shortDropped;
    private readonly int[][] _startingWith;
    private readonly int _longestPrefix;
    private readonly int _longestFuzzy;

    public TriageIndex(IReadOnlyList<TriagePattern> patterns)
    {
        _patterns = [.. patterns];

        // Equal atoms share an id. A lexicon shares one atom between its patterns, so each instance is seen once;
        // the ids are keyed by word, one map per (prefix, exact) kind.
        var ids = new[]
        {
            new Dictionary<string, int>(StringComparer.Ordinal), new Dictionary<string, int>(StringComparer.Ordinal),
            new Dictionary<string, int>(StringComparer.Ordinal), new Dictionary<string, int>(StringComparer.Ordinal),
        };
        var seen = new HashSet<TriageAtom>(ReferenceEqualityComparer.Instance);
        foreach (var pattern in _patterns)
        {
            foreach (var atom in pattern.Atoms)
            {
                if (!seen.Add(atom))
                {
                    continue;
                }

                var byWord = ids[(atom.Prefix ? 1 : 0) + (atom.Exact ? 2 : 0)];
                if (!byWord.TryGetValue(atom.Word, out var id))
                {
                    id = _atoms.Count;
                    byWord[atom.Word] = id;
                    _atoms.Add(atom);
                }

                atom.Id = id;
            }
        }

        var whole = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var prefixes = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var shortDropped = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        static void Add<TKey>(Dictionary<TKey, List<int>> map, TKey key, int id)
            where TKey : notnull
        {
            if (!map.TryGetValue(key, out var list))
            {
                map[key] = list = [];
            }

            if (list.Count == 0 || list[^1] != id)
            {
                list.Add(id);
            }
        }

        for (var id = 0; id < _atoms.Count; id++)
        {
            var atom = _atoms[id];
            Add(atom.Prefix ? prefixes : whole, atom.Word, id);
            if (atom.Prefix)
            {
                _longestPrefix = Math.Max(_longestPrefix, atom.Word.Length);
            }

            if (!atom.Exact && !atom.Prefix && atom.Word.Length == TriageAtom.FuzzyFrom - 1 && atom.Word.All(char.IsLetter))
            {
                for (var j = 0; j < atom.Word.Length; j++)
                {
                    Add(shortDropped, atom.Word.Remove(j, 1), id);
                }
            }

            if (atom.Fuzzy)
            {
                _longestFuzzy = Math.Max(_longestFuzzy, atom.Word.Length);
                for (var j = -1; j < atom.Word.Length; j++)
                {
                    AddOneDeleted(Hash(atom.Word, j), id);
                }
            }
        }

        _whole = whole;
        _prefixes = prefixes.GetAlternateLookup<ReadOnlySpan<char>>();
        _shortDropped = shortDropped;

        var startingWith = new List<int>[_atoms.Count];
        for (var ordinal = 0; ordinal < _patterns.Length; ordinal++)
        {
            foreach (var atom in _patterns[ordinal].FirstAtoms)
            {
                var list = startingWith[atom.Id] ??= [];
                if (list.Count == 0 || list[^1] != ordinal)
                {
                    list.Add(ordinal);
                }
            }
        }

        _startingWith = startingWith.Select(l => l?.ToArray() ?? []).ToArray();
    }

    public int AtomCount => _atoms.Count;

    public TriagePattern Pattern(int ordinal) => _patterns[ordinal];

    /// <summary>Finds the atoms each token matches.</summary>
    public QuestionAtoms Analyse(IReadOnlyList<TriageToken> tokens)
    {
        var result = new int[tokens.Count][];
        var weak = new int[tokens.Count][];
        var found = new List<int>();
        var candidates = new List<int>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i].Text;
            found.Clear();
            var known = _whole.TryGetValue(token, out var ids);
            if (known)
            {
                found.AddRange(ids!);
            }

            for (var p = 1; p <= Math.Min(token.Length, _longestPrefix); p++)
            {
                if (_prefixes.TryGetValue(token.AsSpan(0, p), out ids))
                {
                    found.AddRange(ids);
                }
            }

            // A word that some pattern has as a whole word (Spanish "sangre", "infarto") is not a typo of
            // another word (Italian "sangue", English "infarct*"): typos are looked for only in other words.
            // A typo match compares the whole token (words) or its first k letters (prefixes), with k at
            // least FuzzyFrom - 1 and at most the longest fuzzy word + 1: probe each such head and the head
            // with each letter deleted (by hash: a collision only adds a candidate that Matches rejects).
            candidates.Clear();
            for (var k = TriageAtom.FuzzyFrom - 1; k <= Math.Min(token.Length, _longestFuzzy + 1) && !known; k++)
            {
                var head = token.AsSpan(0, k);
                for (var j = -1; j < k; j++)
                {
                    if (_oneDeleted.TryGetValue(Hash(head, j), out var one))
                    {
                        if (one >= 0)
                        {
                            candidates.Add(one);
                        }
                        else
                        {
                            candidates.AddRange(_oneDeletedShared[~one]);
                        }
                    }
                }
            }

            foreach (var id in candidates)
            {
                if (!found.Contains(id) && _atoms[id].Matches(token))
                {
                    found.Add(id);
                }
            }

            found.Sort();
            result[i] = [.. found.Distinct()];

            // A five-letter pattern word with a letter dropped ("snak bite"): only for words that are not
            // themselves pattern words, and kept apart so that a pattern needs another, whole word beside it.
            if (!known && found.Count == 0 && _shortDropped.TryGetValue(token, out ids))
            {
                weak[i] = [.. ids];
            }
        }

        return new QuestionAtoms(tokens, result, weak);
    }

    /// <summary>FNV-1a hash of <paramref name="text"/> without the letter at <paramref name="skip"/> (-1: none).</summary>
    private void AddOneDeleted(ulong hash, int id)
    {
        if (!_oneDeleted.TryGetValue(hash, out var one))
        {
            _oneDeleted[hash] = id;
        }
        else if (one >= 0)
        {
            if (one != id)
            {
                _oneDeleted[hash] = ~_oneDeletedShared.Count;
                _oneDeletedShared.Add([one, id]);
            }
        }
        else if (_oneDeletedShared[~one][^1] != id)
        {
            _oneDeletedShared[~one].Add(id);
        }
    }

    private static ulong Hash(ReadOnlySpan<char> text, int skip)
    {
        var hash = 14695981039346656037UL;
        for (var i = 0; i < text.Length; i++)
        {
            if (i != skip)
            {
                hash = (hash ^ text[i]) * 1099511628211UL;
            }
        }

        return hash;
    }

    /// <summary>Every match of every pattern: (pattern ordinal, first token, last token), by ordinal then position.</summary>
    public List<(int Ordinal, int Start, int End)> Matches(QuestionAtoms question)
    {
        var tries = new List<long>();
        for (var i = 0; i < question.Count; i++)
        {
            foreach (var atom in question.At(i))
            {
                foreach (var ordinal in _startingWith[atom])
                {
                    tries.Add(((long)ordinal << 32) | (uint)i);
                }
            }

            foreach (var atom in question.WeakAt(i))
            {
                foreach (var ordinal in _startingWith[atom])
                {
                    tries.Add(((long)ordinal << 32) | (uint)i);
                }
            }
        }

        tries.Sort();
        var matches = new List<(int, int, int)>();
        var previous = -1L;
        foreach (var t in tries)
        {
            if (t == previous)
            {
                continue;
            }

            previous = t;
            var (ordinal, start) = ((int)(t >> 32), (int)(t & 0xFFFFFFFF));
            var end = _patterns[ordinal].MatchAt(question, start);
            if (end >= start)
            {
                matches.Add((ordinal, start, end));
            }
        }

        return matches;
    }
}
