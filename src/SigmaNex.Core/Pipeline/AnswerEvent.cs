using SigmaNex.Core.Triage;

namespace SigmaNex.Core.Pipeline;

/// <summary>An item of the Runner's answer stream. Every interface renders the stream in order.</summary>
public abstract record AnswerEvent;

/// <summary>
/// An emergency's protocol card, with the number to call. When triage detects an emergency this is
/// always the first item of the stream, before retrieval finishes and before any model token.
/// </summary>
public sealed record EmergencyCardEvent(TriageResult Triage, ProtocolCard Card, EmergencyContact Contact) : AnswerEvent;

/// <summary>The sources the answer draws on.</summary>
public sealed record SourcesEvent(IReadOnlyList<SourceReference> Sources) : AnswerEvent;

/// <summary>
/// A piece of answer text: one streamed model token (<paramref name="Streamed"/>), or a whole composed answer.
/// </summary>
public sealed record TextEvent(string Text, bool Streamed = false) : AnswerEvent;

/// <summary>Something the user should know (a backend skipped, a fallback, a language notice).</summary>
public sealed record NoticeEvent(string Message) : AnswerEvent;

/// <summary>The last item: the complete answer and everything about it.</summary>
public sealed record CompletedEvent(AnswerResult Result) : AnswerEvent;
