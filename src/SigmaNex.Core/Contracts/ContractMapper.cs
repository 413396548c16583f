using SigmaNex.Core.Pipeline;
using SigmaNex.Core.Retrieval;
using SigmaNex.Core.Triage;

namespace SigmaNex.Core.Contracts;

/// <summary>Maps engine results onto the public JSON contracts.</summary>
public static class ContractMapper
{
    public static AskResponse ToResponse(AnswerResult r) => new()
    {
        Answer = r.Answer,
        Language = r.Language,
        Backend = r.Backend,
        Model = r.Model,
        Strategy = r.Strategy,
        ConversationId = r.ConversationId,
        Emergency = ToEmergency(r.Emergency),
        Sources = r.Sources.Select(s => new SourceInfoDto
        {
            Id = s.Id, Title = s.Title, Category = s.Category, Score = s.Score, Kind = s.Kind, Language = s.Language,
            Attribution = s.Attribution, Url = s.Url,
        }).ToList(),
        TimingsMs = r.TimingsMs,
        Notices = r.Notices,
        Safety = r.Safety.Select(c => new SafetyCorrectionDto(c.Kind, c.Original, c.Replacement, c.Reason)).ToList(),
    };

    public static EmergencyInfo ToEmergency(TriageResult t) => new()
    {
        Detected = t.Detected,
        Category = t.Category,
        Severity = t.Severity == Triage.Severity.None ? null : t.Severity.ToString().ToLowerInvariant(),
        Protocol = t.ProtocolId,
        Evidence = t.Evidence,
        Language = t.Detected ? t.Language : null,
        Decision = t.Detected || t.Decision == "veto" ? t.Decision : null,
    };

    public static SearchResponse ToResponse(SearchResult r) => new()
    {
        Query = r.Query,
        Hits = r.Hits.Select(h => new SearchHitDto
        {
            Id = h.DocumentId, Title = h.Title, Category = h.Category, Tags = h.Tags, Score = h.Score, Snippet = h.Snippet,
            Kind = h.Kind.ToString(), Language = h.Language, KeywordScore = h.KeywordScore, VectorScore = h.VectorScore, Coverage = h.Coverage,
            Attribution = h.Attribution, Url = h.Url,
        }).ToList(),
        TimingsMs = r.TimingsMs,
    };
}
