using SigmaNex.Core.Text;

namespace SigmaNex.Core.Retrieval;

/// <summary>What a search found. Never mutated after it is made, so the result cache can share it.</summary>
[System.ComponentModel.ImmutableObject(true)]
public sealed record SearchResult(string Query, QueryAnalysis Analysis, IReadOnlyList<SearchHit> Hits, IReadOnlyDictionary<string, double> TimingsMs);
