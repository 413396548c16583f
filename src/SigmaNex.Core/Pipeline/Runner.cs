using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using SigmaNex.Core.Configuration;
using SigmaNex.Core.Context;
using SigmaNex.Core.Knowledge;
using SigmaNex.Core.Language;
using SigmaNex.Core.Llm;
using SigmaNex.Core.Retrieval;
using SigmaNex.Core.Safety;
using SigmaNex.Core.Security;
using SigmaNex.Core.Storage;
using SigmaNex.Core.Translation;
using SigmaNex.Core.Triage;

namespace SigmaNex.Core.Pipeline;

/// <summary>
/// Takes a question through the whole pipeline — validation, language, triage, retrieval, context,
/// generation with fallback, history — and streams the answer. An emergency's protocol card is always
/// the first item of the stream, before retrieval finishes and before any model token.
/// </summary>
public sealed class Runner
{
    private readonly KnowledgeStore _store;
    private readonly Retriever _retriever;
    private readonly TriageClassifier _triage;
    private readonly ILanguageDetector _detector;
    private readonly ContextBuilder _context;
    private readonly AnswerGenerator _generator;
    private readonly BackendCatalog _backends;
    private readonly ConversationStore _conversations;
    private readonly SigmaOptions _options;
    private readonly TimeProvider _time;
    private readonly TranslationService? _translation;
    private readonly SafetyChecker _safety = new(DrugGlossary.Default);

    public Runner(
        KnowledgeStore store, Retriever retriever, TriageClassifier triage, ILanguageDetector detector, ContextBuilder context,
        AnswerGenerator generator, BackendCatalog backends, ConversationStore conversations, SigmaOptions options, TimeProvider time,
        TranslationService? translation = null)
    {
        _translation = translation;
        _store = store;
        _retriever = retriever;
        _triage = triage;
        _detector = detector;
        _context = context;
        _generator = generator;
        _backends = backends;
        _conversations = conversations;
        _options = options;
        _time = time;
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
        var deadline = _time.GetUtcNow() + TimeSpan.FromSeconds(_options.RequestTimeout);
        var total = Stopwatch.StartNew();
        var clock = Stopwatch.StartNew();
        var notices = new List<string>();
        var question = QueryValidator.Validate(request.Question, _options.Security.MaxQueryLength);
        var order = _backends.Order(request.Backend);
        var history = LoadHistory(request.ConversationId);
        var language = ResolveLanguage(request.Language, question);
        var local = new Localization(language, _translation, _options.TranslationEnabled);
        var phrases = local.Phrases;
        timings["validate"] = Lap(clock);

        var triage = _triage.Classify(question, language);
        timings["triage"] = Lap(clock);

        ProtocolCard? card = null;
        var contact = EmergencyNumbers.For(_options.Region);
        if (triage.Detected && triage.ProtocolId is { } protocolId && LoadProtocol(protocolId, language) is { } protocol)
        {
            // The card must not wait for a chat model: only a local Marian model may translate it.
            var shown = await local.LocalizeAsync(protocol, localOnly: true, cancellationToken).ConfigureAwait(false);
            card = KnowledgeComposer.Card(shown, triage, contact, phrases);
            if (local.ContentNotice() is { } languageNotice)
            {
                card = card with
                {
                    Language = ReferenceEquals(shown, protocol) ? protocol.Language : language,
                    Markdown = $"_{languageNotice}_\n\n{card.Markdown}",
                };
            }

            local.ForgetShown();
            timings["card"] = Lap(clock);
            yield return new EmergencyCardEvent(triage, card, contact);
        }

        IReadOnlyList<SearchHit> hits = [];
        var retrieve = request.RetrievalEnabled && _options.RetrievalEnabled && _options.Retrieval.Enabled;
        if (retrieve)
        {
            var query = await local.SearchQueryAsync(question, cancellationToken).ConfigureAwait(false);
            if (!local.Native)
            {
                timings["translate"] = Lap(clock);
                foreach (var n in local.Notices)
                {
                    notices.Add(n);
                    yield return new NoticeEvent(n);
                }

                local.Notices.Clear();
            }

            SearchRequest Search(string text) => new()
            {
                Query = text,
                TopK = request.TopK ?? _options.Retrieval.TopK,
                Languages = local.SearchLanguages,
                Medical = triage.Detected,
                Hybrid = _options.Retrieval.Hybrid,
                Hints = triage.ProtocolId is { } hint ? [hint] : [],
            };
            var result = await _retriever.SearchAsync(Search(query), cancellationToken).ConfigureAwait(false);
            foreach (var (k, v) in result.TimingsMs)
            {
                timings["retrieval." + k] = v;
            }

            clock.Restart();
            if (!triage.Detected && FollowUp.Context(history, question, language, result, local.SearchLanguages) is { } earlier)
            {
                // "And if I have no fire?" means nothing alone: search it together with the questions it follows.
                var combined = await local.SearchQueryAsync(earlier + "\n" + question, cancellationToken).ConfigureAwait(false);
                result = await _retriever.SearchAsync(Search(combined), cancellationToken).ConfigureAwait(false);
                timings["retrieval.follow_up"] = Lap(clock);
            }

            hits = result.Hits;
        }
        else
        {
            notices.Add("retrieval is off: the knowledge base was not searched");
            yield return new NoticeEvent(notices[^1]);
        }

        var relevant = hits.Where(KnowledgeComposer.IsRelevant).ToList();

        // Grounding, the safety checks and the composer read the same few documents: once each per question.
        var documents = new Dictionary<string, KnowledgeDocument?>(StringComparer.Ordinal);
        KnowledgeDocument? Document(string id) =>
            documents.TryGetValue(id, out var doc) ? doc : documents[id] = _store.GetDocument(id);
        var strategy = triage.Detected ? Strategy.Emergency
            : relevant.Any(h => Categories.IsMedical(h.Category) || h.Kind == DocumentKind.QuestionAnswer) ? Strategy.Medical
            : Strategy.General;
        var prompt = _context.Build(new PromptRequest
        {
            Question = question,
            Language = language,
            Strategy = strategy,
            Grounding = relevant.Select(h => Ground(h, Document)).OfType<GroundingItem>().ToList(),
            History = history,
            ContextWindow = _options.ContextWindow,
            MaxTokens = _options.MaxTokens,
            Values = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["emergency_number"] = contact.Number,
                ["category"] = triage.Category?.Replace('_', ' ') ?? "emergency",
                ["card_title"] = card?.Title ?? string.Empty,
            },
        });
        timings["context"] = Lap(clock);

