namespace SigmaNex.Core.Triage;

/// <summary>
/// The context of a match: negation (before, after and inside it), thing nouns that make it a non-medical sense, past
/// markers and frames that reach it, degree words that make an injury minor, contrast after a reassurance.
/// </summary>
public sealed partial class TriageClassifier
{
    /// <summary>
    /// A negation word shortly before the match in its clause ("no bleeding", "il ne saigne pas"), or, for
    /// languages that put it after the verb, right after it ("er blutet nicht", spoken "il saigne pas").
    /// A match that itself begins with a negation word ("no pulse", "aucun pouls") is not cancelled by
    /// one before it: that is the other half of the same negation, not a second one (French "il n'a aucun
    /// pouls", Spanish "no tiene ningún pulso", Italian "non ha nessun battito").
    /// The window before counts words that carry meaning: the lexicon's <c>negation_skip</c> words (articles,
    /// auxiliaries, pronouns, prepositions) are passed over ("no estoy pensando en hacerme daño"), and its
    /// <c>negation_barriers</c> (subordinators, question words) end the negation's reach ("I don't know why he is
    /// bleeding": the negation belongs to "know").
    /// </summary>
    private static bool IsNegated(TriageLexicon lexicon, IReadOnlyList<TriageToken> tokens, int start, int end)
    {
        var clause = tokens[start].Clause;
        var lookBack = lexicon.Negations.Contains(tokens[start].Text) ? 0 : lexicon.NegationWindow;
        for (var i = start - 1; i >= 0 && lookBack > 0 && tokens[i].Clause == clause; i--)
        {
            var word = tokens[i].Text;
            if (lexicon.Negations.Contains(word) && !IsNotNegation(lexicon, tokens, i))
            {
                return true;
            }

            if (lexicon.NegationBarriers.Contains(word))
            {
                break;
            }

            if (!lexicon.NegationSkip.Contains(word))
            {
                lookBack--;
            }
        }

        clause = tokens[end].Clause;
        for (var i = end + 1; i < tokens.Count && i <= end + lexicon.NegationAfterWindow && tokens[i].Clause == clause; i++)
        {
            if (lexicon.NegationsAfter.Contains(tokens[i].Text))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A negation word inside the match that the pattern does not name, so a gap (~) passed over it: "die
    /// Schlange hat ihn nicht gebissen", "er hat die Batterie nicht verschluckt". A negation the pattern
    /// names ("collapsed ~ not breathing") is part of what it describes, and one in an earlier clause than
    /// the match's last word, or before a barrier word ("and") inside the match, negates something else
    /// ("in der Kälte spür ich die Füße nicht mehr und ich zitter unkontrolliert").
    /// </summary>
    private static bool NegatedInGap(TriageLexicon lexicon, QuestionAtoms question, TriagePattern pattern, int start, int end)
    {
        for (var i = start + 1; i < end; i++)
        {
            if ((lexicon.Negations.Contains(question.Tokens[i].Text) || lexicon.NegationsAfter.Contains(question.Tokens[i].Text))
                && question.Tokens[i].Clause == question.Tokens[end].Clause
                && !NamedByPattern(lexicon, question, pattern, i, start, end)
                && !IsNotNegation(lexicon, question.Tokens, i)
                && !BarrierBefore(lexicon, question, pattern, i, end))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the negation at <paramref name="at"/> is part of what the pattern describes ("collapsed ~ not breathing"):
    /// a noun negation only where the pattern names its phrase there ("keine luft", not "keine atemnot"), any other
    /// where the pattern names the word at all (<see cref="TriageLexicon.NounNegations"/>).
    /// </summary>
    private static bool NamedByPattern(TriageLexicon lexicon, QuestionAtoms question, TriagePattern pattern, int at, int start, int end) =>
        lexicon.NounNegations.Contains(question.Tokens[at].Text)
            ? pattern.NamesAt(question, at, start, end)
            : pattern.Atoms.Any(a => question.Has(at, a.Id));

    /// <summary>
    /// A noun of a thing governs the match, so the medical word is used in another sense: a
    /// <c>thing_subjects</c> noun just before it ("the plant is dying", "la empresa está sangrando", "die Firma
    /// blutet") or a <c>thing_objects</c> noun just after it ("bleeding money", "weeds are choking my tomatoes").
    /// "Just" means within <see cref="TriageLexicon.ThingWindow"/> words of the clause, function words
    /// (<c>negation_skip</c>) not counted, and not across a <c>negation_barriers</c> word ("the car crashed and he
    /// is bleeding" is about him). A noun after a preposition of place is where, not the subject ("the man in the
    /// car is not breathing").
    /// </summary>
    private static bool IsAboutThing(TriageLexicon lexicon, IReadOnlyList<TriageToken> tokens, int start, int end, string category)
    {
        if (lexicon.ThingSubjects.Count == 0 && lexicon.ThingObjects.Count == 0)
        {
            return false;
        }

        for (int step = -1, from = start; step <= 1; step += 2, from = end)
        {
            var nouns = step < 0 ? lexicon.ThingSubjects : lexicon.ThingObjects;
            var left = lexicon.ThingWindow;
            for (var i = from + step; i >= 0 && i < tokens.Count && left > 0 && tokens[i].Clause == tokens[from].Clause; i += step)
            {
                var word = tokens[i].Text;
                if (nouns.TryGetValue(word, out var scope) && (scope is null || scope.Contains(category))
                    && (step > 0 || !AfterPlace(lexicon, tokens, i)))
                {
                    return true;
                }

                if (lexicon.NegationBarriers.Contains(word) || lexicon.Negations.Contains(word))
                {
                    break;
                }

                if (!lexicon.NegationSkip.Contains(word))
                {
                    left--;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The noun at <paramref name="noun"/> follows a preposition of place (<see cref="TriageLexicon.Places"/>) at most
    /// three words before it in its clause ("in the car", "sul tetto del", "dans sa voiture"): it says where, not
    /// what ("the man in the car is dead").
    /// </summary>
    private static bool AfterPlace(TriageLexicon lexicon, IReadOnlyList<TriageToken> tokens, int noun)
    {
        for (var i = noun - 1; i >= Math.Max(0, noun - 3) && tokens[i].Clause == tokens[noun].Clause; i--)
        {
            var word = tokens[i].Text;
            if (lexicon.Places.Contains(word))
            {
                return true;
            }

            if (lexicon.Negations.Contains(word) || lexicon.NegationBarriers.Contains(word))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// A past-time marker reaches a match of its sentence at most <see cref="PastReach"/> words away, unless a
    /// present-time word ("now", "adesso", "jetzt") or one of its lexicon's <c>past_barriers</c> (by default its
    /// <c>negation_barriers</c>: "and", "because") stands between them: "had a stroke years ago" and "two years
    /// ago, my dad had a stroke" are history; "a heart attack last year and now chest pain" is not.
    /// </summary>
    private static bool PastReaches(IReadOnlyList<TriageToken> tokens, (int Start, int End, TriageLexicon Lexicon) past, int start, int end)
    {
        if (tokens[past.Start].Sentence != tokens[start].Sentence || (past.Start <= end && start <= past.End))
        {
            return false;
        }

        // Backwards only within the clause ("chest pain, in 2019 he had a heart attack" is about now);
        // forwards across a comma ("two years ago, my dad had a stroke").
        if (past.Start > end && tokens[past.Start].Clause != tokens[end].Clause)
        {
            return false;
        }

        var (from, to) = past.End < start ? (past.End + 1, start - 1) : (end + 1, past.Start - 1);
        if (to - from + 1 > PastReach)
        {
            return false;
        }

        // A present word inside the match also brings it back ("allergic as a child and now his tongue is swelling").
        for (var i = start; i <= end; i++)
        {
            if (past.Lexicon.Present.Contains(tokens[i].Text))
            {
                return false;
            }
        }

        for (var i = from; i <= to; i++)
        {
            var word = tokens[i].Text;
            if (past.Lexicon.PastBarriers.Contains(word) || past.Lexicon.Present.Contains(word))
            {
                return false;
            }
        }

        return true;
    }

    private const int PastReach = 6;

    // Unpunctuated messages are one long sentence: a frame reaches this many words, not the whole of it.
    private const int FrameReach = 12;

    /// <summary>
    /// A frame (film, game, history question) reaches the matches of its sentence up to <see cref="FrameReach"/>
    /// words away, unless a present-time word of its own lexicon stands between them (another language's
    /// "qui" or "esta" is not French or English "now") ("I saw it in the film, but now my dad is
    /// not breathing").
    /// </summary>
    private static bool FrameReaches(IReadOnlyList<TriageToken> tokens, (int Start, int End, TriageLexicon Lexicon) frame, int start, int end)
    {
        if (tokens[frame.Start].Sentence != tokens[start].Sentence)
        {
            return false;
        }

        var (from, to) = frame.End < start ? (frame.End + 1, start - 1) : (end + 1, frame.Start - 1);
        if (to - from + 1 > FrameReach)
        {
            return false;
        }

        for (var i = from; i <= to; i++)
        {
            if (frame.Lexicon.Present.Contains(tokens[i].Text))
            {
                return false;
            }
        }

        return true;
    }

    // "And", "then": what follows is a new event, not the film's ("we were watching the episode and my dad collapsed").
    private static readonly HashSet<string> s_andThen = new(StringComparer.Ordinal)
    {
        "and", "then", "e", "ed", "poi", "y", "luego", "entonces", "et", "puis", "und", "dann", "da",
    };

    /// <summary>
    /// A person of the writer's own life (<see cref="TriageLexicon.OwnPeople"/>) between a frame and the match after
    /// it, or opening the match, starts a new event when a clause break or "and"/"then"
    /// stands between them; "I dreamt that my son was drowning" stays inside the dream.
    /// </summary>
    private static bool OwnPersonStopsFrame(IReadOnlyList<TriageToken> tokens, int frameEnd, List<(int Start, int End)> ownPeople, int start, int end) =>
        ownPeople.Exists(o => frameEnd < start && frameEnd < o.Start && o.Start <= start && o.End <= end && NewEventBetween(tokens, frameEnd, o.Start));

    private static bool NewEventBetween(IReadOnlyList<TriageToken> tokens, int frameEnd, int person)
    {
        if (tokens[frameEnd].Clause != tokens[person].Clause)
        {
            return true;
        }

        for (var i = frameEnd + 1; i < person; i++)
        {
            if (s_andThen.Contains(tokens[i].Text))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A degree word of the lexicon's <c>mild</c> list inside the match or within <see cref="TriageLexicon.MildWindow"/>
    /// words of it, in its clause: "bumped his head lightly", "leicht den Kopf gestoßen", "un golpe flojito en la cabeza".
    /// A word the pattern itself names is not a qualifier (Italian "piano" is "gently" but also "floor": "caduto dal terzo piano").
    /// </summary>
    private static bool IsMild(TriageLexicon lexicon, QuestionAtoms question, TriagePattern pattern, int start, int end)
    {
        var tokens = question.Tokens;
        if (lexicon.Mild.Count == 0 && lexicon.MildPhrases.Count == 0)
        {
            return false;
        }

        // A phrase ("a little", "un poco") after the match or before it, in its clause, within the window.
        foreach (var phrase in lexicon.MildPhrases)
        {
            for (var i = Math.Max(0, start - lexicon.MildWindow - phrase.Length + 1); i <= Math.Min(tokens.Count - phrase.Length, end + lexicon.MildWindow); i++)
            {
                if ((i + phrase.Length <= start || i > end) && PhraseAt(tokens, i, phrase, tokens[i < start ? start : end].Clause))
                {
                    return true;
                }
            }
        }

        for (var i = Math.Max(0, start - lexicon.MildWindow); i <= Math.Min(tokens.Count - 1, end + lexicon.MildWindow); i++)
        {
            var inside = i >= start && i <= end;
            if (lexicon.Mild.Contains(tokens[i].Text)
                && (inside ? !pattern.Atoms.Any(a => question.Has(i, a.Id)) : tokens[i].Clause == tokens[i < start ? start : end].Clause))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// After the negation at <paramref name="from"/>, a <c>negation_barriers</c> word comes before any word of the
    /// pattern: the negation is about something else ("a pas mangé et il tremble"), while in "a pas gonflé et
    /// respire" it negates "gonflé", a word of the match.
    /// </summary>
    private static bool BarrierBefore(TriageLexicon lexicon, QuestionAtoms question, TriagePattern pattern, int from, int to)
    {
        for (var k = from + 1; k <= to; k++)
        {
            if (lexicon.NegationBarriers.Contains(question.Tokens[k].Text))
            {
                return true;
            }

            if (pattern.Atoms.Any(a => question.Has(k, a.Id)))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>The negation word at <paramref name="at"/> begins one of the lexicon's <c>not_negations</c> ("sans arrêt").</summary>
    private static bool IsNotNegation(TriageLexicon lexicon, IReadOnlyList<TriageToken> tokens, int at)
    {
        foreach (var phrase in lexicon.NotNegations)
        {
            if (at + phrase.Length <= tokens.Count && PhraseAt(tokens, at, phrase, tokens[at].Clause))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A contrast word of the lexicon after <paramref name="end"/> in the same sentence, followed there by a
    /// present word: "a small bump, but now he is vomiting". A contrast alone is often the question that
    /// follows a reassurance ("coughed it out, but what should I do next time?"), which leaves it final.
    /// </summary>
    private static bool ContrastFollows(TriageLexicon lexicon, IReadOnlyList<TriageToken> tokens, int end)
    {
        var contrast = false;
        for (var i = end + 1; i < tokens.Count && tokens[i].Sentence == tokens[end].Sentence; i++)
        {
            if (contrast && lexicon.Present.Contains(tokens[i].Text))
            {
                return true;
            }

            contrast |= lexicon.Contrast.Contains(tokens[i].Text);
        }

        return false;
    }

    private static bool PhraseAt(IReadOnlyList<TriageToken> tokens, int at, string[] phrase, int clause)
    {
        for (var k = 0; k < phrase.Length; k++)
        {
            if (tokens[at + k].Text != phrase[k] || tokens[at + k].Clause != clause)
            {
                return false;
            }
        }

        return true;
    }
}
