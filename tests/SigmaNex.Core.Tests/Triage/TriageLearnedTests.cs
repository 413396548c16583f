using SigmaNex.Core.Evaluation;
using SigmaNex.Core.Triage;
using SigmaNex.Tests;

namespace SigmaNex.Core.Tests.Triage;

/// <summary>
/// Triage's learned stage (<see cref="TriageModel"/>): training is deterministic, the shipped 8-bit weights score like
/// the trained ones; the stage adds alarms where no pattern matched, and overrules a match only in a long message it is
/// sure of in whole and around the match, downgrading it to a hint; short messages are left to the rules.
/// </summary>
public sealed class TriageLearnedTests
{
    private const string Lexicon = """
        language: t
        negations: [not]
        negation_skip: [is, he, she]
        age:
          infant: [baby]
        categories:
          cardiac_arrest:
            severity: critical
            patterns: ["not breathing"]
        """;

    private static readonly TriageModelTrainer.Example[] s_examples =
    [
        new("he collapsed and his lips are blue and he is gasping", true, "cardiac_arrest"),
        new("she collapsed on the kitchen floor lips turning blue", true, "cardiac_arrest"),
        new("my father collapsed, blue lips, gasping for air", true, "cardiac_arrest"),
        new("grandma collapsed and her lips look blue and she gasps", true, "cardiac_arrest"),
        new("the boy collapsed at school and his lips went blue", true, "cardiac_arrest"),
        new("what a lovely sunny day for a walk in the park", false, null),
        new("we are planning a picnic by the lake this weekend", false, null),
        new("the park is lovely in spring, we walk there every day", false, null),
        new("any tips for a weekend walk near the lake with kids", false, null),
        new("sunny weekend ahead, perfect for the park and a picnic", false, null),
    ];

    private const string VetoedText = "a sunny weekend walk in the park with a picnic by the lake, kids not breathing a word about the lovely day";

    private static readonly TriageModel s_model = TriageModelTrainer.Train(s_examples, epochs: 30);

    private static readonly TriageClassifier s_triage = new([TriageLexicon.Parse(Lexicon, "t.yaml")], s_model);

    [Fact]
    public void Train_SameData_GivesTheSameModel()
    {
        var again = TriageModelTrainer.Train(s_examples, epochs: 30);
        var features = TriageModel.Features("my uncle collapsed and his lips are blue");

        Assert.Equal(s_model.Probability(features), again.Probability(features));
    }

    [Fact]
    public void Train_SeparatesTheExamples_AndNamesTheCategory()
    {
        Assert.True(s_model.Probability(TriageModel.Features("my uncle collapsed and his lips are blue")) > 0.9);
        Assert.True(s_model.Probability(TriageModel.Features("a sunny walk in the park this weekend")) < 0.1);
        Assert.Equal("cardiac_arrest", s_model.Category(TriageModel.Features("my uncle collapsed and his lips are blue")).Category);
    }

    [Fact]
    public void WriteAndRead_EightBitWeights_ScoreWithinAHundredth()
    {
        using var stream = new MemoryStream();
        s_model.Write(stream);
        stream.Position = 0;
        var read = TriageModel.Read(stream);

        foreach (var text in new[] { "my uncle collapsed and his lips are blue", "a sunny walk in the park", "lips" })
        {
            Assert.InRange(read.Probability(TriageModel.Features(text)) - s_model.Probability(TriageModel.Features(text)), -0.01, 0.01);
        }
    }

    [Theory]
    [InlineData(0)] // empty
    [InlineData(10)] // header cut short
    [InlineData(1000)] // weights cut short
    public void Read_TruncatedOrForeignFile_IsAClearError(int keep)
    {
        using var full = new MemoryStream();
        s_model.Write(full);
        var bytes = full.ToArray()[..keep];

        var ex = Assert.ThrowsAny<Exception>(() => TriageModel.Read(new MemoryStream(bytes)));

        Assert.True(ex is InvalidDataException or EndOfStreamException, ex.GetType().Name);
    }

