using System.Text;

namespace SigmaNex.Core.Retrieval;

/// <summary>
/// Builds FTS5 MATCH expressions from analysed terms only. User text never reaches FTS5 syntax:
/// every term is a quoted string, so <c>"</c>, <c>*</c>, <c>NEAR</c>, <c>-</c> or <c>:</c> in a
/// question are searched as words, never parsed as operators.
/// </summary>
public static class FtsQuery
{
    /// <summary>Longest OR-list sent to FTS5; longer queries keep their first terms.</summary>
    public const int MaxTerms = 64;

    public static string? AnyOf(IReadOnlyList<string> terms)
    {
        var sb = new StringBuilder();
        var n = 0;
        foreach (var t in terms)
        {
            if (string.IsNullOrWhiteSpace(t))
            {
                continue;
            }

            if (n++ > 0)
            {
                sb.Append(" OR ");
            }

            sb.Append('"').Append(t.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            if (n == MaxTerms)
            {
                break;
            }
        }

        return n == 0 ? null : sb.ToString();
    }
}
