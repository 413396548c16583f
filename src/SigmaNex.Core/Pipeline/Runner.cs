using System.Diagnostics;
using System.Runtime.CompilerServices;
using SigmaNex.Core.Configuration;
using SigmaNex.Core.Knowledge;
using SigmaNex.Core.Language;
using SigmaNex.Core.Llm;
using SigmaNex.Core.Retrieval;
using SigmaNex.Core.Security;
using SigmaNex.Core.Storage;
using SigmaNex.Core.Triage;

namespace SigmaNex.Core.Pipeline;

/// <summary>
/// Takes a question through the pipeline — validation, language, triage, retrieval, composition — and
/// streams the answer. An emergency's protocol card is always the first item of the stream.
/// </summary>
public sealed class Runner
{
    private readonly KnowledgeStore _store;
    private readonly Retriever _retriever;
    private readonly TriageClassifier _triage;
    private readonly ILanguageDetector _detector;
    private readonly SigmaOptions _options;

    public Runner(KnowledgeStore store, Retriever retriever, TriageClassifier triage, ILanguageDetector detector, SigmaOptions options)
    {
        _store = store;
        _retriever = retriever;
        _triage = triage;
        _detector = detector;
        _options = options;
    }

    public async Task<AnswerResult> AskAsync(AskRequest request, CancellationToken cancellationToken)
    {
        await foreach (var e in StreamAsync(request, cancellationToken).ConfigureAwait(false))
        {
            if (e is CompletedEvent done)
            {
                return done.Result;
            }
        }

        throw new InvalidOperationException("the answer stream ended without a result");
    }

    public async IAsyncEnumerable<AnswerEvent> StreamAsync(AskRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var timings = new Dictionary<string, double>(StringComparer.Ordinal);
        var total = Stopwatch.StartNew();
        var clock = Stopwatch.StartNew();
        var notices = new List<string>();
        var question = QueryValidator.Validate(request.Question, _options.Security.MaxQueryLength);
        var language = ResolveLanguage(request.Language, question);
        var phrases = Phrases.For(language);
        timings["validate"] = Lap(clock);

        var triage = _triage.Classify(question, language);
        timings["triage"] = Lap(clock);

        ProtocolCard? card = null;
        if (triage.Detected && triage.ProtocolId is { } protocolId && LoadProtocol(protocolId, language) is { } protocol)
        {
            var contact = EmergencyNumbers.For(_options.Region);
            card = KnowledgeComposer.Card(protocol, triage, contact, Phrases.For(protocol.Language == language ? language : phrases.Language));
            timings["card"] = Lap(clock);
            yield return new EmergencyCardEvent(triage, card, contact);
        }

        IReadOnlyList<SearchHit> hits = [];
        var retrieve = request.RetrievalEnabled && _options.RetrievalEnabled && _options.Retrieval.Enabled;
        if (retrieve)
        {
            var result = await _retriever.SearchAsync(
                new SearchRequest
                {
                    Query = question,
                    TopK = request.TopK ?? _options.Retrieval.TopK,
                    Languages = SearchLanguages(language),
                    Medical = triage.Detected,
                    Hybrid = _options.Retrieval.Hybrid,
                },
                cancellationToken).ConfigureAwait(false);
            hits = result.Hits;
            foreach (var (k, v) in result.TimingsMs)
            {
                timings["retrieval." + k] = v;
            }

            clock.Restart();
        }
        else
        {
            notices.Add("retrieval is off: the knowledge base was not searched");
        }

        var composed = retrieve || card is null
            ? KnowledgeComposer.Compose(hits, _store.GetDocument, phrases, card?.ProtocolId)
            : new ComposedAnswer(string.Empty, []);
        var text = composed.Text;
        timings["compose"] = Lap(clock);
        var sources = Sources(composed.Used, hits, card);
        yield return new SourcesEvent(sources);
        foreach (var n in notices)
        {
            yield return new NoticeEvent(n);
        }

        if (text.Length > 0)
        {
            yield return new TextEvent(text);
        }

        var answer = card is null ? text : string.Join("\n\n", new[] { card.CallLine, card.CrisisLine, card.Markdown, text }.Where(s => !string.IsNullOrEmpty(s)));
        timings["total"] = Math.Round(total.Elapsed.TotalMilliseconds, 3);
        yield return new CompletedEvent(new AnswerResult
        {
            Answer = answer,
            Language = language,
            Backend = "knowledge",
            Emergency = triage,
            Card = card,
            Sources = sources,
            TimingsMs = timings,
            Notices = notices,
        });
    }

    /// <summary>The answer language: forced by the request or config, else detected, else the default.</summary>
    public string ResolveLanguage(string? requested, string question)
    {
        if (!string.IsNullOrWhiteSpace(requested))
        {
            return requested.ToLowerInvariant();
        }

        if (!string.Equals(_options.Language, "auto", StringComparison.OrdinalIgnoreCase))
        {
            return _options.Language.ToLowerInvariant();
        }

        var guess = _detector.Detect(question);
        return guess.IsKnown ? guess.Language : _options.DefaultLanguage;
    }

    private static List<string> SearchLanguages(string language) =>
        new[] { language }.Concat(ProtocolLibrary.Languages).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>A protocol in the reader's language, else English, else any translation.</summary>
    private Protocol? LoadProtocol(string id, string language)
    {
        foreach (var lang in new[] { language, "en" }.Distinct(StringComparer.Ordinal))
        {
            if (_store.GetDocument(Protocol.DocumentIdFor(id, lang)) is { Protocol: { } p })
            {
                return p;
            }
        }

        return _store.GetGroup(id).Select(d => _store.GetDocument(d.Id)?.Protocol).FirstOrDefault(p => p is not null);
    }

    private static List<SourceReference> Sources(IReadOnlyList<SearchHit> used, IReadOnlyList<SearchHit> hits, ProtocolCard? card)
    {
        var list = new List<SourceReference>();
        if (card is not null)
        {
            var hit = hits.FirstOrDefault(h => h.GroupId == card.ProtocolId);
            list.Add(new SourceReference
            {
                Id = card.DocumentId,
                Title = card.Title,
                Category = card.Category,
                Score = hit?.Score ?? 0,
                Kind = nameof(DocumentKind.Protocol),
                Language = card.Language,
            });
        }

        foreach (var h in used)
        {
            if (card is not null && h.GroupId == card.ProtocolId)
            {
                continue;
            }

            list.Add(new SourceReference
            {
                Id = h.DocumentId,
                Title = h.Title,
                Category = h.Category,
                Score = h.Score,
                Kind = h.Kind.ToString(),
                Language = h.Language,
                Attribution = h.Attribution,
                Url = h.Url,
            });
        }

        return list;
    }

    private static double Lap(Stopwatch clock)
    {
        var ms = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        return Math.Round(ms, 3);
    }
}
