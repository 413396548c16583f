namespace SigmaNex.Core.Retrieval;

public sealed record SearchRequest
{
    public required string Query { get; init; }

    public int TopK { get; init; } = 5;

    /// <summary>Languages to analyse the query in, the query's own first; results in the first are preferred.</summary>
    public IReadOnlyList<string> Languages { get; init; } = ["en", "it"];

    /// <summary>When the question is medical, critical and medical protocols are boosted.</summary>
    public bool Medical { get; init; }

    /// <summary>Use vectors as well as keywords (when an index is available).</summary>
    public bool Hybrid { get; init; } = true;

    /// <summary>Protocol groups another component vouches for (triage's emergency protocol), boosted.</summary>
    public IReadOnlyList<string> Hints { get; init; } = [];
}
