// TinyGguf.cs - writes a tiny, random-weight, llama-architecture GGUF v3 model for tests.
//
// The file loads in llama.cpp (and so in LLamaSharp) like a real model: architecture "llama", F32 tensors,
// a SentencePiece-style ("llama") byte-fallback vocabulary that can encode any UTF-8 text, BOS/EOS/UNK
// control tokens and a ChatML chat template. Weights are random (seeded), so the generated text is
// gibberish, but it is deterministic for a given seed with greedy sampling.
//
// Two properties are built into the weights so that tests get useful output:
//   * Control tokens (<unk>, <s>, </s>) and non-printable byte tokens (0x00-0x1F, 0x7F-0xFF) get a very
//     negative logit, whatever the input: generation never stops early on EOS and the decoded text is
//     always printable ASCII (so it is never empty and never contains broken UTF-8).
//     How: embedding dimension 0 is a constant +1 for every token and no layer ever writes to it
//     (row 0 of attn_output and ffn_down is zero), so after the final RMSNorm that dimension is always
//     positive; output.weight has a large negative value in column 0 for the suppressed tokens only.
//   * Everything else is small uniform noise, so logits stay finite and well-conditioned.
//
// Layout (see ggml docs/gguf.md): header, metadata KVs, tensor infos, zero padding to general.alignment,
// then tensor data, each tensor starting at a multiple of the alignment. All values little-endian.
// Dimensions are in ggml order (ne[0] is the contiguous, innermost dimension): a weight used as
// y = W x with x of length n_in and y of length n_out is stored as {n_in, n_out}, row-major by output.

using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace SigmaNex.Tests;

public static class TinyGguf
{
    // Hyper-parameters. n_embd / n_head = head dim = rope dimension count (llama.cpp checks this for "llama").
    public const int EmbeddingLength = 64;
    public const int BlockCount = 2;
    public const int HeadCount = 4;
    public const int HeadCountKv = 4;
    public const int FeedForwardLength = 128;
    public const int ContextLength = 256;
    public const int HeadDim = EmbeddingLength / HeadCount;

    public const int UnkId = 0;
    public const int BosId = 1;
    public const int EosId = 2;
    public const int FirstByteId = 3; // <0x00> .. <0xFF> are ids 3 .. 258

    private const uint Alignment = 32;

    // GGUF metadata value types.
    private const uint TUInt32 = 4, TInt32 = 5, TFloat32 = 6, TBool = 7, TString = 8, TArray = 9;

    // llama.cpp token types.
    private const int TokNormal = 1, TokUnknown = 2, TokControl = 3, TokByte = 6;

    /// <summary>Number of tokens in the vocabulary written by <see cref="Write"/>.</summary>
    public static int VocabSize => BuildVocab().Count;

