using System.Text;
using SigmaNex.Core.Knowledge;
using SigmaNex.Core.Language;
using SigmaNex.Core.Pipeline;
using SigmaNex.Core.Retrieval;
using SigmaNex.Core.Triage;

namespace SigmaNex.Core.Llm;

/// <summary>
/// The knowledge-only backend: writes the answer straight from the protocols, with no model. The best
/// protocol is laid out in full (steps in order, what not to do, when to get help, special cases,
/// improvised alternatives); other relevant protocols and documents follow as pointers with sources.
/// </summary>
public sealed class KnowledgeComposer
{
    /// <summary>A hit scoring at least this share of the best one is worth pointing to.</summary>
    private const double SeeAlsoRatio = 0.95;

    /// <summary>Renders a protocol as Markdown, with headings in <paramref name="phrases"/>' language.</summary>
    public static string Render(Protocol p, Phrases phrases)
    {
        var sb = new StringBuilder();
        sb.Append("## ").AppendLine(p.Title).AppendLine();
        if (p.Summary.Length > 0)
        {
            sb.AppendLine(p.Summary).AppendLine();
        }

        sb.Append("**").Append(phrases["what_to_do"]).AppendLine("**");
        for (var i = 0; i < p.Steps.Count; i++)
        {
            sb.Append(i + 1).Append(". ").AppendLine(p.Steps[i]);
        }

        List("do_not", p.Warnings.Select(w => w.Text).ToList());
        List("call_for_help", p.CallForHelp);
        if (p.SpecialCases.Count > 0)
        {
            sb.AppendLine().Append("**").Append(phrases["special_cases"]).AppendLine("**");
            foreach (var key in ProtocolReader.SpecialCaseKeys.Where(p.SpecialCases.ContainsKey))
            {
                sb.Append("- ").Append(phrases["case_" + key]).Append(": ").AppendLine(p.SpecialCases[key]);
            }
        }

        List("improvised", p.Improvised);
        return sb.ToString().TrimEnd();

        void List(string heading, IReadOnlyList<string> items)
        {
            if (items.Count == 0)
            {
                return;
            }

            sb.AppendLine().Append("**").Append(phrases[heading]).AppendLine("**");
            foreach (var item in items)
            {
                sb.Append("- ").AppendLine(item);
            }
        }
    }

    public static ProtocolCard Card(Protocol p, TriageResult triage, EmergencyContact contact, Phrases phrases)
    {
        var call = contact.Medical is { } medical
            ? phrases.Format("emergency_call_multi", ("number", contact.Number), ("medical", medical))
            : phrases.Format("emergency_call", ("number", contact.Number));
        string? crisis = triage.Category == TriageCategory.SuicideSelfHarm && contact.Crisis is { } line
            ? phrases.Format("crisis_line", ("line", line))
            : null;
        return new ProtocolCard
        {
            ProtocolId = p.Id,
            DocumentId = p.DocumentId,
            Title = p.Title,
            Category = p.Category,
            Language = p.Language,
            CallLine = call,
            CrisisLine = crisis,
            Markdown = Render(p, phrases),
        };
    }

    /// <summary>
    /// Composes an answer from search hits. <paramref name="shownProtocol"/> is the protocol already
    /// shown as the emergency card; it is not repeated.
    /// </summary>
    public static ComposedAnswer Compose(
        IReadOnlyList<SearchHit> hits, Func<string, KnowledgeDocument?> load, Phrases phrases, string? shownProtocol)
    {
        var relevant = hits.Where(IsRelevant).ToList();
        var sb = new StringBuilder();
        var used = new List<SearchHit>();
        if (relevant.Count == 0)
        {
            if (shownProtocol is not null)
            {
                return new ComposedAnswer(string.Empty, used);
            }

            var closest = hits.Take(3).Select(h => h.Title).ToList();
            return new ComposedAnswer(
                closest.Count == 0 ? phrases["not_covered_none"] : phrases.Format("not_covered", ("topics", string.Join("; ", closest))),
                used);
        }

        var lead = relevant[0];
        var leadDoc = load(lead.DocumentId);
        var related = leadDoc?.Protocol?.Related ?? [];

        // Pointers only to what the lead protocol itself names as related, or to near-equal matches.
        var rest = relevant.Skip(1)
            .Where(h => h.GroupId != shownProtocol && (related.Contains(h.GroupId ?? string.Empty) || h.Score >= lead.Score * SeeAlsoRatio))
            .ToList();
        if (lead.GroupId != shownProtocol)
        {
            if (leadDoc is { Protocol: { } p })
            {
                sb.AppendLine(Render(p, phrases));
                used.Add(lead);
            }
            else
            {
                sb.AppendLine("**" + phrases["from_documents"] + "**").AppendLine();
                foreach (var h in relevant.Where(h => h.Kind != DocumentKind.Protocol).Take(3))
                {
                    AppendDocument(sb, h, load(h.DocumentId));
                    used.Add(h);
                }

                rest = rest.Where(h => h.Kind == DocumentKind.Protocol).ToList();
            }
        }

        rest = rest.Take(4).ToList();
        if (rest.Count > 0)
        {
            sb.AppendLine().Append("**").Append(phrases["see_also"]).Append("**: ")
              .AppendLine(string.Join("; ", rest.Select(h => $"{h.Title} ({h.DocumentId})")));
            used.AddRange(rest);
        }

        return new ComposedAnswer(sb.ToString().TrimEnd(), used);
    }

    /// <summary>
    /// Whether a hit plausibly answers the question: most of the question's words appear in it, or it is
    /// close in meaning and shares some words.
    /// </summary>
    public static bool IsRelevant(SearchHit hit) =>
        hit.Coverage >= 0.5
        || (hit.Coverage >= 0.25 && hit.VectorScore >= 0.3)
        || hit.VectorScore >= 0.5;

    private static void AppendDocument(StringBuilder sb, SearchHit hit, KnowledgeDocument? doc)
    {
        sb.Append("### ").AppendLine(hit.Title).AppendLine(hit.Snippet);
        var credit = doc?.Attribution ?? doc?.Url;
        if (credit is not null)
        {
            sb.Append('_').Append(credit).AppendLine("_");
        }

        sb.AppendLine();
    }
}
