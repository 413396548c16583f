using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Numerics.Tensors;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.Tokenizers;

namespace SigmaNex.Core.Translation;

/// <summary>
/// A Marian (opus-mt) translation model exported to ONNX with Hugging Face Optimum: <c>encoder_model.onnx</c>,
/// <c>decoder_model.onnx</c> (or <c>decoder_model_merged.onnx</c>, run without its cache branch),
/// <c>source.spm</c>, <c>target.spm</c>, <c>vocab.json</c> and <c>config.json</c>.
/// Text is cut into pieces with <c>source.spm</c> and the pieces are looked up in <c>vocab.json</c>
/// (the model's ids are not SentencePiece's). Generation is greedy or beam search over a padded batch.
/// The sessions are thread-safe and live as long as this object.
/// </summary>
public sealed class MarianModel : IDisposable
{
    public const string EncoderFile = "encoder_model.onnx";
    public const string DecoderFile = "decoder_model.onnx";
    public const string MergedDecoderFile = "decoder_model_merged.onnx";
    public const string SourceSpmFile = "source.spm";
    public const string TargetSpmFile = "target.spm";
    public const string VocabFile = "vocab.json";
    public const string ConfigFile = "config.json";

    /// <summary>The files a model folder must hold (one of the two decoders is enough).</summary>
    public static readonly IReadOnlyList<string> RequiredFiles = [EncoderFile, SourceSpmFile, TargetSpmFile, VocabFile, ConfigFile];

    private readonly InferenceSession _encoder;
    private readonly InferenceSession _decoder;
    private readonly SentencePieceTokenizer _source;
    private readonly Dictionary<string, int> _vocab;
    private readonly string[] _pieces;
    private readonly string _encoderOutput;
    private readonly bool _decoderTakesMask;
    private readonly bool _merged;
    private readonly List<(string Name, long[] Shape)> _emptyPast = [];
    private long _encoderRuns;
    private long _decoderRuns;

    private MarianModel(string folder, string label, MarianConfig config, Dictionary<string, int> vocab, SentencePieceTokenizer source,
        InferenceSession encoder, InferenceSession decoder, bool merged, string fingerprint)
    {
        Folder = folder;
        Label = label;
        Config = config;
        _vocab = vocab;
        _source = source;
        _encoder = encoder;
        _decoder = decoder;
        _merged = merged;
        Fingerprint = fingerprint;
        _pieces = new string[Math.Max(vocab.Values.Max() + 1, config.VocabSize ?? 0)];
        foreach (var (piece, id) in vocab)
        {
            _pieces[id] ??= piece;
        }

        UnkId = vocab.TryGetValue("<unk>", out var unk) ? unk : throw Problem(label, $"{VocabFile} has no <unk> entry");
        EosId = config.EosTokenId ?? (vocab.TryGetValue("</s>", out var eos) ? eos : throw Problem(label, $"{ConfigFile} has no eos_token_id and {VocabFile} no </s>"));
        PadId = config.PadTokenId ?? (vocab.TryGetValue("<pad>", out var pad) ? pad : throw Problem(label, $"{ConfigFile} has no pad_token_id and {VocabFile} no <pad>"));
        DecoderStartId = config.DecoderStartTokenId ?? PadId;

        _encoderOutput = encoder.OutputMetadata.ContainsKey("last_hidden_state") ? "last_hidden_state" : encoder.OutputMetadata.Keys.First();
        _decoderTakesMask = decoder.InputMetadata.ContainsKey("encoder_attention_mask");
        foreach (var (name, meta) in decoder.InputMetadata)
        {
            if (name.StartsWith("past_key_values", StringComparison.Ordinal))
            {
                // [batch, heads, past_length, head_dim]: batch is filled per run, the past is empty.
                _emptyPast.Add((name, meta.Dimensions.Select(d => (long)Math.Max(d, 0)).ToArray()));
            }
        }
    }

    /// <summary>The model folder (full path).</summary>
    public string Folder { get; }

    /// <summary>How errors name this model: "Marian model &lt;folder&gt;".</summary>
    public string Label { get; }

    public MarianConfig Config { get; }

    /// <summary>Size and write time of every model file, hashed: changes when the model is replaced.</summary>
    public string Fingerprint { get; }

    public int UnkId { get; }

    public int EosId { get; }

    public int PadId { get; }

    public int DecoderStartId { get; }

