using SigmaNex.Core.Triage;

namespace SigmaNex.Core.Tests.Triage;

/// <summary>The matching engine itself: pattern syntax, the word index, negation before and after a match.</summary>
public sealed class TriageEngineTests
{
    private static TriageClassifier With(string yaml) => new([TriageLexicon.Parse(yaml, "test.yaml")]);

    private const string Lexicon = """
        language: xx
        negations: [no, not]
        negations_after: [nope]
        idioms: ["bleeding edge", "bleed* ~3 stopped", "choking hazard warning"]
        categories:
          severe_bleeding:
            severity: critical
            patterns: ["bleed*", "haemorrhage", "(heavy|severe) (bleeding|blood)", "=poison stuff => overdose !urgent"]
          choking:
            severity: critical
            patterns: ["choking (hazard)? (now|today)", "abdominal ~2 thrust*", "toy ~8 cannot breathe"]
        """;

    [Theory]
    [InlineData("he is bleeding", true)]
    [InlineData("a haemorhage", true)] // one typo, word of 6+ letters
    [InlineData("he is bleding", false)] // ... but not in a shorter one
    [InlineData("no bleeding here", false)] // negation before
    [InlineData("bleeding nope", false)] // negation after (negations_after)
    [InlineData("bleeding, nope", true)] // ... but not across a clause
    [InlineData("bleeding really nope", true)] // ... and only within negation_after_window (1)
    [InlineData("the bleeding edge of science", false)] // idiom
    [InlineData("the bleeding has stopped", false)] // idiom with a gap
    [InlineData("the bleeding has not stopped", true)] // ... voided by a negation in its gap
    [InlineData("choking hazard warning now", false)] // an idiom cancels what it overlaps
    [InlineData("the toy had a choking hazard warning and he cannot breathe", true)] // ... but not a longer match passing through it
    [InlineData("poison stuff", true)]
    [InlineData("poisson stuff", false)] // "=poison": no typo tolerance
    [InlineData("choking today", true)]
    [InlineData("choking hazard today", true)] // optional group
    [InlineData("choking hazard", false)]
    [InlineData("abdominal quick strong thrusts", true)] // gap of 2
    [InlineData("abdominal very quick strong thrusts", false)] // gap too long
    [InlineData("choking now", true)]
    [InlineData("choking, now", false)] // neighbouring words of a pattern stay in one clause
    [InlineData("choking hazard. today", false)] // ... also after an optional group
    [InlineData("abdominal, then thrusts", true)] // a gap may cross punctuation
    public void Classify_FollowsThePatternSyntax(string text, bool detected) =>
        Assert.Equal(detected, With(Lexicon).Classify(text).Detected);

    private const string Short = """
        language: xx
        negations: [no]
        categories:
          venomous_bite:
            severity: urgent
            patterns: ["(snake|viper) (bite|bites)", "adder", "=cobra (bite|bites)"]
        """;

    [Theory]
    [InlineData("snake bite", true)]
    [InlineData("snak bite", true)] // a dropped letter of a five-letter word, beside a whole word
    [InlineData("vipr bites", true)]
    [InlineData("snak bie", false)] // ... at most one such word per match
    [InlineData("snak bit", false)]
    [InlineData("adder", true)]
    [InlineData("ader", false)] // ... never alone (and "adder" has five letters only with both d's)
    [InlineData("cobr bite", false)] // "=cobra": no typo tolerance
    public void Classify_ShortWordWithDroppedLetter_NeedsAWholeWordBeside(string text, bool detected) =>
        Assert.Equal(detected, With(Short).Classify(text).Detected);

    [Fact]
    public void Classify_PatternOverridesProtocolAndSeverity()
    {
        var r = With(Lexicon).Classify("poison stuff");

        Assert.Equal("overdose", r.ProtocolId);
        Assert.Equal(Severity.Urgent, r.Severity);
    }

    private const string Other = """
        language: yy
        negations: [nein]
        idioms: ["killing me softly"]
        categories:
          poisoning:
            severity: critical
            patterns: ["sangre", "killing"]
        """;

    private const string Concord = """
        language: zz
        negations: [no, not]
        idioms: ["zzz"]
        categories:
          cardiac_arrest:
            severity: critical
            patterns: ["no pulse"]
          severe_bleeding:
            severity: critical
            patterns: ["heavy bleeding"]
        """;

    [Theory]
    [InlineData("there is no pulse", true)]
    [InlineData("there is not no pulse", true)] // a negation word starting the match is not negated again (negative concord)
    [InlineData("not the heavy bleeding", false)]
    public void Classify_NegationBeforeANegativePattern_IsTheSameNegation(string text, bool detected) =>
        Assert.Equal(detected, With(Concord).Classify(text).Detected);

