namespace SigmaNex.Core.Triage;

/// <summary>
/// Recognises life-threatening situations in a question, with no model: lexicon patterns per language
/// (inflection by prefixes, one-typo tolerance), negation within the clause ("no bleeding"), idioms that
/// cancel any match they overlap ("this traffic is killing me"), and the longest match winning where matches overlap
/// ("can't breathe" is not "not breathing"). Runs every lexicon, so it does not depend on detection;
/// all of their patterns sit behind one <see cref="TriageIndex"/>, so the cost of a question hardly grows
/// with the number of languages and patterns.
/// </summary>
public sealed partial class TriageClassifier
{
    // Where several situations are described, the one to act on first: a cause before the symptoms it
    // produces (pulled from the water and not breathing is drowning; diabetic and not waking is diabetic;
    // a crash and bleeding is trauma), because the cause's protocol covers the symptom and adds what is
    // specific (rescue breaths first, power off before touching, sugar, spine).
    private static readonly List<string> s_order =
    [
        TriageCategory.Choking, TriageCategory.Drowning, TriageCategory.Electrocution, TriageCategory.CardiacArrest,
        TriageCategory.Anaphylaxis, TriageCategory.HeatStroke, TriageCategory.Hypothermia, TriageCategory.DiabeticEmergency,
        TriageCategory.MajorTrauma, TriageCategory.VenomousBite, TriageCategory.Seizure, TriageCategory.SuicideSelfHarm,
        TriageCategory.Poisoning, TriageCategory.Childbirth, TriageCategory.SevereBleeding, TriageCategory.Stroke,
        TriageCategory.HeartAttack, TriageCategory.SevereBurns, TriageCategory.Unconscious, TriageCategory.BreathingDifficulty,
    ];

