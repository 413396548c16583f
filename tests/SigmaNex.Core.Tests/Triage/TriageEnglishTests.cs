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
    // Phrasings of evals-dev/triage-dev3-en.jsonl: symptoms described without the condition's name, typos, rank between categories.
    [InlineData("my toddler put a grape in her mouth and now shes gagging and cant breathe or cry", "choking", "choking-infant")]
    [InlineData("my daughter has a nut allergy and just ate a cookie at a party, her face is swelling and shes wheezing", "anaphylaxis", "anaphylaxis")]
    [InlineData("my husband woke up confused, he cant find his words and one side of his body wont move", "stroke", "stroke-fast")]
    [InlineData("i just pulled my son out of the pool and hes not breathing", "drowning", "drowning")]
    [InlineData("my blood sugar meter just says hi, im vomiting and breathing really fast, type 1", "diabetic_emergency", "hyperglycaemia")]
    [InlineData("i cant breathe properly, my chest is tight and my inhaler isnt working", "breathing_difficulty", "asthma-attack")]
    [InlineData("runner collapsed at the marathon, his body feels scorching and hes babbling nonsense", "heat_stroke", "heat-stroke")]
    [InlineData("my friend texted me goodbye and says she took a whole bottle of pills on purpose", "suicide_self_harm", "suicide-risk")]
    [InlineData("she got zapped by a power line and isnt moving", "electrocution", "electrocution")]
    [InlineData("woman on the train is having a baby right now", "childbirth", "childbirth-emergency")]
    [InlineData("shes freezng and her speech is slurred after the hike", "hypothermia", "hypothermia")]
    [InlineData("baby has a high fever and now her arms and legs are twitching and stiff and she isnt responding", "seizure", "seizures")]
    [InlineData("i came off my motorbike at speed, i cant feel my legs and my back is agony", "major_trauma", "spinal-injury")]
    [InlineData("my toddler ate some of my blood pressure tablets", "poisoning", "poisoning-swallowed")]
    [InlineData("found my teenage daughter cutting her arms with a razor", "suicide_self_harm", "suicide-risk")]
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
    // Figurative, fictional, past and resolved uses (evals-dev/triage-dev3-en.jsonl).
    [InlineData("that comedian had me choking with laughter")]
    [InlineData("i nearly had a heart attack when i saw the electricity bill")]
    [InlineData("my heart stopped when we scored in the last minute")]
    [InlineData("laughing so hard i cant breathe lol")]
    [InlineData("customs announced a seizure of counterfeit goods at the port")]
    [InlineData("how do i bleed the radiators in my house")]
    [InlineData("in the film the hero gets stabbed but survives")]
    [InlineData("how do i burn a dvd of the wedding video")]
    [InlineData("the painter used bold brush strokes in this piece")]
    [InlineData("my dad had a stroke years ago, hes fully recovered now")]
    [InlineData("my daughter choked on a grape but coughed it out herself and shes totally fine")]
    [InlineData("she fainted for a second but came round straight away and is fine now")]
    [InlineData("no one was hurt in the car accident, just a dented bumper")]
    [InlineData("i burned my finger a little on the toaster, its just a bit red")]
    [InlineData("where can i get a new inhaler")]
    [InlineData("i want to die my hair purple")]
    [InlineData("my app is not responding on iphone")]
    [InlineData("i took two paracetamol for my headache, can i take ibuprofen too")]
    public void Classify_EnglishNonEmergencies_AreNotFlagged(string text) =>
        Assert.False(_triage.Classify(text, "en").Detected, text);
}