    [Fact]
    public void Classify_AnIdiomCancelsMatchesOfEveryLexicon()
    {
        var triage = new TriageClassifier([TriageLexicon.Parse(Lexicon, "a.yaml"), TriageLexicon.Parse(Other, "b.yaml")]);

        Assert.True(triage.Classify("bleeding").Detected);
        Assert.False(triage.Classify("bleeding edge").Detected); // idiom of lexicon xx, match of xx
        Assert.True(triage.Classify("killing").Detected);
        Assert.False(triage.Classify("killing me softly").Detected); // idiom and match of yy
    }

    [Fact]
    public void Classify_NegationsOfTheQuestionsLanguage_ApplyToOtherLexicons()
    {
        var triage = new TriageClassifier([TriageLexicon.Parse(Lexicon, "a.yaml"), TriageLexicon.Parse(Other, "b.yaml")]);

        Assert.True(triage.Classify("nein bleeding").Detected); // "nein" is not a negation of xx
        Assert.False(triage.Classify("nein bleeding", "yy").Detected); // ... but it is of the question's language
        Assert.True(triage.Classify("nein bleeding", "xx").Detected);
    }

    [Fact]
    public void Classify_AWholeWordOfAnyPattern_IsNotATypoOfAnother()
    {
        var alone = With(Lexicon.Replace("\"haemorrhage\"", "\"sangue\"", StringComparison.Ordinal));
        var both = new TriageClassifier([TriageLexicon.Parse(Lexicon.Replace("\"haemorrhage\"", "\"sangue\"", StringComparison.Ordinal), "a.yaml"), TriageLexicon.Parse(Other, "b.yaml")]);

        Assert.True(alone.Classify("sangre").Detected); // one typo from "sangue"
        Assert.Equal("poisoning", both.Classify("sangre").Category); // a word of yy: only yy's "sangre" matches
        Assert.Equal("severe_bleeding", both.Classify("sanguee").Category); // a typo still matches
    }

    [Theory]
    [InlineData("(a|(b|c))")]
    [InlineData("(a|b)? c")]
    [InlineData("a ~")]
    [InlineData("a= b")]
    [InlineData("a b*c")]
    [InlineData("(a|) b")]
    public void Parse_RejectsMalformedPatterns(string pattern) =>
        Assert.Throws<FormatException>(() => TriagePattern.Parse(pattern, "severe_bleeding"));

    public static TheoryData<string> Sentences =>
    [
        "my father suddenly has strong pain in the chest and his left arm",
        "mio figlio ha ingoiato una moneta e non respira, cosa faccio?",
        "mi hijo se está ahogando en la piscina y no respira",
        "il ne respire plus, comment faire un massage cardiaque",
        "mein Kind hat einen Krampfanfall und atmet nicht mehr richtig",
        "Herzdruckmassage Herzstilstand bewustlos Schlaganfal Vergiftung",
        "he is unconcious and blee ding heavly after a car crahs",
        "recette de poisson et de pain au chocolat pour les enfants",
    ];

    /// <summary>
    /// The index must find exactly what comparing every pattern with every word finds (with one typo too,
    /// unless the word is a whole word of some pattern).
    /// </summary>
    [Theory]
    [MemberData(nameof(Sentences))]
    public void Index_FindsTheSameMatchesAsComparingEveryWord(string text)
    {
        var patterns = TriageLexicon.LoadAll().SelectMany(l => l.Idioms.Concat(l.Patterns).Concat(l.AgeWords.Values.SelectMany(v => v))).ToList();
        var index = new TriageIndex(patterns);
        var tokens = TriageTokens.Split(text);

        var atoms = patterns.SelectMany(p => p.Atoms).GroupBy(a => a.Id).Select(g => g.First()).ToList();
        int[] Naive(string token)
        {
            var known = atoms.Exists(a => !a.Prefix && a.Word == token);
            return atoms.Where(a => a.Matches(token) && (!known || (a.Prefix ? token.StartsWith(a.Word, StringComparison.Ordinal) : token == a.Word)))
                .Select(a => a.Id).Order().ToArray();
        }

        var naive = new QuestionAtoms(tokens, tokens.Select(t => Naive(t.Text)).ToArray());
        var expected = new List<(int, int, int)>();
        for (var ordinal = 0; ordinal < patterns.Count; ordinal++)
        {
            for (var i = 0; i < tokens.Count; i++)
            {
                var end = patterns[ordinal].MatchAt(naive, i);
                if (end >= i)
                {
                    expected.Add((ordinal, i, end));
                }
            }
        }

        Assert.NotEmpty(expected);
        Assert.Equal(expected, index.Matches(index.Analyse(tokens)));
    }