    /// <summary>Writes the model to <paramref name="path"/>. Same seed, same bytes.</summary>
    public static void Write(string path, int seed = 1234)
    {
        var vocab = BuildVocab();
        int nVocab = vocab.Count;
        var rng = new SplitMix64((ulong)(uint)seed);

        // ---- tensors (name, ggml dims, data) ----
        var tensors = new List<(string Name, long[] Dims, float[] Data)>();

        // token_embd {n_embd, n_vocab}: row t = embedding of token t; dim 0 is the constant "bias" channel.
        var tokEmbd = Uniform(rng, EmbeddingLength * nVocab, 0.5f);
        for (int t = 0; t < nVocab; t++) tokEmbd[t * EmbeddingLength] = 1.0f;
        tensors.Add(("token_embd.weight", [EmbeddingLength, nVocab], tokEmbd));

        float wScale = 1.0f / MathF.Sqrt(EmbeddingLength);
        float ffScale = 1.0f / MathF.Sqrt(FeedForwardLength);
        int kvDim = HeadDim * HeadCountKv;
        for (int l = 0; l < BlockCount; l++)
        {
            string b = $"blk.{l}.";
            tensors.Add((b + "attn_norm.weight", [EmbeddingLength], Ones(EmbeddingLength)));
            tensors.Add((b + "attn_q.weight", [EmbeddingLength, HeadDim * HeadCount], Uniform(rng, EmbeddingLength * HeadDim * HeadCount, wScale)));
            tensors.Add((b + "attn_k.weight", [EmbeddingLength, kvDim], Uniform(rng, EmbeddingLength * kvDim, wScale)));
            tensors.Add((b + "attn_v.weight", [EmbeddingLength, kvDim], Uniform(rng, EmbeddingLength * kvDim, wScale)));
            var wo = Uniform(rng, HeadDim * HeadCount * EmbeddingLength, wScale);
            Array.Clear(wo, 0, HeadDim * HeadCount); // output row 0: never write to the constant channel
            tensors.Add((b + "attn_output.weight", [HeadDim * HeadCount, EmbeddingLength], wo));
            tensors.Add((b + "ffn_norm.weight", [EmbeddingLength], Ones(EmbeddingLength)));
            tensors.Add((b + "ffn_gate.weight", [EmbeddingLength, FeedForwardLength], Uniform(rng, EmbeddingLength * FeedForwardLength, wScale)));
            tensors.Add((b + "ffn_up.weight", [EmbeddingLength, FeedForwardLength], Uniform(rng, EmbeddingLength * FeedForwardLength, wScale)));
            var down = Uniform(rng, FeedForwardLength * EmbeddingLength, ffScale);
            Array.Clear(down, 0, FeedForwardLength); // output row 0: never write to the constant channel
            tensors.Add((b + "ffn_down.weight", [FeedForwardLength, EmbeddingLength], down));
        }

        tensors.Add(("output_norm.weight", [EmbeddingLength], Ones(EmbeddingLength)));

        // output {n_embd, n_vocab}: row t = logit weights of token t.
        var output = Uniform(rng, EmbeddingLength * nVocab, wScale * 4f);
        for (int t = 0; t < nVocab; t++)
            output[t * EmbeddingLength] = vocab[t].Suppressed ? -1000f : 0f;
        tensors.Add(("output.weight", [EmbeddingLength, nVocab], output));

        // ---- metadata ----
        var meta = new MemoryStream();
        var mw = new BinaryWriter(meta, Encoding.UTF8); // BinaryWriter is always little-endian
        int kvCount = 0;
        void Key(string k, uint type) { WriteString(mw, k); mw.Write(type); kvCount++; }
        void U32(string k, uint v) { Key(k, TUInt32); mw.Write(v); }
        void F32(string k, float v) { Key(k, TFloat32); mw.Write(v); }
        void Str(string k, string v) { Key(k, TString); WriteString(mw, v); }
        void Bool(string k, bool v) { Key(k, TBool); mw.Write((byte)(v ? 1 : 0)); }

        Str("general.architecture", "llama");
        Str("general.name", "sigma-nex-tiny-test");
        U32("general.alignment", Alignment);
        U32("general.file_type", 0); // ALL_F32
        U32("llama.context_length", ContextLength);
        U32("llama.embedding_length", EmbeddingLength);
        U32("llama.block_count", BlockCount);
        U32("llama.feed_forward_length", FeedForwardLength);
        U32("llama.attention.head_count", HeadCount);
        U32("llama.attention.head_count_kv", HeadCountKv);
        U32("llama.rope.dimension_count", HeadDim);
        F32("llama.rope.freq_base", 10000f);
        F32("llama.attention.layer_norm_rms_epsilon", 1e-5f);
        U32("llama.vocab_size", (uint)nVocab);

        Str("tokenizer.ggml.model", "llama");
        Key("tokenizer.ggml.tokens", TArray);
        mw.Write(TString); mw.Write((ulong)nVocab);
        foreach (var v in vocab) WriteString(mw, v.Text);
        Key("tokenizer.ggml.scores", TArray);
        mw.Write(TFloat32); mw.Write((ulong)nVocab);
        foreach (var v in vocab) mw.Write(v.Score);
        Key("tokenizer.ggml.token_type", TArray);
        mw.Write(TInt32); mw.Write((ulong)nVocab);
        foreach (var v in vocab) mw.Write(v.Type);
        U32("tokenizer.ggml.unknown_token_id", UnkId);
        U32("tokenizer.ggml.bos_token_id", BosId);
        U32("tokenizer.ggml.eos_token_id", EosId);
        Bool("tokenizer.ggml.add_bos_token", true);
        Bool("tokenizer.ggml.add_eos_token", false);
        Str("tokenizer.chat_template",
            "{% for message in messages %}{{ '<|im_start|>' + message['role'] + '\n' + message['content'] + '<|im_end|>' + '\n' }}{% endfor %}" +
            "{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}");
        mw.Flush();

        // ---- assemble file ----
        using var fs = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        using var w = new BinaryWriter(fs, Encoding.UTF8);
        w.Write((byte)'G'); w.Write((byte)'G'); w.Write((byte)'U'); w.Write((byte)'F');
        w.Write(3u);                      // version
        w.Write((ulong)tensors.Count);    // tensor_count
        w.Write((ulong)kvCount);          // metadata_kv_count
        w.Flush();
        meta.Position = 0;
        meta.CopyTo(fs);

        ulong offset = 0; // relative to the start of the tensor data section
        foreach (var t in tensors)
        {
            WriteString(w, t.Name);
            w.Write((uint)t.Dims.Length);
            foreach (var d in t.Dims) w.Write((ulong)d);
            w.Write(0u);                  // GGML_TYPE_F32
            w.Write(offset);
            offset = Align(offset + (ulong)t.Data.Length * 4);
        }
        Pad(w);

        foreach (var t in tensors)
        {
            foreach (var f in t.Data) w.Write(f);
            Pad(w);
        }
        w.Flush();
    }

