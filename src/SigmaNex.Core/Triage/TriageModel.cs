using SigmaNex.Core.Resources;
using SigmaNex.Core.Text;

namespace SigmaNex.Core.Triage;

/// <summary>
/// Triage's learned second stage: two linear classifiers over hashed features of the message (folded words, word pairs
/// and the 3- to 5-letter pieces of each word), trained by <c>SigmaNex.Bench train-triage</c> on our own labelled
/// development messages (<c>evals/triage/dev.jsonl</c> and <c>evals-dev/triage-*.jsonl</c>, never a held-out test set):
/// the probability that a message describes an emergency, and, for an emergency, which category. Letter pieces carry
/// over to inflections, typos and phrasings no lexicon pattern names, which is where the rules miss on fresh text;
/// the rules keep what they are good at (the evidence, the protocol, negation and age). No model backend is involved:
/// the weights are a 1.5 MB resource, scored in microseconds.
/// </summary>
internal sealed class TriageModel
{
    /// <summary>Buckets of the emergency classifier's hashed features.</summary>
    public const int Buckets = 1 << 18;

    /// <summary>Buckets of the category classifier's hashed features (one row of weights per category).</summary>
    public const int CategoryBuckets = 1 << 16;

    public const string ResourcePath = "learned/triage.bin";
    private const string Magic = "SIGMA-TRIAGE-1";

    private readonly float[] _weights;
    private readonly float _bias;
    private readonly string[] _categories;
    private readonly float[][] _categoryWeights;
    private readonly float[] _categoryBias;

    public TriageModel(float[] weights, float bias, string[] categories, float[][] categoryWeights, float[] categoryBias)
    {
        if (weights.Length != Buckets || categoryWeights.Length != categories.Length || categoryBias.Length != categories.Length
            || categoryWeights.Any(w => w.Length != CategoryBuckets))
        {
            throw new ArgumentException("triage model: weights do not match the feature space");
        }

        _weights = weights;
        _bias = bias;
        _categories = categories;
        _categoryWeights = categoryWeights;
        _categoryBias = categoryBias;
    }

    /// <summary>The shipped model, or null when the build carries none (the rules then work alone).</summary>
    public static TriageModel? LoadDefault()
    {
        using var stream = EmbeddedResources.Open(ResourcePath);
        return stream is null ? null : Read(stream);
    }

    /// <summary>Hashed, L2-normalised features of a message: (hash, value) pairs; take the hash modulo the bucket count.</summary>
    public static List<(uint Hash, float Value)> Features(string text)
    {
        var counts = new Dictionary<uint, float>();
        void Add(uint hash, float weight) => counts[hash] = counts.GetValueOrDefault(hash) + weight;

        string? previous = null;
        foreach (var word in Words(TextFolding.Fold(text)))
        {
            Add(Hash("w:", word, default), 1f);
            if (previous is not null)
            {
                Add(Hash("b:", previous, word), 1f);
            }

            previous = word;
            foreach (var piece in PieceHashes(word))
            {
                Add(piece, 0.5f);
            }
        }

        var norm = MathF.Sqrt(counts.Values.Sum(v => v * v));
        return counts.Select(kv => (kv.Key, norm > 0 ? kv.Value / norm : 0f)).ToList();
    }

    /// <summary>The probability that the message describes an emergency.</summary>
    public double Probability(List<(uint Hash, float Value)> features)
    {
        var z = (double)_bias;
        foreach (var (hash, value) in features)
        {
            z += _weights[hash % Buckets] * value;
        }

        return Sigmoid(z);
    }

    /// <summary>The most likely category of an emergency, with its probability among the categories.</summary>
    public (string Category, double Probability) Category(List<(uint Hash, float Value)> features)
    {
        var scores = new double[_categories.Length];
        for (var c = 0; c < scores.Length; c++)
        {
            var z = (double)_categoryBias[c];
            var row = _categoryWeights[c];
            foreach (var (hash, value) in features)
            {
                z += row[hash % CategoryBuckets] * value;
            }

            scores[c] = z;
        }

        var best = 0;
        for (var c = 1; c < scores.Length; c++)
        {
            if (scores[c] > scores[best])
            {
                best = c;
            }
        }

        var max = scores[best];
        var sum = scores.Sum(s => Math.Exp(s - max));
        return (_categories[best], 1 / sum);
    }

    /// <summary>
    /// The message's words that pushed most towards an emergency (what to show as evidence): each word's weight with
    /// its letter pieces, function words of any language left out ("and", "his" carry the writers' style, not the case).
    /// </summary>
    public IReadOnlyList<string> StrongestWords(string text, int count)
    {
        string[] languages = ["en", "it", "es", "fr", "de"];
        return Words(TextFolding.Fold(text))
            .Where(w => w.Length >= 3 && !languages.Any(l => StopWords.IsStopWord(l, w)))
            .Distinct(StringComparer.Ordinal)
            .Select(w => (Word: w, Weight: WordWeight(w)))
            .Where(x => x.Weight > 0)
            .OrderByDescending(x => x.Weight)
            .Take(count)
            .Select(x => x.Word)
            .ToList();
    }

