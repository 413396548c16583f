using SigmaNex.Core.Retrieval;

namespace SigmaNex.Core.Evaluation;

/// <summary>Runs labelled queries through the Retriever and scores the rankings, overall and per language.</summary>
public sealed class RetrievalEvaluator
{
    private readonly Retriever _retriever;

    public RetrievalEvaluator(Retriever retriever) => _retriever = retriever;

    public sealed record Report(RetrievalMetrics Overall, IReadOnlyDictionary<string, RetrievalMetrics> ByLanguage, IReadOnlyDictionary<string, RetrievalMetrics> ByKind, IReadOnlyList<Miss> Misses);

    public sealed record Miss(string Query, string Language, IReadOnlyList<string> Expected, IReadOnlyList<string> Got);

    /// <summary>Evaluates with a search function (so the same cases can be run through other rankers).</summary>
    public static async Task<Report> EvaluateAsync(
        IReadOnlyList<RetrievalCase> cases, Func<RetrievalCase, CancellationToken, Task<IReadOnlyList<(string Id, string? Group, string Title)>>> search, CancellationToken cancellationToken)
    {
        var rows = new List<(RetrievalCase Case, IReadOnlyList<bool> Ranking)>();
        var misses = new List<Miss>();
        foreach (var c in cases)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var hits = await search(c, cancellationToken).ConfigureAwait(false);
            var ranking = hits.Select(h => Matches(c, h.Id, h.Group, h.Title)).ToList();
            rows.Add((c, ranking));
            if (!ranking.Take(3).Any(x => x))
            {
                misses.Add(new Miss(c.Query, c.Language, c.Expected, hits.Take(3).Select(h => h.Id).ToList()));
            }
        }

        RetrievalMetrics Of(IEnumerable<(RetrievalCase Case, IReadOnlyList<bool> Ranking)> subset)
        {
            var list = subset.ToList();
            return RetrievalMetrics.From(list.Select(r => r.Ranking).ToList(), list.Select(r => Math.Max(1, r.Case.Expected.Count)).ToList());
        }

        return new Report(
            Of(rows),
            rows.GroupBy(r => r.Case.Language).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => Of(g)),
            rows.GroupBy(r => r.Case.Kind).Where(g => g.Key.Length > 0).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => Of(g)),
            misses);
    }

    /// <param name="triage">What triage says of a query (medical or not, and its protocol), as the Runner asks it; null for none.</param>
    public Task<Report> EvaluateAsync(IReadOnlyList<RetrievalCase> cases, bool hybrid, Func<string, (bool Medical, string? Protocol)>? triage, CancellationToken cancellationToken) =>
        EvaluateAsync(
            cases,
            async (c, ct) =>
            {
                var languages = new[] { c.Language, "en", "it" }.Distinct(StringComparer.Ordinal).ToList();
                var (medical, hint) = triage?.Invoke(c.Query) ?? (false, null);
                var request = new SearchRequest { Query = c.Query, TopK = 10, Languages = languages, Hybrid = hybrid, Medical = medical, Hints = hint is null ? [] : [hint] };
                var result = await _retriever.SearchAsync(request, ct).ConfigureAwait(false);
                return result.Hits.Select(h => (h.DocumentId, h.GroupId, h.Title)).ToList();
            },
            cancellationToken);

    /// <summary>A hit is relevant when its id, its id without language, or its group is expected (or its title has every keyword).</summary>
    public static bool Matches(RetrievalCase c, string id, string? group, string title)
    {
        var bare = id.LastIndexOf('.') is var dot && dot > 0 && id.Length - dot <= 3 ? id[..dot] : id;
        if (c.Expected.Any(e => e == id || e == bare || e == group))
        {
            return true;
        }

        return c.ExpectedKeywords.Count > 0 && c.ExpectedKeywords.All(k => title.Contains(k, StringComparison.OrdinalIgnoreCase));
    }
}
