using System.Collections.Frozen;
using SigmaNex.Core.Knowledge;
using SigmaNex.Core.Text;

namespace SigmaNex.Core.Safety;

/// <summary>
/// Deterministic checks on every generated answer, sentence by sentence:
/// a sentence that recommends what a protocol's "do not" list forbids (a <c>forbid</c> phrase's words,
/// not negated) is replaced by the protocol's own warning; a dose or a medicine the protocols do not give
/// is removed with a notice. Medical answers then get the when-to-get-help line and a short disclaimer.
/// </summary>
public sealed partial class SafetyChecker
{
    /// <summary>Words that, shortly before a forbidden action, mean the sentence advises against it.</summary>
    private static readonly FrozenSet<string> s_negations = new[]
    {
        "not", "no", "never", "nor", "without", "avoid", "avoiding", "don", "doesn", "didn", "isn", "mustn", "shouldn", "cannot", "won", "nobody", "nothing", "instead",
        "non", "mai", "senza", "nessuno", "nulla", "evita", "evitare", "evitate", "evitando", "niente", "ne",
        "nunca", "jamas", "sin", "nadie", "nada", "evite", "evitar", "ni",
        "pas", "jamais", "sans", "rien", "evitez", "eviter", "aucun", "aucune",
        "nicht", "nie", "niemals", "kein", "keine", "keinen", "ohne", "vermeiden", "vermeide", "weder",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>How many words before an action a negation still governs it ("do not cut the bite or try to suck").</summary>
    private const int NegationReach = 8;

    /// <summary>The doses and drugs of a grounding text, found once per answer rather than once per sentence.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<string, GroundingFacts> s_grounding = new();

    /// <summary>A forbid phrase's analysed terms, per language: the same few hundred phrases are checked against every sentence.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Phrase, string Language), List<string>> s_terms = new();

    private readonly DrugGlossary _glossary;

    public SafetyChecker(DrugGlossary glossary) => _glossary = glossary;

    /// <summary>Checks one sentence; returns the text to show and the correction made, if any.</summary>
    public (string Text, SafetyCorrection? Correction) CheckSentence(string sentence, SafetyContext context)
    {
        if (string.IsNullOrWhiteSpace(sentence))
        {
            return (sentence, null);
        }

        if (Contradiction(sentence, context) is { } c)
        {
            return (c.Replacement, c);
        }

        var facts = s_grounding.GetValue(context.Grounding, g => new GroundingFacts(Doses.Find(g), _glossary.Find(g)));
        var unknownDose = Doses.Find(sentence).Except(facts.Doses).FirstOrDefault();
        var words = Words.Of(sentence);
        var grounded = facts.Drugs;

        // Advising against a medicine ("do not give aspirin") is not drug advice.
        var unknownDrug = _glossary.Locate(words.Folded)
            .Where(m => !grounded.Contains(m.Canonical) && !words.Negated(m.Index))
            .Select(m => m.Canonical)
            .FirstOrDefault();
        if (unknownDose is null && unknownDrug is null)
        {
            return (sentence, null);
        }

        var replacement = Lead(sentence) + context.Phrases["safety_removed"] + Tail(sentence);
        var correction = unknownDose is not null
            ? new SafetyCorrection(SafetyCorrection.Dose, sentence.Trim(), replacement.Trim(), $"the dose {unknownDose} is not in the protocols")
            : new SafetyCorrection(SafetyCorrection.Drug, sentence.Trim(), replacement.Trim(), $"{unknownDrug} is not in the protocols");
        return (replacement, correction);
    }

    /// <summary>What a medical answer ends with: how to get help (unless it already says so) and the disclaimer.</summary>
    public string Epilogue(string answer, SafetyContext context)
    {
        if (!context.Medical)
        {
            return string.Empty;
        }

        var lines = new List<string>();
        if (!answer.Contains(context.Contact.Number, StringComparison.Ordinal))
        {
            lines.Add(context.Phrases.Format("safety_call", ("number", context.Contact.Number)));
        }

        lines.Add("_" + context.Phrases["disclaimer"] + "_");
        return "\n\n" + string.Join("\n", lines);
    }

    private static SafetyCorrection? Contradiction(string sentence, SafetyContext context)
    {
        var words = Words.Of(sentence);
        var stemsByLanguage = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var protocol in context.Protocols)
        {
            if (!stemsByLanguage.TryGetValue(protocol.Language, out var stems))
            {
                stems = words.Folded.Select(t => TextFolding.Fold(Stemmer.Stem(protocol.Language, t))).ToList();
                stemsByLanguage[protocol.Language] = stems;
            }

            foreach (var warning in protocol.Warnings)
            {
                foreach (var phrase in warning.Forbid)
                {
                    var terms = s_terms.GetOrAdd((phrase, protocol.Language), k => TextAnalyzer.Analyze(k.Phrase, k.Language).ToList());
                    if (terms.Count == 0 || !terms.All(stems.Contains))
                    {
                        continue;
                    }

                    // "Leave the knife in place and do not pull it out" advises against the action, whichever
                    // of its words the negation governs.
                    if (!terms.Any(t => words.Negated(stems.IndexOf(t))))
                    {
                        return new SafetyCorrection(
                            SafetyCorrection.Contradiction,
                            sentence.Trim(),
                            Lead(sentence) + "⚠ " + warning.Text + Tail(sentence),
                            $"it recommends what {protocol.Title} [{protocol.DocumentId}] says not to do ('{phrase}')");
                    }
                }
            }
        }

        return null;
    }

    /// <summary>
    /// A sentence's folded words and the clause each belongs to: a negation governs only words after it
    /// in its own clause ("Don't panic, pull the knife out" still recommends pulling it out).
    /// </summary>
    private sealed partial class Words
    {
        private readonly List<int> _clauses = [];

        public List<string> Folded { get; } = [];

        public static Words Of(string sentence)
        {
            var words = new Words();
            var clause = 0;
            foreach (var part in ClauseBreak().Split(sentence))
            {
                foreach (var token in Tokenizer.Tokenize(part))
                {
                    words.Folded.Add(TextFolding.Fold(token));
                    words._clauses.Add(clause);
                }

                clause++;
            }

            return words;
        }

        public bool Negated(int index)
        {
            if (index < 0)
            {
                return false;
            }

            for (var j = index - 1; j >= Math.Max(0, index - NegationReach) && _clauses[j] == _clauses[index]; j--)
            {
                if (s_negations.Contains(Folded[j]))
                {
                    return true;
                }
            }

            return false;
        }

        [System.Text.RegularExpressions.GeneratedRegex(@"[,;:()]|\b(?:but|then|ma|poi|però|pero|luego|después|mais|puis|ensuite|aber|dann|sondern)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
        private static partial System.Text.RegularExpressions.Regex ClauseBreak();
    }

    // Keep a list marker and the line ending, so corrected lists stay lists.
    private static string Lead(string sentence)
    {
        var trimmed = sentence.TrimStart();
        var indent = sentence[..(sentence.Length - trimmed.Length)];
        var marker = System.Text.RegularExpressions.Regex.Match(trimmed, @"^(\d+[.)]\s+|[-*•]\s+)");
        return indent + (marker.Success ? marker.Value : string.Empty);
    }

    private static string Tail(string sentence) => sentence.EndsWith('\n') ? "\n" : sentence.EndsWith(' ') ? " " : string.Empty;

    private sealed record GroundingFacts(HashSet<string> Doses, HashSet<string> Drugs);
}
