using SigmaNex.Core.Text;

namespace SigmaNex.Core.Retrieval;

public sealed record SearchResult(string Query, QueryAnalysis Analysis, IReadOnlyList<SearchHit> Hits, IReadOnlyDictionary<string, double> TimingsMs);