    [Theory]
    [InlineData("my uncle collapsed and his lips are blue", "cpr-adult")]
    [InlineData("my baby collapsed and his lips are blue", "cpr-infant")] // the lexicon's age words choose the protocol
    public void Classify_NoPatternMatched_LongAndSure_RaisesALearnedAlarm(string text, string protocol)
    {
        var r = s_triage.Classify(text);

        Assert.True(r.Detected);
        Assert.Equal("learned", r.Decision);
        Assert.Equal("cardiac_arrest", r.Category);
        Assert.Equal(protocol, r.ProtocolId);
        Assert.Contains("collapsed", r.Evidence);
    }

    [Theory]
    [InlineData("planning a picnic by the lake this weekend and grandma collapsed, her lips blue and she is gasping for air", true)] // 20 words
    [InlineData("a picnic by the lake this weekend and grandma collapsed, her lips blue and gasping", false)] // 15 words
    public void Classify_NoPatternMatched_FairlySure_RaisesAnAlarmOnlyInALongMessage(string text, bool raised)
    {
        var r = s_triage.Classify(text);

        Assert.InRange(r.LearnedScore!.Value, TriageClassifier.LearnedAloneLong, TriageClassifier.LearnedAlone);
        Assert.Equal(raised, r.Detected);
        Assert.Equal(raised ? "learned" : "rules", r.Decision);
    }

    [Theory]
    [InlineData("collapsed, lips blue")] // too short to trust the learned stage
    [InlineData("he is not not breathing, collapsed, lips blue, gasping")] // a pattern matched and the rules decided
    public void Classify_ShortOrDecidedByRules_IsLeftToTheRules(string text)
    {
        Assert.Equal(s_triage.RulesOnly.Classify(text).Detected, s_triage.Classify(text).Detected);
        Assert.Equal("rules", s_triage.Classify(text).Decision);
    }

    [Fact]
    public void Classify_ShortRuleMatch_IsNeverCancelledByALowLearnedScore()
    {
        var r = s_triage.Classify("lovely sunny park walk, weekend picnic by the lake, not breathing");

        Assert.True(r.LearnedScore < TriageClassifier.VetoWhole, $"{r.LearnedScore}");
        Assert.True(r.Detected);
        Assert.Equal("rules", r.Decision);
    }

    [Fact]
    public void Classify_LongRuleMatchTheLearnedStageIsSureIsHarmless_IsVetoedToAHint()
    {
        var r = s_triage.Classify(VetoedText);

        Assert.False(r.Detected);
        Assert.Equal("veto", r.Decision);
        Assert.Equal(Severity.Minor, r.Severity); // the protocol stays a hint for the answer
        Assert.Equal("cpr-adult", r.ProtocolId);
        Assert.Equal(["not breathing"], r.Evidence);
        Assert.True(s_triage.RulesOnly.Classify(VetoedText).Detected);
    }

    [Fact]
    public void Classify_LongRuleMatch_LearnedCategorySelfHarm_IsNeverVetoed()
    {
        // The same harmless examples, but the only emergency this model knows is self-harm: its category reading of
        // anything is self-harm, and that is never overruled.
        TriageModelTrainer.Example[] examples =
        [
            .. s_examples.Where(e => !e.Emergency),
            .. s_examples.Where(e => e.Emergency).Select(e => e with { Category = "suicide_self_harm" }),
        ];
        var triage = new TriageClassifier([TriageLexicon.Parse(Lexicon, "t.yaml")], TriageModelTrainer.Train(examples, epochs: 30));

        var r = triage.Classify(VetoedText);

        Assert.True(r.LearnedScore < TriageClassifier.VetoWhole, $"{r.LearnedScore}");
        Assert.True(r.Detected);
        Assert.Equal("rules", r.Decision);
    }

    [Fact]
    public void Classify_LongRuleMatch_EmergencyAfterUnrelatedTalk_IsKeptByTheWordsAroundIt()
    {
        // The whole message reads like the harmless examples; the words around the match do not.
        const string text = "what a lovely sunny weekend for a walk in the park, we are planning a picnic by the lake with the kids, any tips for the park, and he collapsed, not breathing";

        var r = s_triage.Classify(text);

        Assert.True(r.LearnedScore < TriageClassifier.VetoWhole, $"{r.LearnedScore}");
        Assert.True(r.Detected);
        Assert.Equal("rules", r.Decision);
    }