        var safety = new SafeAnswerStream(_safety, new SafetyContext
        {
            Protocols = SafetyProtocols(relevant, card, Document),
            Grounding = string.Join("\n\n", prompt.Messages.Select(m => m.Text)) + (card is null ? string.Empty : "\n" + card.Markdown),
            Language = language,
            Medical = strategy != Strategy.General,
            Contact = contact,
            Phrases = phrases,
        });
        var outcome = new GenerationOutcome();
        var generation = new GenerationRequest
        {
            Order = order,
            Messages = prompt.Messages,
            Grounding = new Grounding(retrieve ? hits : [], local.Native ? Document : id => LocalizedDocument(id, local, cancellationToken), phrases, card?.ProtocolId),
            MaxTokens = prompt.AnswerTokens,
            ContextWindow = _options.ContextWindow,
            Temperature = _options.Temperature,
            Stop = _options.Stop ?? [],
            Deadline = deadline,
        };
        string? languageNoticeShown = null;
        var safetyClock = new Stopwatch();
        await foreach (var e in _generator.GenerateAsync(generation, outcome, cancellationToken).ConfigureAwait(false))
        {
            if (!timings.ContainsKey("first_event"))
            {
                timings["first_event"] = Math.Round(total.Elapsed.TotalMilliseconds, 3);
            }

            // Composed from protocols in another language: say so, in the reader's language, before the text.
            if (languageNoticeShown is null && e is TextEvent { Streamed: false } && local.ContentNotice() is { } languageNotice)
            {
                languageNoticeShown = $"_{languageNotice}_";
                yield return new TextEvent(languageNoticeShown + "\n\n");
            }

            safetyClock.Start();
            var checkedEvents = safety.Process(e).ToList();
            safetyClock.Stop();
            foreach (var checkedEvent in checkedEvents)
            {
                yield return checkedEvent;
            }
        }

        var modelAnswered = outcome.Backend != BackendNames.Knowledge;
        safetyClock.Start();
        var closing = safety.Complete(modelAnswered).ToList();
        safetyClock.Stop();
        timings["safety"] = Math.Round(safetyClock.Elapsed.TotalMilliseconds, 3);
        foreach (var e in closing)
        {
            yield return e;
        }

        if (modelAnswered)
        {
            outcome.Text = safety.Text;
        }

        foreach (var c in safety.Corrections)
        {
            var notice = $"safety: {(c.Kind == SafetyCorrection.Contradiction ? "replaced" : "removed")} a sentence because {c.Reason}";
            notices.Add(notice);
            yield return new NoticeEvent(notice);
        }

        timings["generate"] = Lap(clock);
        if (languageNoticeShown is not null && outcome.Backend == BackendNames.Knowledge)
        {
            outcome.Text = languageNoticeShown + "\n\n" + outcome.Text;
        }

