using System.Globalization;
using SigmaNex.Core.Context;

namespace SigmaNex.Core.Translation;

/// <summary>
/// Translates with a Marian model for one language pair: the text is cut into sentences (line breaks and
/// paragraphs kept), protected terms become number placeholders, the sentences go through the model in padded
/// batches, and a sentence whose protected terms did not all come back exactly once stays in the source language
/// with a notice.
/// </summary>
public sealed class MarianTranslator : ITranslator
{
    private readonly MarianModel _model;
    private readonly TermProtector _protector;

    public MarianTranslator(string from, string to, MarianModel model, TermProtector protector)
    {
        From = from;
        To = to;
        _model = model;
        _protector = protector;
    }

    public string From { get; }

    public string To { get; }

    public string Engine => $"marian:{From}-{To}";

    public string ModelKey => _model.Fingerprint;

    /// <summary>Sentences per model run (more is faster per sentence but pads more).</summary>
    public int BatchSize { get; init; } = 8;

    /// <summary>A sentence longer than this (in tokens) is cut into pieces; defaults to the model's limit.</summary>
    public int? MaxSentenceTokens { get; init; }

    public Task<TranslationResult> TranslateAsync(TranslationRequest request, CancellationToken cancellationToken) =>
        Task.Run(() => Translate(request, cancellationToken), cancellationToken);

    private TranslationResult Translate(TranslationRequest request, CancellationToken cancellationToken)
    {
        var beams = request.BeamWidth ?? _model.Config.NumBeams;
        var segments = TextSegmenter.Split(request.Text);
        var output = segments.Select(s => s.Text).ToArray();
        var notices = new List<string>();
        var work = new List<(int Segment, ProtectedText Text, List<string> Pieces)>();
        for (var i = 0; i < segments.Count; i++)
        {
            if (!segments[i].IsSentence)
            {
                continue;
            }

            var masked = _protector.Protect(segments[i].Text, From, To, PlaceholderStyle.Number);
            if (!masked.NeedsTranslation)
            {
                output[i] = masked.Restore(masked.Masked).Text ?? segments[i].Text;
                continue;
            }

            work.Add((i, masked, Cut(masked.Masked)));
        }

        // Every piece of every sentence, batched by length so that padding stays small.
        var pieces = work.SelectMany((w, wi) => w.Pieces.Select((p, pi) => (Work: wi, Piece: pi, Text: p, Ids: _model.Encode(p)))).ToList();
        var translated = work.Select(w => new string[w.Pieces.Count]).ToArray();
        foreach (var batch in pieces.OrderBy(p => p.Ids.Count).Chunk(Math.Max(1, BatchSize)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var maxNew = batch.Max(p => p.Ids.Count) * 3 + 10;
            var ids = _model.Generate(batch.Select(p => p.Ids).ToList(), beams, maxNew, cancellationToken);
            for (var j = 0; j < batch.Length; j++)
            {
                translated[batch[j].Work][batch[j].Piece] = _model.Decode(ids[j]);
            }
        }

        var fellBack = false;
        for (var w = 0; w < work.Count; w++)
        {
            var restored = work[w].Text.Restore(string.Join(' ', translated[w]));
            if (restored.Ok)
            {
                output[work[w].Segment] = restored.Text!;
            }
            else
            {
                fellBack = true;
                notices.Add(string.Create(CultureInfo.InvariantCulture,
                    $"sentence {w + 1} was left in {LanguageNames.English(From)}: {restored.Problem}"));
            }
        }

        return new TranslationResult(string.Concat(output), From, To, Engine, fellBack, notices);
    }

    /// <summary>A sentence the encoder can take whole, or cut at commas and then at spaces to fit.</summary>
    private List<string> Cut(string sentence)
    {
        var limit = Math.Max(4, (MaxSentenceTokens ?? _model.MaxInputTokens) - 1);
        if (_model.Pieces(sentence).Count <= limit)
        {
            return [sentence];
        }

        var result = new List<string>();
        var current = string.Empty;
        foreach (var word in sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = current.Length == 0 ? word : $"{current} {word}";
            if (current.Length > 0 && _model.Pieces(candidate).Count > limit)
            {
                result.Add(current);
                current = word;
            }
            else
            {
                current = candidate;
            }

            if (current.EndsWith(',') || current.EndsWith(';'))
            {
                result.Add(current);
                current = string.Empty;
            }
        }

        if (current.Length > 0)
        {
            result.Add(current);
        }

        return result;
    }
}
