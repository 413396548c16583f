using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.Tokenizers;

namespace SigmaNex.Core.Retrieval.Embeddings;

/// <summary>
/// A sentence-embedding model exported to ONNX (MiniLM, E5, BGE and friends), from a folder holding
/// <c>model.onnx</c> and its tokenizer: <c>vocab.txt</c> (BERT WordPiece) or a SentencePiece model
/// (<c>sentencepiece.bpe.model</c>, <c>tokenizer.model</c>, <c>spiece.model</c>). Token vectors are
/// mean-pooled over the attention mask and L2-normalised, unless the model outputs a sentence embedding itself.
/// </summary>
public sealed class OnnxEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    public const string ProviderName = "onnx";

    private static readonly string[] s_sentencePieceFiles = ["sentencepiece.bpe.model", "tokenizer.model", "spiece.model", "source.spm"];

    private readonly InferenceSession _session;
    private readonly Tokenizer _tokenizer;
    private readonly int _padId;
    private readonly bool _hasTokenTypes;
    private readonly string _output;
    private readonly bool _pooled;
    private readonly EmbeddingGeneratorMetadata _metadata;

    public OnnxEmbeddingGenerator(string folder, int maxTokens = 256)
    {
        Folder = Path.GetFullPath(folder);
        MaxTokens = maxTokens;
        if (!Directory.Exists(Folder))
        {
            throw SigmaException.Config($"retrieval.embedding_model: the folder {Folder} does not exist");
        }

        var model = Path.Combine(Folder, "model.onnx");
        if (!File.Exists(model))
        {
            throw SigmaException.Config($"retrieval.embedding_model: {model} is missing (an ONNX embedding folder needs model.onnx and vocab.txt or a SentencePiece model)");
        }

        (_tokenizer, _padId) = LoadTokenizer(Folder);
        try
        {
            var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL, IntraOpNumThreads = Environment.ProcessorCount };
            _session = new InferenceSession(model, options);
        }
        catch (OnnxRuntimeException ex)
        {
            throw SigmaException.Config($"retrieval.embedding_model: {model} is not a valid ONNX model ({ex.Message.Split('\n')[0]})", ex);
        }

        var inputs = _session.InputMetadata.Keys.ToHashSet(StringComparer.Ordinal);
        if (!inputs.Contains("input_ids") || !inputs.Contains("attention_mask"))
        {
            throw SigmaException.Config($"retrieval.embedding_model: {model} must take input_ids and attention_mask (it takes {string.Join(", ", inputs)})");
        }

        _hasTokenTypes = inputs.Contains("token_type_ids");
        var outputs = _session.OutputMetadata;
        (_output, _pooled) = outputs.ContainsKey("sentence_embedding") ? ("sentence_embedding", true)
            : outputs.ContainsKey("last_hidden_state") ? ("last_hidden_state", false)
            : outputs.First() is var first && first.Value.Dimensions.Length == 2 ? (first.Key, true) : (first.Key, false);
        var declared = outputs[_output].Dimensions[^1];
        Dimensions = declared > 0 ? declared : EmbedBatch(["dimension probe"])[0].Length;
        _metadata = new EmbeddingGeneratorMetadata(ProviderName, null, ModelId(Folder, model), Dimensions);
    }

    public string Folder { get; }

    public int MaxTokens { get; }

    public int Dimensions { get; }

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var inputs = values.ToList();
        var result = new GeneratedEmbeddings<Embedding<float>>(inputs.Count);
        for (var start = 0; start < inputs.Count; start += 32)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var v in EmbedBatch(inputs.Skip(start).Take(32).ToList()))
            {
                result.Add(new Embedding<float>(v));
            }
        }

        return Task.FromResult(result);
    }

    /// <summary>The token ids the model sees for a text (with special tokens, truncated).</summary>
    public IReadOnlyList<int> Tokenize(string text)
    {
        var ids = _tokenizer.EncodeToIds(text).ToList();
        if (_tokenizer is BertTokenizer bert)
        {
            // Sentence-transformer BERT models are trained on "[CLS] text [SEP]".
            ids = [bert.ClassificationTokenId, .. ids, bert.SeparatorTokenId];
        }

        if (ids.Count > MaxTokens)
        {
            // Keep the closing special token (BERT's [SEP], SentencePiece's </s>) when truncating.
            ids = [.. ids.Take(MaxTokens - 1), ids[^1]];
        }

        return ids;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
        : serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose() => _session.Dispose();

    private float[][] EmbedBatch(IReadOnlyList<string> texts)
    {
        var tokenized = texts.Select(Tokenize).ToList();
        var batch = tokenized.Count;
        var length = Math.Max(1, tokenized.Max(t => t.Count));
        var ids = new long[batch * length];
        var mask = new long[batch * length];
        for (var b = 0; b < batch; b++)
        {
            for (var i = 0; i < length; i++)
            {
                var present = i < tokenized[b].Count;
                ids[b * length + i] = present ? tokenized[b][i] : _padId;
                mask[b * length + i] = present ? 1 : 0;
            }
        }

        long[] shape = [batch, length];
        using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var typesValue = OrtValue.CreateTensorValueFromMemory(new long[batch * length], shape);
        var feed = new Dictionary<string, OrtValue>(StringComparer.Ordinal) { ["input_ids"] = idsValue, ["attention_mask"] = maskValue };
        if (_hasTokenTypes)
        {
            feed["token_type_ids"] = typesValue;
        }

        using var run = new RunOptions();
        using var outputs = _session.Run(run, feed, [_output]);
        var output = outputs[0];
        var data = output.GetTensorDataAsSpan<float>();
        var dims = output.GetTensorTypeAndShape().Shape;
        var width = (int)dims[^1];
        var vectors = new float[batch][];
        for (var b = 0; b < batch; b++)
        {
            var v = new float[width];
            if (_pooled)
            {
                data.Slice(b * width, width).CopyTo(v);
            }
            else
            {
                var count = 0;
                for (var i = 0; i < length; i++)
                {
                    if (mask[b * length + i] == 1)
                    {
                        TensorPrimitives.Add(v, data.Slice((b * length + i) * width, width), v);
                        count++;
                    }
                }

                TensorPrimitives.Divide(v, Math.Max(1, count), v);
            }

            var norm = TensorPrimitives.Norm(v);
            if (norm > 0)
            {
                TensorPrimitives.Divide(v, norm, v);
            }

            vectors[b] = v;
        }

        return vectors;
    }

    private static (Tokenizer Tokenizer, int PadId) LoadTokenizer(string folder)
    {
        var vocab = Path.Combine(folder, "vocab.txt");
        try
        {
            if (File.Exists(vocab))
            {
                var bert = BertTokenizer.Create(vocab, new BertOptions { LowerCaseBeforeTokenization = true });
                return (bert, bert.PaddingTokenId);
            }

            var spm = s_sentencePieceFiles.Select(f => Path.Combine(folder, f)).FirstOrDefault(File.Exists)
                ?? throw SigmaException.Config($"retrieval.embedding_model: no tokenizer in {folder} (expected vocab.txt or one of {string.Join(", ", s_sentencePieceFiles)})");
            using var stream = File.OpenRead(spm);
            var sp = SentencePieceTokenizer.Create(stream, true, true);
            var pad = sp.Vocabulary.TryGetValue("<pad>", out var p) ? p : 0;
            return (sp, pad);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or IOException or Google.Protobuf.InvalidProtocolBufferException)
        {
            throw SigmaException.Config($"retrieval.embedding_model: the tokenizer in {folder} could not be read ({ex.Message})", ex);
        }
    }

    private static string ModelId(string folder, string model) =>
        $"{Path.GetFileName(folder)}@{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(model)))[..12]}";
}
