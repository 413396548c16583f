namespace SigmaNex.Core.Triage;

/// <summary>
/// Recognises life-threatening situations in a question, with no model: lexicon patterns per language
/// (inflection by prefixes, one-typo tolerance), negation within the clause ("no bleeding"), idioms that
/// cancel a match ("this traffic is killing me"), and the longest match winning where matches overlap
/// ("can't breathe" is not "not breathing"). Runs every lexicon, so it does not depend on detection.
/// </summary>
public sealed class TriageClassifier
{
    // Where several situations are described, the one to act on first.
    private static readonly List<string> s_order =
    [
        TriageCategory.CardiacArrest, TriageCategory.Choking, TriageCategory.SevereBleeding, TriageCategory.Anaphylaxis,
        TriageCategory.Drowning, TriageCategory.Electrocution, TriageCategory.Unconscious, TriageCategory.Stroke,
        TriageCategory.HeartAttack, TriageCategory.Seizure, TriageCategory.BreathingDifficulty, TriageCategory.Poisoning,
        TriageCategory.SuicideSelfHarm, TriageCategory.SevereBurns, TriageCategory.HeatStroke, TriageCategory.MajorTrauma,
        TriageCategory.Hypothermia, TriageCategory.VenomousBite, TriageCategory.DiabeticEmergency, TriageCategory.Childbirth,
    ];

    private static readonly IReadOnlyDictionary<string, (string Infant, string Child)> s_ageProtocols = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["cpr-adult"] = ("cpr-infant", "cpr-child"),
        ["choking-adult"] = ("choking-infant", "choking-child"),
    };

    private readonly IReadOnlyList<TriageLexicon> _lexicons;

    private TriageClassifier(IReadOnlyList<TriageLexicon> lexicons) => _lexicons = lexicons;

    public static TriageClassifier Default { get; } = new(TriageLexicon.LoadAll());

    public IReadOnlyList<string> Languages => _lexicons.Select(l => l.Language).ToList();

    public TriageResult Classify(string text, string? languageHint = null)
    {
        var tokens = TriageTokens.Split(text);
        var found = new List<Found>();
        foreach (var lexicon in _lexicons)
        {
            var idiomSpans = lexicon.Idioms.SelectMany(i => i.Matches(tokens)).ToList();
            foreach (var pattern in lexicon.Patterns)
            {
                foreach (var (start, end) in pattern.Matches(tokens))
                {
                    if (idiomSpans.Any(s => s.Start <= end && start <= s.End) || IsNegated(lexicon, tokens, start))
                    {
                        continue;
                    }

                    found.Add(new Found(pattern, lexicon, start, end));
                }
            }
        }

        // Overlapping matches: the longest wins (then the query's own language, then category order).
        var kept = new List<Found>();
        foreach (var f in found
                     .OrderByDescending(f => f.End - f.Start)
                     .ThenByDescending(f => f.Lexicon.Language == languageHint)
                     .ThenBy(f => Rank(f.Pattern.Category)))
        {
            if (!kept.Any(k => k.Start <= f.End && f.Start <= k.End))
            {
                kept.Add(f);
            }
        }

        if (kept.Count == 0)
        {
            return TriageResult.NotDetected with { Language = languageHint ?? "und" };
        }

        var ordered = kept.OrderBy(k => Rank(k.Pattern.Category)).ThenByDescending(k => k.End - k.Start).ToList();
        var primary = ordered[0];
        var category = primary.Pattern.Category;
        var protocol = primary.Pattern.Protocol ?? TriageCategory.DefaultProtocol[category];
        if (s_ageProtocols.TryGetValue(protocol, out var byAge))
        {
            protocol = AgeGroup(primary.Lexicon, tokens) switch
            {
                "infant" => byAge.Infant,
                "child" => byAge.Child,
                _ => protocol,
            };
        }

        return new TriageResult
        {
            Detected = true,
            Category = category,
            Severity = primary.Pattern.Severity ?? primary.Lexicon.Severities[category],
            ProtocolId = protocol,
            Evidence = ordered.Select(k => text[tokens[k.Start].Start..tokens[k.End].End]).Distinct(StringComparer.Ordinal).ToList(),
            Language = primary.Lexicon.Language,
            AlsoMatched = ordered.Skip(1).Select(k => k.Pattern.Category).Where(c => c != category).Distinct(StringComparer.Ordinal).ToList(),
        };
    }

    private static bool IsNegated(TriageLexicon lexicon, IReadOnlyList<TriageToken> tokens, int start)
    {
        var clause = tokens[start].Clause;
        for (var i = start - 1; i >= 0 && i >= start - lexicon.NegationWindow && tokens[i].Clause == clause; i--)
        {
            if (lexicon.Negations.Contains(tokens[i].Text))
            {
                return true;
            }
        }

        return false;
    }

    private static string? AgeGroup(TriageLexicon lexicon, IReadOnlyList<TriageToken> tokens)
    {
        foreach (var group in new[] { "infant", "child" })
        {
            if (lexicon.AgeWords.TryGetValue(group, out var words) && words.Any(w => w.Matches(tokens).Any()))
            {
                return group;
            }
        }

        return null;
    }

    private static int Rank(string category)
    {
        var i = s_order.IndexOf(category);
        return i < 0 ? int.MaxValue : i;
    }

    private sealed record Found(TriagePattern Pattern, TriageLexicon Lexicon, int Start, int End);
}
