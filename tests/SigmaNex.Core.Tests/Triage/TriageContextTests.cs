using SigmaNex.Core.Triage;

namespace SigmaNex.Core.Tests.Triage;

/// <summary>
/// The mechanisms of the second tuning round: thing nouns that make a match non-medical, a negation inside a
/// gap, multi-word mild phrases, apostrophe-less English negations and first-person forms.
/// </summary>
public sealed class TriageContextTests
{
    private const string Lexicon = """
        language: t
        negations: [not]
        negations_after: [nicht]
        negation_skip: [is, the]
        negation_barriers: [and]
        mild: ["a little"]
        thing_subjects: [plant]
        thing_objects: [money]
        categories:
          severe_bleeding:
            severity: critical
            patterns: ["bleeding", "snake ~ bit"]
          cardiac_arrest:
            severity: critical
            patterns: ["dying"]
        """;

    private static readonly TriageClassifier s_test = new([TriageLexicon.Parse(Lexicon, "t.yaml")]);
    private readonly TriageClassifier _triage = TriageClassifier.Default;

    [Theory]
    [InlineData("the plant is dying")]
    [InlineData("the plant dying")]
    [InlineData("it is bleeding money")]
    public void ThingNoun_GoverningTheMatch_CancelsIt(string text) => Assert.False(s_test.Classify(text).Detected, text);

    [Theory]
    [InlineData("the plant fell and he is dying")] // across a barrier
    [InlineData("plant x y z dying")] // too far
    [InlineData("he is bleeding")]
    [InlineData("money is bleeding")] // an object noun does not count before
    public void ThingNoun_NotGoverningTheMatch_LeavesIt(string text) => Assert.True(s_test.Classify(text).Detected, text);

    [Fact]
    public void ThingNoun_ScopedToACategory_CancelsOnlyThatCategory()
    {
        var scoped = new TriageClassifier([TriageLexicon.Parse(Lexicon.Replace("thing_subjects: [plant]", "thing_subjects: [plant, \"engine@cardiac_arrest\"]", StringComparison.Ordinal), "t.yaml")]);

        Assert.False(scoped.Classify("the engine is dying").Detected);
        Assert.True(scoped.Classify("the engine is bleeding").Detected);
        Assert.True(s_test.Classify("the engine is dying").Detected); // not a thing noun at all without the entry
    }

    [Theory]
    [InlineData("the man in the plant is dying", false)] // a place, not the subject
    [InlineData("the man in my old plant is dying", false)]
    [InlineData("the plant is dying", true)]
    public void ThingNoun_AfterAPrepositionOfPlace_IsNotTheSubject(string text, bool thing)
    {
        var places = new TriageClassifier([TriageLexicon.Parse(Lexicon.Replace("thing_subjects: [plant]", "thing_subjects: [plant]\nthing_places: [in]", StringComparison.Ordinal), "t.yaml")]);

        Assert.Equal(!thing, places.Classify(text).Detected);
        Assert.False(s_test.Classify("the man in the plant is dying").Detected); // without thing_places, as before
    }

    [Theory]
    [InlineData("the man in the car is not breathing", "en")]
    [InlineData("a worker on the scaffolding collapsed", "en")]
    [InlineData("my grandad collapsed on the balcony", "en")]
    [InlineData("en el coche le dio un infarto a mi padre", "es")]
    public void ThingNoun_AfterAPlace_ShippedLexicons_KeepTheEmergency(string text, string language) => Assert.True(_triage.Classify(text, language).Detected, text);

    [Theory]
    [InlineData("the scaffolding collapsed in the wind", "en")]
    [InlineData("the old bridge collapsed last winter", "en")]
    public void ThingNoun_AsSubject_ShippedLexicons_IsNoEmergency(string text, string language) => Assert.False(_triage.Classify(text, language).Detected, text);