    [Theory]
    [InlineData("grandpa went grey and sweaty in his armchair and now hes just staring, not answering me")]
    [InlineData("my mate is lying on the pavement, eyes rolled back, making snoring noises")]
    public void Shipped_PhrasingsNoPatternNames_AreCaughtByTheLearnedStage(string text)
    {
        Assert.True(TriageClassifier.Default.HasLearnedStage);
        Assert.False(TriageClassifier.Default.RulesOnly.Classify(text, "en").Detected);

        var r = TriageClassifier.Default.Classify(text, "en");

        Assert.True(r.Detected, text);
        Assert.Equal("learned", r.Decision);
    }

    [Fact]
    public void Shipped_Model_IsTrainedOnTheCurrentDevelopmentMessages()
    {
        // Labelled development messages added without retraining leave the shipped model (and the figures in
        // docs/SAFETY.md) behind. Training is deterministic; a tolerance covers arithmetic that may differ by processor.
        var cases = TriageModelTrainer.DevelopmentFiles(RepoPaths.Root).SelectMany(TriageEvaluator.Read).ToList();
        var trained = TriageModelTrainer.Train([.. cases.Select(c => new TriageModelTrainer.Example(c.Text, c.Emergency, c.Category))]);
        var shipped = TriageModel.LoadDefault()!;

        var drift = cases.Where((_, i) => i % 10 == 0)
            .Max(c => Math.Abs(trained.Probability(TriageModel.Features(c.Text)) - shipped.Probability(TriageModel.Features(c.Text))));

        Assert.True(drift < 0.02, $"the shipped triage model differs from one trained on the development messages (largest probability change {drift:F3}): retrain it with `SigmaNex.Bench train-triage` (README)");
    }

    // Real emergencies told inside off-topic context score lowest with the learned stage as a whole (0.014–0.28): why a
    // veto also needs the words around the match to look harmless.
    [Theory]
    [InlineData("in the last episode of the series the hero dies, but right now my brother is unconscious on the sofa and wont wake up")]
    [InlineData("the stock market crashed today, my portfolio is bleeding, and my husband had a stroke reading the news, his face is drooping")]
    [InlineData("im finishing the quarterly budget report for the marketing team and my colleague just collapsed and isnt breathing")]
    public void Shipped_EmergencyInsideOffTopicContext_IsDetected(string text) => Assert.True(TriageClassifier.Default.Classify(text, "en").Detected, text);

    // Words of emergencies in other senses, in long messages: the rules match, the learned stage overrules them, and the
    // protocol stays a hint.
    [Theory]
    [InlineData("für den elektrotechnik kurs müssen wir berechnen ab welcher stromstärke ein stromschlag theoretisch gefährlich wird, ich komm mit den formeln einfach nicht klar", "de")]
    [InlineData("mein schwiegervater hat beim familienessen wieder politik angefangen und ich dachte echt ich krieg nen schlaganfall, aber ich hab nur gelächelt und weiter kartoffeln gegessen", "de")]
    public void Shipped_LongMessageUsingEmergencyWordsInOtherSenses_IsVetoed(string text, string language)
    {
        Assert.True(TriageClassifier.Default.RulesOnly.Classify(text, language).Detected, text);

        var r = TriageClassifier.Default.Classify(text, language);

        Assert.False(r.Detected, text);
        Assert.Equal("veto", r.Decision);
        Assert.Equal(Severity.Minor, r.Severity);
    }

    // Known false alarms of the learned stage (docs/SAFETY.md): short, harmless, and close to many emergencies of the
    // training data. The rules say no; the learned stage, sure of itself, says yes. Kept here so that they stay visible.
    [Theory]
    [InlineData("je dois faire une prise de sang", "fr")]
    [InlineData("hace mucho frío y no siento las manos", "es")]
    [InlineData("Meine Hände sind voller Blasen vom Rudern", "de")]
    [InlineData("je suis allergique au pollen, j'ai les yeux gonflés", "fr")]
    public void Shipped_KnownLearnedFalseAlarms_TheRulesSayNo(string text, string language) =>
        Assert.False(TriageClassifier.Default.RulesOnly.Classify(text, language).Detected, text);
}
