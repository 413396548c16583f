using System.Text;
using SigmaNex.Core.Safety;

namespace SigmaNex.Core.Pipeline;

/// <summary>
/// Sits between the model's token stream and the reader: releases text a sentence at a time after the
/// safety checks, and ends a model's medical answer with the when-to-get-help line and the disclaimer.
/// Text composed from the protocols (not streamed) passes straight through.
/// </summary>
internal sealed class SafeAnswerStream
{
    private readonly SafetyChecker _checker;
    private readonly SafetyContext _context;
    private readonly SentenceBuffer _buffer = new();
    private readonly StringBuilder _text = new();

    public SafeAnswerStream(SafetyChecker checker, SafetyContext context)
    {
        _checker = checker;
        _context = context;
    }

    /// <summary>The model's answer as the reader saw it (corrected), epilogue included.</summary>
    public string Text => _text.ToString();

    public List<SafetyCorrection> Corrections { get; } = [];

    public IEnumerable<AnswerEvent> Process(AnswerEvent e)
    {
        if (e is TextEvent { Streamed: true } token)
        {
            foreach (var sentence in _buffer.Add(token.Text))
            {
                yield return Checked(sentence);
            }

            yield break;
        }

        if (e is TextEvent)
        {
            // The knowledge base took over: a model sentence left half-finished is dropped.
            _buffer.Flush();
            _text.Clear();
        }

        yield return e;
    }

    public IEnumerable<AnswerEvent> Complete(bool modelAnswered)
    {
        if (!modelAnswered)
        {
            _buffer.Flush();
            yield break;
        }

        var rest = _buffer.Flush();
        if (rest.Length > 0)
        {
            yield return Checked(rest);
        }

        var epilogue = _checker.Epilogue(_text.ToString(), _context);
        if (epilogue.Length > 0)
        {
            _text.Append(epilogue);
            yield return new TextEvent(epilogue, Streamed: true);
        }
    }

    private TextEvent Checked(string sentence)
    {
        var (text, correction) = _checker.CheckSentence(sentence, _context);
        if (correction is not null)
        {
            Corrections.Add(correction);
        }

        _text.Append(text);
        return new TextEvent(text, Streamed: true);
    }
}
