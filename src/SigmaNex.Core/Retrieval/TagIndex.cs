using SigmaNex.Core.Storage;
using SigmaNex.Core.Text;

namespace SigmaNex.Core.Retrieval;

/// <summary>
/// Synonym expansion from the knowledge base: every tag of every protocol, in every language, as a set of
/// analysed terms. A query containing all the terms of a tag ("waters broke", "live wire", "fit") points
/// at that protocol's translation group — whatever the query's language — weighted by how few protocols
/// share the tag.
/// </summary>
public sealed class TagIndex
{
    private readonly List<(string[] Terms, string Group, double Weight)> _tags = [];
    private readonly Dictionary<string, List<int>> _byTerm = new(StringComparer.Ordinal);

    public TagIndex(IEnumerable<(string Group, string Language, IReadOnlyList<string> Tags)> documents)
    {
        var raw = new List<(string[] Terms, string Group)>();
        foreach (var (group, language, tags) in documents)
        {
            foreach (var tag in tags)
            {
                var terms = TextAnalyzer.Analyze(tag, language).Distinct(StringComparer.Ordinal).ToArray();
                if (terms.Length > 0)
                {
                    raw.Add((terms, group));
                }
            }
        }

        // A tag shared by many protocols says little: weight by inverse document frequency over groups.
        var groups = Math.Max(1, raw.Select(r => r.Group).Distinct(StringComparer.Ordinal).Count());
        var df = raw.GroupBy(r => string.Join(' ', r.Terms.Order(StringComparer.Ordinal)), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Group).Distinct(StringComparer.Ordinal).Count(), StringComparer.Ordinal);
        foreach (var (terms, group) in raw.DistinctBy(r => (r.Group, string.Join(' ', r.Terms.Order(StringComparer.Ordinal)))))
        {
            var key = string.Join(' ', terms.Order(StringComparer.Ordinal));
            var weight = Math.Log(1 + (double)groups / df[key]) * (1 + 0.5 * (terms.Length - 1));
            var index = _tags.Count;
            _tags.Add((terms, group, weight));
            foreach (var t in terms)
            {
                if (!_byTerm.TryGetValue(t, out var list))
                {
                    _byTerm[t] = list = [];
                }

                list.Add(index);
            }
        }
    }

    public int Count => _tags.Count;

    public static TagIndex FromCatalog(Catalog catalog) =>
        new(catalog.Documents.Where(d => d.GroupId is not null && d.Kind == Knowledge.DocumentKind.Protocol)
            .Select(d => (d.GroupId!, d.Language, d.Tags)));

    /// <summary>Groups whose tags the query contains, with the summed weight of those tags.</summary>
    public Dictionary<string, double> Match(QueryAnalysis query)
    {
        var present = new HashSet<string>(query.Terms, StringComparer.Ordinal);
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        var seen = new HashSet<int>();
        foreach (var term in present)
        {
            if (!_byTerm.TryGetValue(term, out var candidates))
            {
                continue;
            }

            foreach (var i in candidates)
            {
                if (!seen.Add(i))
                {
                    continue;
                }

                var (terms, group, weight) = _tags[i];
                if (terms.All(present.Contains))
                {
                    scores[group] = scores.GetValueOrDefault(group) + weight;
                }
            }
        }

        return scores;
    }
}