    [Theory]
    [InlineData("engine@")]
    [InlineData("engine@no_such_category")]
    [InlineData("@cardiac_arrest")]
    [InlineData("severe_bleeding")] // what an unquoted "engine@cardiac_arrest,severe_bleeding" leaves behind
    public void ThingNoun_BadScope_IsRefusedWithTheEntry(string entry)
    {
        var ex = Assert.Throws<FormatException>(() => TriageLexicon.Parse(Lexicon.Replace("thing_subjects: [plant]", $"thing_subjects: [\"{entry}\"]", StringComparison.Ordinal), "t.yaml"));

        Assert.Contains(entry, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NounNegation_NotAmongTheNegations_IsRefused()
    {
        var ex = Assert.Throws<FormatException>(() => TriageLexicon.Parse(Lexicon.Replace("negations: [not]", "negations: [not]\nnoun_negations: [not, without]", StringComparison.Ordinal), "t.yaml"));

        Assert.Contains("without", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NegationInsideGap_CancelsTheMatch()
    {
        Assert.False(s_test.Classify("snake not bit").Detected);
        Assert.False(s_test.Classify("snake nicht bit").Detected);
        Assert.True(s_test.Classify("snake x bit").Detected);
    }

    [Fact]
    public void MildPhrase_MakesAnInjuryMinor_OnlyAsAWholePhrase()
    {
        Assert.Equal(Severity.Minor, s_test.Classify("bleeding a little").Severity);
        Assert.True(s_test.Classify("bleeding a lot").Detected);
        Assert.True(s_test.Classify("little bleeding").Detected);
    }

    [Theory]
    [InlineData("the plant is dying, should i water it", "en")]
    [InlineData("the company is bleeding money", "en")]
    [InlineData("weeds are choking my tomato plants", "en")]
    [InlineData("the fire in the stove died out", "en")]
    [InlineData("la pianta sta morendo", "it")]
    [InlineData("l azienda sta perdendo sangue", "it")]
    [InlineData("la empresa esta sangrando dinero", "es")]
    [InlineData("una oferta de infarto en zapatillas", "es")]
    [InlineData("l entreprise saigne de l argent", "fr")]
    [InlineData("les mauvaises herbes etouffent le potager", "fr")]
    [InlineData("die Firma blutet Geld", "de")]
    [InlineData("die Preise sind der reinste Herzinfarkt", "de")]
    public void Shipped_NonMedicalSense_IsNotAnEmergency(string text, string language) =>
        Assert.False(_triage.Classify(text, language).Detected, text);

    [Theory]
    [InlineData("the battery burned his hand", "en", "severe_burns")]
    [InlineData("the car crashed and my son is bleeding", "en", "severe_bleeding")]
    [InlineData("my son ate a poisonous plant", "en", "poisoning")]
    [InlineData("la macchina si e ribaltata e mio figlio sanguina", "it", "severe_bleeding")]
    public void Shipped_ThingsNearARealEmergency_StillDetected(string text, string language, string category)
    {
        var r = _triage.Classify(text, language);
        Assert.True(r.Detected, text);
        Assert.Equal(category, r.Category);
    }

    [Theory]
    [InlineData("he isnt choking, he is just coughing", "en")]
    [InlineData("he didnt swallow any pills, we counted them", "en")]
    [InlineData("die Schlange hat ihn nicht gebissen", "de")]
    [InlineData("er hat die Batterie nicht verschluckt", "de")]
    [InlineData("small paper cut on my finger, bleeding a little", "en")]
    [InlineData("me sangra un poco la nariz", "es")]
    public void Shipped_NegatedOrMinor_IsNotAnEmergency(string text, string language) =>
        Assert.False(_triage.Classify(text, language).Detected, text);

    [Theory]
    [InlineData("i cant breathe", "en", "breathing_difficulty")]
    [InlineData("my chest is crushing and my left arm is numb", "en", "heart_attack")]
    [InlineData("i cut my wrists", "en", "suicide_self_harm")]
    [InlineData("non riesco a respirare", "it", "breathing_difficulty")]
    [InlineData("non respiro bene", "it", "breathing_difficulty")]
    [InlineData("non respira", "it", "cardiac_arrest")]
    [InlineData("ho preso tutte le pastiglie", "it", "poisoning")]
    [InlineData("mi fa male il petto", "it", "heart_attack")]
    [InlineData("me tome un bote entero de pastillas", "es", "poisoning")]
    [InlineData("me cai del tejado y no siento las piernas", "es", "major_trauma")]
    [InlineData("je me suis ouvert les veines", "fr", "suicide_self_harm")]
    [InlineData("je suis diabetique et je tremble, je suis confus", "fr", "diabetic_emergency")]
    [InlineData("ich hab mir die Pulsadern aufgeschnitten", "de", "suicide_self_harm")]
    [InlineData("mir drückt es auf der Brust", "de", "heart_attack")]
    public void Shipped_FirstPerson_IsDetected(string text, string language, string category)
    {
        var r = _triage.Classify(text, language);
        Assert.True(r.Detected, text);
        Assert.Equal(category, r.Category);
    }
}
