namespace SigmaNex.Core.Text;

/// <summary>A query's content words, each with its analysed forms in the languages searched.</summary>
public sealed record QueryAnalysis(IReadOnlyList<string> Words, IReadOnlyList<IReadOnlyList<string>> Variants)
{
    /// <summary>Every distinct analysed term, for the keyword index.</summary>
    public IReadOnlyList<string> Terms { get; } = Variants.SelectMany(v => v).Distinct(StringComparer.Ordinal).ToList();

    public bool IsEmpty => Words.Count == 0;

    /// <summary>Fraction of the query's words that a set of document terms contains (in any of their forms).</summary>
    public double Coverage(IReadOnlySet<string> documentTerms)
    {
        if (Variants.Count == 0)
        {
            return 0;
        }

        var hit = Variants.Count(v => v.Any(documentTerms.Contains));
        return (double)hit / Variants.Count;
    }
}