        notices.AddRange(local.Notices);
        notices.AddRange(outcome.Notices);
        var sources = outcome.Backend == BackendNames.Knowledge
            ? Sources(outcome.Used ?? [], card)
            : Sources(relevant.Where(h => prompt.GroundingIncluded.Contains(h.DocumentId)).ToList(), card);
        var answer = card is null
            ? outcome.Text
            : string.Join("\n\n", new[] { card.CallLine, card.CrisisLine, card.Markdown, outcome.Text }.Where(s => !string.IsNullOrWhiteSpace(s)));

        var conversationId = Save(request, question, answer, outcome.Backend, language, sources, triage, notices);
        timings["total"] = Math.Round(total.Elapsed.TotalMilliseconds, 3);
        yield return new SourcesEvent(sources);
        yield return new CompletedEvent(new AnswerResult
        {
            Answer = answer,
            Language = language,
            Backend = outcome.Backend,
            Model = outcome.Model,
            Strategy = strategy.ToString().ToLowerInvariant(),
            Emergency = triage,
            Card = card,
            Sources = sources,
            TimingsMs = timings,
            Notices = notices,
            ConversationId = conversationId,
            Safety = safety.Corrections,
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

    private List<ConversationTurn> LoadHistory(string? conversationId)
    {
        if (conversationId is null)
        {
            return [];
        }

        var conversation = _conversations.Get(conversationId, lastTurns: _options.MaxHistory)
            ?? throw SigmaException.NotFound($"no conversation '{conversationId}' (see 'sigma history list')");
        return conversation.Turns.Select(t => new ConversationTurn(t.Question, t.Answer)).ToList();
    }

    private string? Save(AskRequest request, string question, string answer, string backend, string language, IReadOnlyList<SourceReference> sources, TriageResult triage, List<string> notices)
    {
        if (!request.Persist || !_options.History.Enabled || _store.Database.ReadOnly)
        {
            return null;
        }

        var id = request.ConversationId ?? ConversationStore.NewId();
        try
        {
            _conversations.Append(id, new StoredTurn(
                0, question, answer, backend, language, sources.Select(s => s.Id).ToList(),
                triage.Detected ? triage.Category : null, _time.GetUtcNow()));
            return id;
        }
        catch (SigmaException ex)
        {
            notices.Add($"the conversation was not saved: {ex.Message}");
            return null;
        }
    }

    /// <summary>The protocols whose "do not" rules an answer must respect: the card's and those retrieved.</summary>
    private static List<Protocol> SafetyProtocols(IEnumerable<SearchHit> relevant, ProtocolCard? card, Func<string, KnowledgeDocument?> load)
    {
        var ids = relevant.Where(h => h.Kind == DocumentKind.Protocol).Select(h => h.DocumentId).ToList();
        if (card is not null)
        {
            ids.Insert(0, card.DocumentId);
        }

        return ids.Distinct(StringComparer.Ordinal).Select(id => load(id)?.Protocol).OfType<Protocol>().ToList();
    }

    /// <summary>A hit as text for the model: protocols in full, documents as their matching chunk.</summary>
    private GroundingItem? Ground(SearchHit hit, Func<string, KnowledgeDocument?> load)
    {
        var doc = load(hit.DocumentId);
        if (doc?.Protocol is { } p)
        {
            return new GroundingItem(hit.DocumentId, hit.Title, KnowledgeComposer.Render(p, Phrases.For(p.Language)));
        }

        var chunk = _store.GetChunks([hit.ChunkId]).FirstOrDefault();
        var text = chunk?.Text ?? hit.Snippet;
        if (doc?.Attribution is { } credit)
        {
            text += $"\n(Source: {credit})";
        }

        return new GroundingItem(hit.DocumentId, hit.Title, text);
    }

    /// <summary>A document for the knowledge-only composer, its protocol in the reader's language when a translator can do it.</summary>
    private KnowledgeDocument? LocalizedDocument(string id, Localization local, CancellationToken cancellationToken)
    {
        var doc = _store.GetDocument(id);
        if (doc?.Protocol is not { } p || p.Language == local.Language)
        {
            return doc;
        }

        // The composer is synchronous; translation runs on the CPU (Marian) or a local server, with no UI thread to block.
        return doc with { Protocol = local.LocalizeAsync(p, localOnly: false, cancellationToken).GetAwaiter().GetResult() };
    }

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

    private List<SourceReference> Sources(IReadOnlyList<SearchHit> used, ProtocolCard? card)
    {
        var list = new List<SourceReference>();
        if (card is not null)
        {
            list.Add(new SourceReference
            {
                Id = card.DocumentId,
                Title = card.Title,
                Category = card.Category,
                Score = used.FirstOrDefault(h => h.GroupId == card.ProtocolId)?.Score ?? 0,
                Kind = nameof(DocumentKind.Protocol),
                Language = card.Language,
            });
        }

        foreach (var h in used.Where(h => card is null || h.GroupId != card.ProtocolId))
        {
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