    private record struct Tok(string Text, float Score, int Type, bool Suppressed);

    private static List<Tok> BuildVocab()
    {
        var v = new List<Tok>
        {
            new("<unk>", 0f, TokUnknown, true),
            new("<s>", 0f, TokControl, true),
            new("</s>", 0f, TokControl, true),
        };
        for (int b = 0; b < 256; b++)
        {
            bool printable = b >= 0x20 && b < 0x7F;
            v.Add(new($"<0x{b:X2}>", 0f, TokByte, !printable)); // upper-case hex, as llama.cpp looks them up
        }

        // A few normal SentencePiece pieces ('▁' = U+2581 stands for a space). Longer pieces get higher
        // scores so the SPM merge loop prefers them; anything not covered falls back to the byte tokens.
        var pieces = new List<string> { "\u2581" };
        for (char c = 'a'; c <= 'z'; c++) pieces.Add(c.ToString());
        for (char c = 'A'; c <= 'Z'; c++) pieces.Add(c.ToString());
        for (char c = '0'; c <= '9'; c++) pieces.Add(c.ToString());
        foreach (var s in new[] { ".", ",", "?", "!", "'", "-", ":" }) pieces.Add(s);
        foreach (var s in new[] { "\u2581t", "\u2581a", "\u2581s", "\u2581b", "\u2581d", "\u2581I", "\u2581H",
                                  "th", "he", "in", "er", "an", "on", "ed", "ng", "st", "op", "do", "ow",
                                  "\u2581th", "\u2581the", "ing", "\u2581st", "\u2581stop", "\u2581do", "\u2581How" })
            pieces.Add(s);
        for (int i = 0; i < pieces.Count; i++)
            v.Add(new(pieces[i], -100f + pieces[i].Length * 10f - i * 0.01f, TokNormal, false));
        return v;
    }

    private static void WriteString(BinaryWriter w, string s)
    {
        var bytes = Encoding.UTF8.GetBytes(s);
        w.Write((ulong)bytes.Length);
        w.Write(bytes);
    }

    private static ulong Align(ulong x) => (x + Alignment - 1) / Alignment * Alignment;

    private static void Pad(BinaryWriter w)
    {
        w.Flush();
        long pos = w.BaseStream.Position;
        long pad = (long)Align((ulong)pos) - pos;
        for (long i = 0; i < pad; i++) w.Write((byte)0);
    }

    private static float[] Ones(int n)
    {
        var a = new float[n];
        Array.Fill(a, 1f);
        return a;
    }

    private static float[] Uniform(SplitMix64 rng, int n, float scale)
    {
        var a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float)(rng.NextDouble() * 2.0 - 1.0) * scale;
        return a;
    }

    // Small deterministic PRNG (independent of System.Random's implementation details).
    private sealed class SplitMix64(ulong seed)
    {
        private ulong _state = seed;

        public double NextDouble()
        {
            ulong z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return (z >> 11) * (1.0 / (1UL << 53));
        }
    }
}