    private static readonly IReadOnlyDictionary<string, (string Infant, string Child)> s_ageProtocols = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["cpr-adult"] = ("cpr-infant", "cpr-child"),
        ["choking-adult"] = ("choking-infant", "choking-child"),
    };

    private readonly IReadOnlyList<TriageLexicon> _lexicons;
    private readonly TriageIndex _index;
    private readonly TriageModel? _model;

    // For each indexed pattern (by ordinal): the lexicon it comes from and what it is.
    private readonly (int Lexicon, Role Role)[] _roles;

    internal TriageClassifier(IReadOnlyList<TriageLexicon> lexicons, TriageModel? model = null)
    {
        _lexicons = lexicons;
        _model = model;
        var patterns = new List<TriagePattern>();
        var roles = new List<(int, Role)>();
        for (var l = 0; l < lexicons.Count; l++)
        {
            var lexicon = lexicons[l];
            foreach (var (list, role) in new[]
                     {
                         (lexicon.Idioms, Role.Idiom), (lexicon.Patterns, Role.Pattern),
                         (lexicon.Frames, Role.Frame), (lexicon.Resolved, Role.Resolved), (lexicon.Past, Role.Past),
                         (lexicon.OwnPeople, Role.Own), (lexicon.Asks, Role.Ask),
                         (lexicon.AgeWords.Values.SelectMany(v => v).ToList(), Role.Age),
                     })
            {
                patterns.AddRange(list);
                roles.AddRange(list.Select(_ => (l, role)));
            }
        }

        _index = new TriageIndex(patterns);
        _roles = [.. roles];
    }

    private enum Role
    {
        Idiom,
        Pattern,
        Age,
        Frame,
        Resolved,
        Past,
        Own,
        Ask,
    }

    private TriageClassifier(TriageClassifier rules)
    {
        _lexicons = rules._lexicons;
        _index = rules._index;
        _roles = rules._roles;
    }

    /// <summary>
    /// The learned stage raises an emergency the rules missed only when it is this sure (<see cref="LearnedAloneLong"/>
    /// in long messages, <see cref="LongMessageWords"/>+ words, where it is more reliable than on short ones and where
    /// the rules miss most: context first, the emergency told late), only for messages of at least
    /// <see cref="LearnedMinWords"/> words, and only where no lexicon pattern matched at all (a match the rules
    /// cancelled or judged minor is a decision, not a gap). Chosen on development data the model was not trained on
    /// (docs/SAFETY.md). The other way round, overruling a match, see <see cref="VetoWhole"/>.
    /// </summary>
    public const double LearnedAlone = 0.9;

    /// <inheritdoc cref="LearnedAlone"/>
    public const double LearnedAloneLong = 0.7;

    /// <inheritdoc cref="LearnedAlone"/>
    public const int LearnedMinWords = 5;

    /// <summary>From how many words a message is long: where the learned stage may overrule a match, and raises an alarm at <see cref="LearnedAloneLong"/>.</summary>
    public const int LongMessageWords = 16;

    /// <summary>
    /// The learned stage overrules a rule match (a "veto") only when it is nearly certain there is no emergency in the
    /// whole message (p below <see cref="VetoWhole"/>) and in the words around the match (within <see cref="VetoReach"/>
    /// words of the evidence, p below <see cref="VetoNear"/>), and only in long messages (<see cref="LongMessageWords"/>+
    /// words). Long messages are where words of emergencies are used in other senses ("the old cinema is being brought
    /// back to life", "how do i bleed the radiators before the heating goes on"); short plain ones are where a bag of
    /// word pieces is confidently wrong ("se le paró el corazón" scored 0.03), so those stay with the rules. The words around the match
    /// keep an emergency told after unrelated talk ("…quarterly budget report… and my colleague just collapsed and isnt
    /// breathing": 0.3–0.5 whole, 0.99 around). A vetoed match is not lost: it stays a minor reading whose protocol the
    /// answer is still steered to, without the emergency card first. Never when the learned category is self-harm. Chosen
    /// on development messages scored by models that were not trained on them (docs/SAFETY.md).
    /// </summary>
    public const double VetoWhole = 0.05;

    /// <inheritdoc cref="VetoWhole"/>
    public const double VetoNear = 0.2;

    /// <inheritdoc cref="VetoWhole"/>
    public const int VetoReach = 4;

    /// <summary>
    /// Messages of <see cref="VetoMediumWords"/> to <see cref="LongMessageWords"/> − 1 words may be vetoed too, when the
    /// learned stage is surer still (whole message below <see cref="VetoWholeMedium"/>, the words around the match below
    /// <see cref="VetoNear"/>, and neither reading self-harm): "on a réussi à réanimer le vieux pc de mamie avec un ssd",
    /// "se me ha quemado la placa base del pc". Chosen out of fold (docs/SAFETY.md): it removes 12 of the 141 development
    /// false alarms left after the long-message veto and loses no development or unit-test emergency; from 8 words or at
    /// p &lt; 0.02 it would lose some ("war kurz wieder wach, aber jetzt ist er wieder bewusstlos", 9 words).
    /// </summary>
    public const int VetoMediumWords = 12;

    /// <inheritdoc cref="VetoMediumWords"/>
    public const double VetoWholeMedium = 0.01;

    public static TriageClassifier Default { get; } = new(TriageLexicon.LoadAll(), TriageModel.LoadDefault());

    public IReadOnlyList<string> Languages => _lexicons.Select(l => l.Language).ToList();

    /// <summary>Whether a learned stage backs the rules.</summary>
    public bool HasLearnedStage => _model is not null;

    /// <summary>The same lexicons without the learned stage (to measure the rules alone).</summary>
    public TriageClassifier RulesOnly => _model is null ? this : new TriageClassifier(this);

    public TriageResult Classify(string text, string? languageHint = null)
    {
        var rules = ClassifyByRules(text, languageHint);
        if (_model is null)
        {
            return rules;
        }

        var features = TriageModel.Features(text);
        var p = _model.Probability(features);
        if (rules.Detected)
        {
            return Vetoed(text, features, rules, p) ? rules with { Detected = false, Severity = Severity.Minor, LearnedScore = p, Decision = "veto" } : rules with { LearnedScore = p };
        }

        // Only where no pattern matched at all: a match the rules cancelled (a negation, an idiom, a reassurance, a
        // thing noun) or judged minor is a decision, not a gap.
        var words = TriageModel.WordCount(text);
        if (!rules.Unmatched || words < LearnedMinWords || p < (words >= LongMessageWords ? LearnedAloneLong : LearnedAlone))
        {
            return rules with { LearnedScore = p };
        }

        var category = _model.Category(features).Category;
        var lexicon = _lexicons.FirstOrDefault(l => l.Language == languageHint) ?? _lexicons[0];
        return new TriageResult
        {
            Detected = true,
            Category = category,
            Severity = lexicon.Severities.GetValueOrDefault(category, Severity.Critical),
            ProtocolId = ForAge(TriageCategory.DefaultProtocol[category], rules.AgeGroup),
            Evidence = _model.StrongestWords(text, 3),
            Language = languageHint ?? rules.Language,
            LearnedScore = p,
            Decision = "learned",
        };
    }

    // Never when the learned category is self-harm: it is the emergency most often told without its words ("since my wife
    // died I am alone in this house, tonight I lined up all the heart pills on the table", matched as "died", scored
    // 0.003 by a model that had not seen it), and the one where a missed alarm costs most.
    private bool Vetoed(string text, List<(uint Hash, float Value)> features, TriageResult rules, double p) =>
        TriageModel.WordCount(text) switch
        {
            >= LongMessageWords => p < VetoWhole,
            >= VetoMediumWords => p < VetoWholeMedium && rules.Category != TriageCategory.SuicideSelfHarm,
            _ => false,
        }
        && TriageModel.Around(text, rules.Evidence, VetoReach) is { } near
        && _model!.Probability(TriageModel.Features(near)) < VetoNear
        && _model.Category(features).Category != TriageCategory.SuicideSelfHarm;

    private TriageResult ClassifyByRules(string text, string? languageHint)
    {
        var tokens = TriageTokens.Split(text, languageHint);
        var question = _index.Analyse(tokens);
        var matches = _index.Matches(question);

        // Idioms cancel every match they overlap, whichever lexicon found it: a Spanish idiom ("casi me da
        // un infarto") also covers the English lexicon's reading of "infarto" as a typo of "infarct". A longer
        // match that merely passes through an idiom is not cancelled ("mixed bleach and vinegar, my eyes are
        // burning and I can hardly breathe" keeps its poisoning reading over the idiom "eyes are burning").
        // Context patterns may be limited to some categories (Scope; null: all).
        var idiomSpans = new List<(int Start, int End, HashSet<string>? Scope)>();
        var frames = new List<(int Start, int End, TriageLexicon Lexicon, HashSet<string>? Scope)>();
        // Where reassurances end: what starts before one is over ("se le pasó con el ventolín").
        var resolved = new List<(int End, HashSet<string>? Scope)>();
        var pastMarks = new List<(int Start, int End, TriageLexicon Lexicon, HashSet<string>? Scope)>();
        // People of the writer's own life and "how is it done?" questions: where frames stop (FrameReaches).
        var ownPeople = new List<(int Start, int End)>();
        var lastAsk = -1;
        foreach (var (ordinal, start, end) in matches)
        {
            var (l, role) = _roles[ordinal];
            if (role == Role.Own)
            {
                ownPeople.Add((start, end));
            }
            else if (role == Role.Ask)
            {
                lastAsk = Math.Max(lastAsk, start);
            }
            else if (role == Role.Idiom)
            {
                // A negation the idiom does not name, inside its gap, voids it: "he fainted and has not come
                // round" is not the reassurance "fainted ~ come round".
                if (!NegatedInGap(_lexicons[l], question, _index.Pattern(ordinal), start, end))
                {
                    idiomSpans.Add((start, end, _index.Pattern(ordinal).Scope));
                }
            }
            else if (role is Role.Frame or Role.Resolved or Role.Past && !IsNegated(_lexicons[l], tokens, start, end))
            {
                var scope = _index.Pattern(ordinal).Scope;
                if (role == Role.Frame)
                {
                    frames.Add((start, end, _lexicons[l], scope));
                }
                else if (role == Role.Resolved)
                {
                    // "Talking normally, but now he keeps vomiting": a reassurance qualified by a contrast is not final.
                    if (!ContrastFollows(_lexicons[l], tokens, end))
                    {
                        resolved.Add((end, scope));
                    }
                }
                else
                {
                    pastMarks.Add((start, end, _lexicons[l], scope));
                }
            }
        }

        // Negation words: the lexicon's own, and those of the question's language when another lexicon
        // found the match ("no tiene fiebre ni convulsiones": Spanish "ni", English "convuls*").
        var hinted = languageHint is null ? null : _lexicons.FirstOrDefault(x => x.Language == languageHint);
        var found = new List<Found>();
        foreach (var (ordinal, start, end) in matches)
        {
            var (l, role) = _roles[ordinal];
            if (role != Role.Pattern)
            {
                continue;
            }

            var pattern = _index.Pattern(ordinal);
            bool Applies(HashSet<string>? scope) => scope is null || scope.Contains(pattern.Category);
            if (idiomSpans.Exists(s => Applies(s.Scope) && s.Start <= end && start <= s.End && !(start <= s.Start && s.End <= end && end - start > s.End - s.Start))
                || (lastAsk <= end && frames.Exists(f => Applies(f.Scope) && FrameReaches(tokens, (f.Start, f.End, f.Lexicon), start, end) && !OwnPersonStopsFrame(tokens, f.End, ownPeople, start, end)))
                || IsNegated(_lexicons[l], tokens, start, end)
                || (hinted is not null && hinted != _lexicons[l] && IsNegated(hinted, tokens, start, end))
                || NegatedInGap(_lexicons[l], question, pattern, start, end)
                || _lexicons.Any(x => IsAboutThing(x, tokens, start, end, pattern.Category)))
            {
                continue;
            }

            var mild = TriageCategory.GradedByExtent.Contains(pattern.Category)
                       && (IsMild(_lexicons[l], question, pattern, start, end) || (hinted is not null && hinted != _lexicons[l] && IsMild(hinted, question, pattern, start, end)));
            // Over (a reassurance follows) or long ago (a past-time marker in the sentence, no "now" between).
            var over = resolved.Exists(r => Applies(r.Scope) && start <= r.End)
                       || pastMarks.Exists(p => Applies(p.Scope) && PastReaches(tokens, (p.Start, p.End, p.Lexicon), start, end));
            found.Add(new Found(pattern, _lexicons[l], start, end, mild || over ? Severity.Minor : pattern.Severity ?? _lexicons[l].Severities[pattern.Category]) { Softened = (mild || over) && pattern.Severity != Severity.Minor });
        }

        // Overlapping matches: the longest wins (then an emergency over a minor reading, then the query's own
        // language, then category order) — except that a match softened by a degree word ("lightly"), a
        // reassurance or a past marker never swallows a graver match it overlaps: the softening may concern
        // only part of a long match ("bumped his head lightly and is now unconscious").
        var kept = new List<Found>();
        foreach (var f in found
                     .OrderBy(f => f.Softened)
                     .ThenByDescending(f => f.End - f.Start)
                     .ThenByDescending(f => f.Severity != Severity.Minor)
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
            // Where no pattern matched, the learned stage may still find an emergency: keep the age words for its protocol.
            var unmatched = !matches.Exists(m => _roles[m.Ordinal].Role == Role.Pattern);
            return TriageResult.NotDetected with
            {
                Language = languageHint ?? "und",
                Unmatched = unmatched,
                AgeGroup = unmatched && _model is not null ? _lexicons.Select(l => AgeGroup(l, matches)).FirstOrDefault(g => g is not null) : null,
            };
        }

        // Minor readings ("a nosebleed", "bumped his head lightly") only hint their protocol, unless nothing else matched.
        var ordered = kept.OrderBy(k => k.Severity == Severity.Minor).ThenBy(k => Rank(k.Pattern.Category)).ThenByDescending(k => k.End - k.Start).ToList();
        var primary = ordered[0];
        var emergency = primary.Severity != Severity.Minor;
        if (emergency)
        {
            ordered.RemoveAll(k => k.Severity == Severity.Minor);
        }

        var category = primary.Pattern.Category;
        var protocol = primary.Pattern.Protocol ?? TriageCategory.DefaultProtocol[category];
        if (s_ageProtocols.ContainsKey(protocol))
        {
            protocol = ForAge(protocol, AgeGroup(primary.Lexicon, matches));
        }

        return new TriageResult
        {
            Detected = emergency,
            Category = category,
            Severity = primary.Severity,
            ProtocolId = protocol,
            Evidence = ordered.Select(k => text[tokens[k.Start].Start..tokens[k.End].End]).Distinct(StringComparer.Ordinal).ToList(),
            Language = primary.Lexicon.Language,
            AlsoMatched = ordered.Skip(1).Select(k => k.Pattern.Category).Where(c => c != category).Distinct(StringComparer.Ordinal).ToList(),
        };
    }

    private string? AgeGroup(TriageLexicon lexicon, List<(int Ordinal, int Start, int End)> matches)
    {
        foreach (var group in new[] { "infant", "child" })
        {
            if (matches.Exists(m => _roles[m.Ordinal].Role == Role.Age && _lexicons[_roles[m.Ordinal].Lexicon] == lexicon
                                    && _index.Pattern(m.Ordinal).Category == group))
            {
                return group;
            }
        }

        return null;
    }

    /// <summary>The infant or child version of an adult protocol (CPR, choking) for that age group; otherwise the protocol.</summary>
    private static string ForAge(string protocol, string? group) =>
        s_ageProtocols.TryGetValue(protocol, out var byAge)
            ? group switch
            {
                "infant" => byAge.Infant,
                "child" => byAge.Child,
                _ => protocol,
            }
            : protocol;

    private static int Rank(string category)
    {
        var i = s_order.IndexOf(category);
        return i < 0 ? int.MaxValue : i;
    }

    private sealed record Found(TriagePattern Pattern, TriageLexicon Lexicon, int Start, int End, Severity Severity)
    {
        public bool Softened { get; init; }
    }
}