    private const string ContextLexicon = """
        language: xx
        negations: [no, not]
        negation_barriers: [and]
        frames: ["in the film", "my character"]
        resolved: ["(is|s) fine now", "coughed it out", "stopped choking"]
        past: ["years ago", "as a child"]
        present: [now, today]
        categories:
          severe_bleeding:
            severity: critical
            patterns: ["bleed*"]
          choking:
            severity: critical
            patterns: ["chok*", "chok* ~4 blue"]
        """;

    [Theory]
    [InlineData("in the film he is bleeding", "none")] // a frame cancels its sentence
    [InlineData("bleeding, in the film", "none")] // ... before or after it
    [InlineData("in the film. he is bleeding", "critical")] // ... and only its sentence
    [InlineData("he is not in the film, he is bleeding", "critical")] // a negated frame is no frame
    [InlineData("in the film, now he is bleeding", "critical")] // a present word ends a frame's reach
    [InlineData("in the film a b c d e f g h i j k l m bleeding", "critical")] // ... and so do more than 12 words
    [InlineData("he finally stopped choking", "minor")] // a match inside the reassurance is over too
    [InlineData("he choked but coughed it out", "minor")] // reassurance: what came before is over
    [InlineData("he choked, coughed it out, now he is bleeding", "critical")] // ... not what comes after
    [InlineData("he choked and is fine now", "minor")]
    [InlineData("he was bleeding a lot years ago", "minor")] // past-time marker
    [InlineData("years ago he was bleeding", "minor")] // ... before the match too
    [InlineData("bleeding years ago and now he is choking", "critical")] // "now" ends its reach
    [InlineData("bleeding years ago and he is choking", "critical")] // ... and so does a barrier word
    [InlineData("as a child one two three four five six seven bleeding", "critical")] // ... and so do more than six words
    [InlineData("years ago. he is bleeding", "critical")] // ... and a sentence end
    [InlineData("he is bleeding, years ago he was choking", "critical")] // backwards only within the clause
    [InlineData("as a child he was choking and blue", "minor")]
    [InlineData("as a child he was choking now blue", "critical")] // a present word inside the match ends it
    [InlineData("years ago he was bleeding and then choking", "critical")] // ... negation barriers stop it by default
    public void Classify_FramesReassuranceAndPast(string text, string severity)
    {
        var r = With(ContextLexicon).Classify(text);

        Assert.Equal(severity, r.Severity.ToString().ToLowerInvariant());
        Assert.Equal(severity == "critical", r.Detected);
    }

    [Theory]
    [InlineData("he choked, coughed it out but today he keeps coughing", true)] // a reassurance qualified by a contrast and a present word is not final
    [InlineData("he choked, coughed it out but what should I do next time", false)] // ... a contrast alone is the question that follows
    [InlineData("he choked but he is fine now", false)] // ... a contrast before it changes nothing
    [InlineData("he choked and coughed it out. but today what should I do", false)] // ... nor one in the next sentence
    public void Classify_AContrastAfterAReassurance_KeepsTheEarlierMatch(string text, bool detected)
    {
        var lexicon = ContextLexicon.Replace("present: [now, today]", "present: [now, today]\ncontrast: [but]", StringComparison.Ordinal);

        Assert.Equal(detected, With(lexicon).Classify(text).Detected);
        Assert.False(With(ContextLexicon).Classify(text).Detected); // without the contrast list every one is over
    }

    [Theory]
    [InlineData("resolved: [\"talks normally @choking\"]", "he choked, talks normally", false)] // a scoped reassurance softens its category
    [InlineData("resolved: [\"talks normally @choking\"]", "he is bleeding, talks normally", true)] // ... and no other
    [InlineData("idioms: [\"bleeding ~2 heart @severe_bleeding\"]", "bleeding my heart", false)]
    [InlineData("idioms: [\"choking ~2 heart @severe_bleeding\"]", "choking my heart", true)]
    [InlineData("frames: [\"in the game @choking\"]", "in the game he is bleeding", true)]
    [InlineData("frames: [\"in the game @choking\"]", "in the game he is choking", false)]
    [InlineData("past: [\"last year @choking\"]", "last year he was bleeding", true)]
    [InlineData("past: [\"last year @severe_bleeding\"]", "last year he was bleeding", false)]
    public void Classify_ScopedContextPatterns_ApplyToTheirCategoriesOnly(string entry, string text, bool detected)
    {
        var lexicon = entry.StartsWith("resolved", StringComparison.Ordinal)
            ? ContextLexicon.Replace("resolved: [\"(is|s) fine now\", \"coughed it out\", \"stopped choking\"]", entry, StringComparison.Ordinal)
            : entry.StartsWith("frames", StringComparison.Ordinal) ? ContextLexicon.Replace("frames: [\"in the film\", \"my character\"]", entry, StringComparison.Ordinal)
            : entry.StartsWith("past", StringComparison.Ordinal) ? ContextLexicon.Replace("past: [\"years ago\", \"as a child\"]", entry, StringComparison.Ordinal)
            : ContextLexicon.Replace("present: [now, today]", "present: [now, today]\n" + entry, StringComparison.Ordinal);

        Assert.Equal(detected, With(lexicon).Classify(text).Detected);
    }

