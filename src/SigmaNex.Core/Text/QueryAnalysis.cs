namespace SigmaNex.Core.Text;

/// <summary>A query's content words, each with its analysed forms in the languages searched.</summary>
public sealed record QueryAnalysis(IReadOnlyList<string> Words, IReadOnlyList<IReadOnlyList<string>> Variants)
{
    /// <summary>Every distinct analysed term, for the keyword index.</summary>
    public IReadOnlyList<string> Terms { get; } = Variants.SelectMany(v => v).Distinct(StringComparer.Ordinal).ToList();

    public bool IsEmpty => Words.Count == 0;

    /// <summary>
    /// The same query with spelling corrections: each word none of whose forms is known gets the closest
    /// known term as an extra form.
    /// </summary>
    public QueryAnalysis Corrected(Func<string, bool> isKnown, Func<string, string?> correct)
    {
        var variants = new List<IReadOnlyList<string>>(Variants.Count);
        var changed = false;
        foreach (var forms in Variants)
        {
            if (forms.Any(isKnown) || forms.Select(correct).FirstOrDefault(c => c is not null) is not { } fix)
            {
                variants.Add(forms);
                continue;
            }

            variants.Add([.. forms, fix]);
            changed = true;
        }

        return changed ? new QueryAnalysis(Words, variants) : this;
    }

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