    /// <summary>Whether the merged decoder (run with <c>use_cache_branch</c> false) is used.</summary>
    public bool UsesMergedDecoder => _merged;

    /// <summary>The longest input (tokens, with the closing &lt;/s&gt;) the encoder accepts.</summary>
    public int MaxInputTokens => Config.MaxPositions;

    /// <summary>How many times the encoder has run (each run encodes one batch).</summary>
    public long EncoderRuns => Interlocked.Read(ref _encoderRuns);

    /// <summary>How many times the decoder has run (one run per generated position per batch).</summary>
    public long DecoderRuns => Interlocked.Read(ref _decoderRuns);

    /// <summary>Loads and checks a model folder; every problem is a <see cref="SigmaException"/> naming the file.</summary>
    public static MarianModel Load(string folder, string? label = null)
    {
        var full = Path.GetFullPath(folder);
        var name = label ?? $"Marian model {full}";
        if (!Directory.Exists(full))
        {
            throw Problem(name, "the folder does not exist");
        }

        foreach (var file in RequiredFiles)
        {
            if (!File.Exists(Path.Combine(full, file)))
            {
                throw Problem(name, $"{file} is missing");
            }
        }

        var decoderFile = File.Exists(Path.Combine(full, DecoderFile)) ? DecoderFile
            : File.Exists(Path.Combine(full, MergedDecoderFile)) ? MergedDecoderFile
            : throw Problem(name, $"{DecoderFile} is missing (or {MergedDecoderFile})");

        var config = ReadJson(full, name, ConfigFile, MarianConfig.Parse);
        var vocab = ReadJson(full, name, VocabFile, ParseVocab);
        var source = ReadSpm(full, name, SourceSpmFile);
        ReadSpm(full, name, TargetSpmFile);
        var fingerprint = ComputeFingerprint([EncoderFile, decoderFile, .. RequiredFiles.Skip(1)], full);

        var encoder = OpenSession(full, name, EncoderFile, ["input_ids", "attention_mask"], []);
        InferenceSession decoder;
        try
        {
            decoder = OpenSession(full, name, decoderFile, ["input_ids", "encoder_hidden_states"], ["logits"]);
        }
        catch
        {
            encoder.Dispose();
            throw;
        }

        try
        {
            return new MarianModel(full, name, config, vocab, source, encoder, decoder, decoderFile == MergedDecoderFile, fingerprint);
        }
        catch
        {
            encoder.Dispose();
            decoder.Dispose();
            throw;
        }
    }

    /// <summary>The SentencePiece pieces of a text, as <c>source.spm</c> cuts it.</summary>
    public IReadOnlyList<string> Pieces(string text)
    {
        var tokens = _source.EncodeToTokens(text, out _, addBeginningOfSentence: false, addEndOfSentence: false);
        var pieces = tokens.Select(t => t.Value).ToList();
        if (pieces.Count == 0 && !string.IsNullOrWhiteSpace(text))
        {
            // The tokenizer drops a text made of one unknown character; the model should still see it.
            pieces.Add("<unk>");
        }

        return pieces;
    }

    /// <summary>The model's input ids for a text: pieces looked up in vocab.json (unknown → &lt;unk&gt;), then &lt;/s&gt;.</summary>
    public IReadOnlyList<int> Encode(string text)
    {
        var ids = Pieces(text).Select(p => _vocab.TryGetValue(p, out var id) ? id : UnkId).ToList();
        if (ids.Count >= MaxInputTokens)
        {
            ids.RemoveRange(MaxInputTokens - 1, ids.Count - (MaxInputTokens - 1));
        }

        ids.Add(EosId);
        return ids;
    }

    /// <summary>Text from output ids: special ids dropped, ids turned into pieces through vocab.json, ▁ made a space.</summary>
    public string Decode(IEnumerable<int> ids)
    {
        var text = new StringBuilder();
        foreach (var id in ids)
        {
            if (id == EosId || id == PadId || id == DecoderStartId || id == UnkId || id < 0 || id >= _pieces.Length || _pieces[id] is not { } piece)
            {
                continue;
            }

            text.Append(piece);
        }

        return text.Replace('\u2581', ' ').ToString().Trim();
    }

    /// <summary>Translates texts in one batch; the result has one string per input, in order.</summary>
    public IReadOnlyList<string> Translate(IReadOnlyList<string> texts, int beams, CancellationToken cancellationToken) =>
        Generate(texts.Select(Encode).ToList(), beams, null, cancellationToken).Select(Decode).ToList();

