using System.Buffers.Binary;
using SigmaNex.Core.Resources;

namespace SigmaNex.Core.Language;

/// <summary>
/// Per-language Bloom filters of dictionary words (<c>Resources/language/words.bin</c>, built by
/// tools/language/make_wordsets.py from Debian's word lists and hunspell dictionaries): answers
/// "might this folded word be a word of language L?" with a false-positive rate of about 2% and no
/// false negatives for the words kept. Only hashes ship, never the words. Loaded once, on first use.
/// </summary>
internal sealed class WordSets
{
    private static readonly Lazy<WordSets> s_default = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, Filter> _filters;

    private WordSets(Dictionary<string, Filter> filters)
    {
        _filters = filters;
    }

    public static WordSets Default => s_default.Value;

    /// <summary>An empty set of filters: no language has word evidence.</summary>
    public static WordSets Empty { get; } = new([]);

    /// <summary>The filter of <paramref name="language"/>, or null when it has none.</summary>
    public Filter? For(string language) => _filters.GetValueOrDefault(language);

    /// <summary>FNV-1a 64 over the UTF-16 code units, one 16-bit step per char.</summary>
    public static ulong Hash(ReadOnlySpan<char> word)
    {
        var h = 0xCBF29CE484222325UL;
        foreach (var c in word)
        {
            h = unchecked((h ^ c) * 0x100000001B3UL);
        }

        return h;
    }

    public static WordSets Parse(ReadOnlySpan<byte> data)
    {
        if (data.Length < 6 || !data[..4].SequenceEqual("SNWB"u8) || data[4] != 1)
        {
            throw new InvalidOperationException("language words.bin: bad header");
        }

        var count = data[5];
        var filters = new Dictionary<string, Filter>(StringComparer.Ordinal);
        var at = 6;
        for (var i = 0; i < count; i++)
        {
            if (at + 12 > data.Length)
            {
                throw new InvalidOperationException("language words.bin: truncated");
            }

            var language = string.Create(2, (data[at], data[at + 1]), static (s, b) => (s[0], s[1]) = ((char)b.Item1, (char)b.Item2));
            int hashes = data[at + 2];
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(data[(at + 8)..]);
            at += 12;
            var bytes = (int)(bits / 8);
            if (bits == 0 || bits % 64 != 0 || at + bytes > data.Length || hashes is < 1 or > 16)
            {
                throw new InvalidOperationException($"language words.bin: bad filter for '{language}'");
            }

            var words = new ulong[bytes / 8];
            for (var w = 0; w < words.Length; w++)
            {
                words[w] = BinaryPrimitives.ReadUInt64LittleEndian(data[(at + (w * 8))..]);
            }

            filters[language] = new Filter(words, bits, hashes);
            at += bytes;
        }

        return new WordSets(filters);
    }

    private static WordSets Load()
    {
        using var stream = EmbeddedResources.Open("language/words.bin");
        if (stream is null)
        {
            return Empty;
        }

        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return Parse(memory.GetBuffer().AsSpan(0, (int)memory.Length));
    }

    /// <summary>One language's Bloom filter.</summary>
    internal sealed class Filter(ulong[] words, uint bits, int hashes)
    {
        /// <summary>Whether the word whose <see cref="Hash"/> is <paramref name="hash"/> may be in the set.</summary>
        public bool MayContain(ulong hash)
        {
            var h1 = (uint)hash;
            var h2 = (uint)(hash >> 32) | 1;
            for (var i = 0; i < hashes; i++)
            {
                var j = unchecked(h1 + ((uint)i * h2)) % bits;
                if ((words[j >> 6] & (1UL << (int)(j & 63))) == 0)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
