using SigmaNex.Core.Triage;

namespace SigmaNex.Core.Tests.Triage;

/// <summary>English triage (Resources/triage/en.yaml): the gaps filled while writing the other lexicons.</summary>
public sealed class TriageEnglishTests
{
    private readonly TriageClassifier _triage = TriageClassifier.Default;

    [Theory]
    [InlineData("it won't stop bleeding", "severe_bleeding", "severe-bleeding")]
    [InlineData("the cut doesn't stop bleeding", "severe_bleeding", "severe-bleeding")]
    [InlineData("my nose is bleeding and it won't stop", "severe_bleeding", "nosebleed")]
    [InlineData("he doesn't have a pulse", "cardiac_arrest", "cpr-adult")]
    [InlineData("my 7 year old is not breathing", "cardiac_arrest", "cpr-child")]
    [InlineData("my 70 year old dad is not breathing", "cardiac_arrest", "cpr-adult")]
    [InlineData("how do I use an AED", "cardiac_arrest", "aed-use")]
    [InlineData("he is not breathing and hard to wake", "cardiac_arrest", "cpr-adult")]
    [InlineData("he was stung by a bee and his face is swelling", "anaphylaxis", "anaphylaxis")]
    [InlineData("she fainted", "unconscious", "fainting")]
    [InlineData("he is in a coma", "unconscious", "unconscious-person")]
    [InlineData("a poisonous snake bit him", "venomous_bite", "snake-bite")]
    [InlineData("hit by a car and he is dying", "cardiac_arrest", "cpr-adult")]
    [InlineData("his breathing is very fast", "breathing_difficulty", "breathing-difficulty")]
    [InlineData("she is having an asthma attack", "breathing_difficulty", "asthma-attack")]
    [InlineData("struck by lightning", "electrocution", "lightning-strike")]
    [InlineData("he broke his neck", "major_trauma", "spinal-injury")]
    [InlineData("she broke her arm", "major_trauma", "fractures")]
    [InlineData("my child swallowed a button battery", "poisoning", "poisoning-swallowed")]
    [InlineData("heat exhaustion after a run", "heat_stroke", "heat-exhaustion")]
    [InlineData("my baby fell off the changing table", "major_trauma", "head-injury")]
    public void Classify_EnglishEmergencies(string text, string category, string protocol)
    {
        var r = _triage.Classify(text, "en");

        Assert.True(r.Detected, text);
        Assert.Equal(category, r.Category);
        Assert.Equal(protocol, r.ProtocolId);
    }

    [Theory]
    [InlineData("the bleeding has stopped")]
    [InlineData("a recipe for fish: recette de poisson")]
    [InlineData("I'm completely burned out")]
    [InlineData("what an adrenaline rush")]
    [InlineData("my car is dead")]
    [InlineData("my laptop is overheating")]
    [InlineData("I suffer from hay fever")]
    [InlineData("where is the fitting room")]
    [InlineData("dog breeding tips")]
    [InlineData("how do I stoke the fire")]
    [InlineData("I stubbed my toe")]
    [InlineData("he was rushed to the shop")]
    [InlineData("add more insulation to the shelter")]
    [InlineData("chop the carrots")]
    [InlineData("we went to Disney")]
    [InlineData("I'm sitting on a chair")]
    [InlineData("gluten free bread")]
    [InlineData("what are the rules")]
    public void Classify_EnglishNonEmergencies_AreNotFlagged(string text) =>
        Assert.False(_triage.Classify(text, "en").Detected, text);
}