    /// <summary>
    /// Generates output ids (without the start token and &lt;/s&gt;) for a batch of encoded inputs, padded on the
    /// right with an attention mask. <paramref name="beams"/> 1 is greedy search; more is beam search with
    /// Hugging Face's length penalty and stopping rule.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<int>> Generate(IReadOnlyList<IReadOnlyList<int>> inputs, int beams, int? maxNewTokens, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(beams, 1);
        if (inputs.Count == 0)
        {
            return [];
        }

        var batch = inputs.Count;
        var srcLen = inputs.Max(i => i.Count);
        var ids = new long[batch * srcLen];
        var mask = new long[batch * srcLen];
        for (var b = 0; b < batch; b++)
        {
            for (var s = 0; s < srcLen; s++)
            {
                var present = s < inputs[b].Count;
                ids[b * srcLen + s] = present ? inputs[b][s] : PadId;
                mask[b * srcLen + s] = present ? 1 : 0;
            }
        }

        var (hidden, width) = RunEncoder(ids, mask, batch, srcLen);
        var rows = batch * beams;
        var hiddenRows = new float[rows * srcLen * width];
        var maskRows = new long[rows * srcLen];
        for (var r = 0; r < rows; r++)
        {
            var b = r / beams;
            hidden.AsSpan(b * srcLen * width, srcLen * width).CopyTo(hiddenRows.AsSpan(r * srcLen * width));
            mask.AsSpan(b * srcLen, srcLen).CopyTo(maskRows.AsSpan(r * srcLen));
        }

        // max_length counts the start token; a cap on new tokens keeps a confused model from running on.
        var limit = Math.Max(1, Config.MaxLength - 1);
        var maxSteps = Math.Min(limit, maxNewTokens ?? limit);
        var search = new BeamSearch(batch, beams, DecoderStartId, EosId, Config.LengthPenalty);
        using var hiddenValue = OrtValue.CreateTensorValueFromMemory(hiddenRows, [rows, srcLen, width]);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(maskRows, [rows, srcLen]);
        for (var step = 0; step < maxSteps && !search.Done; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var tgtLen = step + 1;
            var decoderIds = new long[rows * tgtLen];
            for (var r = 0; r < rows; r++)
            {
                var seq = search.Sequence(r);
                for (var t = 0; t < tgtLen; t++)
                {
                    decoderIds[r * tgtLen + t] = seq[t];
                }
            }

            var logProbs = RunDecoder(decoderIds, rows, tgtLen, hiddenValue, maskValue);
            search.Step(logProbs, forceEos: step == maxSteps - 1);
        }

