using SigmaNex.Core.Triage;

namespace SigmaNex.Core.Tests.Triage;

public sealed class TriageClassifierTests
{
    private readonly TriageClassifier _triage = TriageClassifier.Default;

    [Theory]
    [InlineData("He is not breathing", "cardiac_arrest", "cpr-adult")]
    [InlineData("my baby is not breathing", "cardiac_arrest", "cpr-infant")]
    [InlineData("how do I do CPR", "cardiac_arrest", "cpr-adult")]
    [InlineData("I can't breathe", "breathing_difficulty", "breathing-difficulty")]
    [InlineData("my friend is having a fit", "seizure", "seizures")]
    [InlineData("she's bleeding heavily", "severe_bleeding", "severe-bleeding")]
    [InlineData("my toddler is choking on a grape", "choking", "choking-infant")]
    [InlineData("carbon monoxide alarm went off and I feel dizzy", "poisoning", "carbon-monoxide")]
    [InlineData("non respira", "cardiac_arrest", "cpr-adult")]
    [InlineData("mio padre ha un dolore al petto", "heart_attack", "heart-attack")]
    [InlineData("il bambino sta soffocando", "choking", "choking-child")]
    [InlineData("penso a farla finita", "suicide_self_harm", "suicide-risk")]
    public void Classify_Emergencies_AreDetectedWithTheirProtocol(string text, string category, string protocol)
    {
        var r = _triage.Classify(text);

        Assert.True(r.Detected, text);
        Assert.Equal(category, r.Category);
        Assert.Equal(protocol, r.ProtocolId);
        Assert.NotEmpty(r.Evidence);
    }

    [Theory]
    [InlineData("this traffic is killing me")]
    [InlineData("my car battery is dead")]
    [InlineData("I'm dying to know the score")]
    [InlineData("no bleeding, just a bruise")]
    [InlineData("how do I build a shelter")]
    [InlineData("how much water should I store per person")]
    [InlineData("questo traffico mi sta uccidendo")]
    [InlineData("il telefono è morto")]
    public void Classify_NonEmergencies_AreNotFlagged(string text) => Assert.False(_triage.Classify(text).Detected, text);

    [Fact]
    public void Classify_NegationOnlyWithinItsClause()
    {
        var r = _triage.Classify("No bleeding, but he is not breathing");

        Assert.Equal("cardiac_arrest", r.Category);
        Assert.DoesNotContain("severe_bleeding", r.AlsoMatched);
    }

    [Fact]
    public void Classify_Typos_StillMatch() => Assert.Equal("unconscious", _triage.Classify("he is unconcious").Category);
}