    [Theory]
    [InlineData("bleed* @choking")]
    [InlineData("chok* @no_such_category")]
    public void Parse_AScopeOnACategoryPatternOrAnUnknownCategory_IsRefused(string pattern) =>
        Assert.Throws<FormatException>(() => TriageLexicon.Parse(ContextLexicon.Replace("patterns: [\"bleed*\"]", $"patterns: [\"{pattern}\"]", StringComparison.Ordinal), "test.yaml"));

    [Fact]
    public void Classify_ANegationInAnEarlierClauseOfAGap_DoesNotCancelTheMatch()
    {
        var lexicon = NotNegationLexicon.Replace("NOT_NEGATIONS", "negation_barriers: [and]", StringComparison.Ordinal);

        Assert.True(With(lexicon).Classify("coughing not much, foam").Detected);
        Assert.False(With(lexicon).Classify("coughing but not foam").Detected);
        Assert.True(With(lexicon).Classify("coughing not much and foam").Detected); // a barrier before any word of the pattern
        Assert.False(With(lexicon).Classify("coughing and not foam").Detected); // ... but not when the negation reaches a word of it
    }

    private const string NotNegationLexicon = """
        language: xx
        negations: [no, not, without]
        NOT_NEGATIONS
        categories:
          severe_bleeding:
            severity: critical
            patterns: ["bleed*"]
          drowning:
            severity: critical
            patterns: ["cough* ~4 foam"]
        """;

    [Theory]
    [InlineData("without stopping bleeding", "severe_bleeding")] // before the match
    [InlineData("coughing without stopping and foam", "drowning")] // inside a gap
    public void Classify_NotNegations_DoNotNegate(string text, string category)
    {
        var plain = With(NotNegationLexicon.Replace("NOT_NEGATIONS", string.Empty, StringComparison.Ordinal));
        var withPhrase = With(NotNegationLexicon.Replace("NOT_NEGATIONS", "not_negations: [\"without stopping\"]", StringComparison.Ordinal));

        Assert.False(plain.Classify(text).Detected);
        Assert.Equal(category, withPhrase.Classify(text).Category);
    }

    [Fact]
    public void Classify_PastBarriers_ReplaceTheNegationBarriersForPastMarkers()
    {
        var lexicon = ContextLexicon.Replace("negation_barriers: [and]", "negation_barriers: [and, he]\npast_barriers: [because]", StringComparison.Ordinal);

        Assert.Equal(Severity.Minor, With(lexicon).Classify("years ago he was bleeding").Severity); // "he" blocks negation, not the past
        Assert.True(With(lexicon).Classify("years ago because he was bleeding").Detected);
    }

    [Fact]
    public void Classify_AMatchSoftenedByADegreeWord_DoesNotSwallowAGraverOverlap()
    {
        var triage = With("""
            language: xx
            mild: [lightly]
            categories:
              major_trauma:
                severity: critical
                patterns: ["fell ~6 stairs"]
              unconscious:
                severity: critical
                patterns: ["unconscious"]
            """);

        Assert.Equal(Severity.Minor, triage.Classify("he fell lightly down the stairs").Severity);
        var r = triage.Classify("he fell lightly and is now unconscious on the stairs");
        Assert.True(r.Detected);
        Assert.Equal("unconscious", r.Category);
    }

    [Fact]
    public void Classify_FramesStopOnlyAtTheirOwnLexiconsPresentWords()
    {
        var triage = new TriageClassifier([TriageLexicon.Parse(ContextLexicon, "xx.yaml"), TriageLexicon.Parse("language: yy\npresent: [qui]\ncategories: {}\n", "yy.yaml")]);

        Assert.False(triage.Classify("in the film qui is bleeding").Detected);
        Assert.True(triage.Classify("in the film now he is bleeding").Detected);
    }
}