        return search.Best();
    }

    public void Dispose()
    {
        _encoder.Dispose();
        _decoder.Dispose();
    }

    private (float[] Hidden, int Width) RunEncoder(long[] ids, long[] mask, int batch, int srcLen)
    {
        long[] shape = [batch, srcLen];
        using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        var feed = new Dictionary<string, OrtValue>(StringComparer.Ordinal) { ["input_ids"] = idsValue, ["attention_mask"] = maskValue };
        using var run = new RunOptions();
        using var outputs = _encoder.Run(run, feed, [_encoderOutput]);
        Interlocked.Increment(ref _encoderRuns);
        var width = (int)outputs[0].GetTensorTypeAndShape().Shape[^1];
        return (outputs[0].GetTensorDataAsSpan<float>().ToArray(), width);
    }

    /// <summary>Log-probabilities of the next token for every row: [rows, vocab], &lt;pad&gt; never allowed.</summary>
    private float[][] RunDecoder(long[] decoderIds, int rows, int tgtLen, OrtValue hidden, OrtValue mask)
    {
        using var idsValue = OrtValue.CreateTensorValueFromMemory(decoderIds, [rows, tgtLen]);
        var feed = new Dictionary<string, OrtValue>(StringComparer.Ordinal) { ["input_ids"] = idsValue, ["encoder_hidden_states"] = hidden };
        if (_decoderTakesMask)
        {
            feed["encoder_attention_mask"] = mask;
        }

        var extra = new List<OrtValue>();
        try
        {
            if (_merged)
            {
                var branch = OrtValue.CreateTensorValueFromMemory(new[] { false }, [1]);
                extra.Add(branch);
                feed["use_cache_branch"] = branch;
            }

            foreach (var (name, shape) in _emptyPast)
            {
                var s = (long[])shape.Clone();
                s[0] = rows;
                s[2] = 0;
                var past = OrtValue.CreateAllocatedTensorValue(OrtAllocator.DefaultInstance, Microsoft.ML.OnnxRuntime.Tensors.TensorElementType.Float, s);
                extra.Add(past);
                feed[name] = past;
            }

            using var run = new RunOptions();
            using var outputs = _decoder.Run(run, feed, ["logits"]);
            Interlocked.Increment(ref _decoderRuns);
            var logits = outputs[0].GetTensorDataAsSpan<float>();
            var vocab = (int)outputs[0].GetTensorTypeAndShape().Shape[^1];
            var result = new float[rows][];
            for (var r = 0; r < rows; r++)
            {
                var row = logits.Slice(((r * tgtLen) + tgtLen - 1) * vocab, vocab).ToArray();
                if (PadId < vocab)
                {
                    row[PadId] = float.NegativeInfinity;
                }

                // log_softmax, stable: x - max - log(sum(exp(x - max))).
                var max = TensorPrimitives.Max(row);
                TensorPrimitives.Subtract(row, max, row);
                var scratch = new float[vocab];
                TensorPrimitives.Exp(row, scratch);
                var logSum = MathF.Log(TensorPrimitives.Sum(scratch));
                TensorPrimitives.Subtract(row, logSum, row);
                result[r] = row;
            }

            return result;
        }
        finally
        {
            foreach (var v in extra)
            {
                v.Dispose();
            }
        }
    }

    private static Dictionary<string, int> ParseVocab(string json)
    {
        var vocab = JsonSerializer.Deserialize<Dictionary<string, int>>(json)
            ?? throw new FormatException("it is empty (null)");
        if (vocab.Count == 0)
        {
            throw new FormatException("it has no entries");
        }

        if (vocab.Values.Any(v => v < 0))
        {
            throw new FormatException("it has a negative id");
        }

        return vocab;
    }

    private static T ReadJson<T>(string folder, string label, string file, Func<string, T> parse)
    {
        string text;
        try
        {
            text = File.ReadAllText(Path.Combine(folder, file));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Problem(label, $"{file} cannot be read: {ex.Message}", ex);
        }

        try
        {
            return parse(text);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" (line {line + 1})" : string.Empty;
            throw Problem(label, $"{file} is not valid JSON{where}", ex);
        }
        catch (FormatException ex)
        {
            throw Problem(label, $"{file} is not usable: {ex.Message}", ex);
        }
    }

    private static SentencePieceTokenizer ReadSpm(string folder, string label, string file)
    {
        try
        {
            using var stream = File.OpenRead(Path.Combine(folder, file));
            return SentencePieceTokenizer.Create(stream, false, false);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or IOException
            or UnauthorizedAccessException or NotSupportedException or Google.Protobuf.InvalidProtocolBufferException)
        {
            throw Problem(label, $"{file} is not a valid SentencePiece model ({FirstLine(ex.Message)})", ex);
        }
    }

    private static InferenceSession OpenSession(string folder, string label, string file, string[] inputs, string[] outputs)
    {
        InferenceSession session;
        try
        {
            var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL, IntraOpNumThreads = Environment.ProcessorCount };
            session = new InferenceSession(Path.Combine(folder, file), options);
        }
        catch (OnnxRuntimeException ex)
        {
            throw Problem(label, $"{file} could not be loaded: {FirstLine(ex.Message)}", ex);
        }

        var missing = inputs.Where(i => !session.InputMetadata.ContainsKey(i))
            .Concat(outputs.Where(o => !session.OutputMetadata.ContainsKey(o))).ToList();
        if (missing.Count > 0)
        {
            var has = string.Join(", ", session.InputMetadata.Keys.Concat(session.OutputMetadata.Keys));
            session.Dispose();
            throw Problem(label, $"{file} is not a Marian {(file == EncoderFile ? "encoder" : "decoder")}: it lacks {string.Join(", ", missing)} (it has {has})");
        }

        return session;
    }

    private static string ComputeFingerprint(IEnumerable<string> files, string folder)
    {
        var text = new StringBuilder();
        foreach (var f in files)
        {
            var info = new FileInfo(Path.Combine(folder, f));
            text.Append(f).Append(':').Append(info.Length).Append(':').Append(info.LastWriteTimeUtc.Ticks).Append(';');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..12];
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();

    private static SigmaException Problem(string label, string what, Exception? inner = null) =>
        SigmaException.Config($"{label}: {what}", inner);
}
