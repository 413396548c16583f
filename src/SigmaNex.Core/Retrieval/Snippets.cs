using SigmaNex.Core.Text;

namespace SigmaNex.Core.Retrieval;

/// <summary>Picks the passage of a chunk that best matches the query, as a short snippet.</summary>
public static class Snippets
{
    public const int MaxLength = 280;

    public static string Best(string text, QueryAnalysis query, string language)
    {
        var lines = text.Split(['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length == 0)
        {
            return string.Empty;
        }

        var bestIndex = 0;
        var bestScore = -1.0;
        for (var i = 0; i < lines.Length; i++)
        {
            var terms = new HashSet<string>(TextAnalyzer.Analyze(lines[i], language), StringComparer.Ordinal);
            var score = query.Coverage(terms);
            if (score > bestScore + 1e-9)
            {
                bestScore = score;
                bestIndex = i;
            }
        }

        var snippet = lines[bestIndex];
        for (var i = bestIndex + 1; i < lines.Length && snippet.Length < MaxLength / 2; i++)
        {
            snippet += " " + lines[i];
        }

        return Truncate(snippet);
    }

    public static string Truncate(string s)
    {
        if (s.Length <= MaxLength)
        {
            return s;
        }

        var cut = s.LastIndexOf(' ', MaxLength - 1);
        return s[..(cut > MaxLength / 2 ? cut : MaxLength - 1)] + "…";
    }
}