    /// <summary>
    /// The words within <paramref name="reach"/> words of any of the <paramref name="phrases"/> (the evidence of a rule
    /// match), in order: what the message says around the match, without the unrelated talk before or after it.
    /// Null when no phrase is found.
    /// </summary>
    public static string? Around(string text, IEnumerable<string> phrases, int reach)
    {
        var words = Words(TextFolding.Fold(text)).ToList();
        var keep = new bool[words.Count];
        var found = false;
        foreach (var phrase in phrases)
        {
            var target = Words(TextFolding.Fold(phrase)).ToList();
            for (var i = 0; target.Count > 0 && i + target.Count <= words.Count; i++)
            {
                if (words.Skip(i).Take(target.Count).SequenceEqual(target, StringComparer.Ordinal))
                {
                    found = true;
                    for (var j = Math.Max(0, i - reach); j < Math.Min(words.Count, i + target.Count + reach); j++)
                    {
                        keep[j] = true;
                    }
                }
            }
        }

        return found ? string.Join(' ', words.Where((_, i) => keep[i])) : null;
    }

    /// <summary>How many words the message has (as the features count them).</summary>
    public static int WordCount(string text) => Words(TextFolding.Fold(text)).Count();

    public static double Sigmoid(double z) => 1 / (1 + Math.Exp(-Math.Clamp(z, -30, 30)));

    /// <summary>Weights as 8-bit integers with one scale per row: a quarter of the size of floats, scores within a few thousandths.</summary>
    public void Write(Stream stream)
    {
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(Buckets);
        writer.Write(CategoryBuckets);
        writer.Write(_bias);
        WriteRow(writer, _weights);
        writer.Write(_categories.Length);
        for (var c = 0; c < _categories.Length; c++)
        {
            writer.Write(_categories[c]);
            writer.Write(_categoryBias[c]);
            WriteRow(writer, _categoryWeights[c]);
        }
    }

    public static TriageModel Read(Stream stream)
    {
        using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        if (reader.ReadString() != Magic || reader.ReadInt32() != Buckets || reader.ReadInt32() != CategoryBuckets)
        {
            throw new InvalidDataException($"{ResourcePath}: not a triage model of this version; rebuild it with 'SigmaNex.Bench train-triage'");
        }

        var bias = reader.ReadSingle();
        var weights = ReadRow(reader, Buckets);
        var count = reader.ReadInt32();
        var categories = new string[count];
        var categoryBias = new float[count];
        var categoryWeights = new float[count][];
        for (var c = 0; c < count; c++)
        {
            categories[c] = reader.ReadString();
            categoryBias[c] = reader.ReadSingle();
            categoryWeights[c] = ReadRow(reader, CategoryBuckets);
        }

        return new TriageModel(weights, bias, categories, categoryWeights, categoryBias);
    }

    private static void WriteRow(BinaryWriter writer, float[] row)
    {
        var scale = row.Max(MathF.Abs) / 127f;
        writer.Write(scale);
        var bytes = new byte[row.Length];
        for (var i = 0; i < row.Length; i++)
        {
            bytes[i] = (byte)(sbyte)(scale > 0 ? Math.Clamp(MathF.Round(row[i] / scale), -127, 127) : 0);
        }

        writer.Write(bytes);
    }

    private static float[] ReadRow(BinaryReader reader, int length)
    {
        var scale = reader.ReadSingle();
        var bytes = reader.ReadBytes(length);
        if (bytes.Length != length)
        {
            throw new InvalidDataException($"{ResourcePath}: truncated");
        }

        var row = new float[length];
        for (var i = 0; i < length; i++)
        {
            row[i] = (sbyte)bytes[i] * scale;
        }

        return row;
    }

    private float WordWeight(string word) =>
        _weights[Hash("w:", word, default) % Buckets] + (0.5f * PieceHashes(word).Sum(h => _weights[h % Buckets]));

    /// <summary>
    /// The hashes of " word " in pieces of 3 to 5 letters ("bleding" shares most of its pieces with "bleeding"); none
    /// for words over 64 letters.
    /// </summary>
    private static IEnumerable<uint> PieceHashes(string word)
    {
        if (word.Length > 64)
        {
            yield break;
        }

        var padded = " " + word + " ";
        for (var n = 3; n <= 5; n++)
        {
            for (var j = 0; j + n <= padded.Length; j++)
            {
                yield return Hash("c:", padded.AsSpan(j, n), default);
            }
        }
    }

    private static IEnumerable<string> Words(string folded)
    {
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var letter = i < folded.Length && char.IsLetterOrDigit(folded[i]);
            if (letter && start < 0)
            {
                start = i;
            }
            else if (!letter && start >= 0)
            {
                yield return folded[start..i];
                start = -1;
            }
        }
    }

    /// <summary>FNV-1a over a tag and one or two pieces of text (a separator between them).</summary>
    private static uint Hash(string tag, ReadOnlySpan<char> first, ReadOnlySpan<char> second)
    {
        var hash = 2166136261u;
        foreach (var c in tag)
        {
            hash = (hash ^ c) * 16777619u;
        }

        foreach (var c in first)
        {
            hash = (hash ^ c) * 16777619u;
        }

        if (!second.IsEmpty)
        {
            hash = (hash ^ '_') * 16777619u;
            foreach (var c in second)
            {
                hash = (hash ^ c) * 16777619u;
            }
        }

        return hash;
    }
}
