using SigmaNex.Core.Triage;

namespace SigmaNex.Core.Tests.Triage;

/// <summary>
/// Clinical and linguistic rules of the shipped lexicons: unresponsive is unconscious (cardiac arrest needs absent
/// breathing), heat stroke as confusion with hot skin, figurative uses of dying, bleeding and dead batteries,
/// self-harm wording that needs a person, word order of stings and bites.
/// </summary>
public sealed class TriageLexiconRuleTests
{
    private readonly TriageClassifier _triage = TriageClassifier.Default;

    [Theory]
    [InlineData("he collapsed and isn't responding", "en", "unconscious")]
    [InlineData("he collapsed and isn't breathing", "en", "cardiac_arrest")]
    [InlineData("è svenuta e non risponde", "it", "unconscious")]
    [InlineData("è svenuta e non respira", "it", "cardiac_arrest")]
    [InlineData("se desmayó y no responde", "es", "unconscious")]
    [InlineData("se desmayó y no respira", "es", "cardiac_arrest")]
    [InlineData("the runner is confused and his skin is very hot", "en", "heat_stroke")]
    [InlineData("è confuso e la pelle scotta", "it", "heat_stroke")]
    [InlineData("está desorientado y tiene la piel ardiendo", "es", "heat_stroke")]
    [InlineData("il est confus et sa peau est brûlante", "fr", "heat_stroke")]
    [InlineData("er ist verwirrt und seine Haut glüht", "de", "heat_stroke")]
    [InlineData("high fever and now he is jerking", "en", "seizure")]
    [InlineData("he is twitching and his eyes rolled back", "en", "seizure")]
    [InlineData("he is killing himself", "en", "suicide_self_harm")]
    [InlineData("his heart stopping for a minute, we did CPR", "en", "cardiac_arrest")]
    [InlineData("he wants to kill himself", "en", "suicide_self_harm")]
    [InlineData("dice di volersi togliere la vita", "it", "suicide_self_harm")]
    [InlineData("si taglia i polsi", "it", "suicide_self_harm")]
    [InlineData("se está haciendo cortes en los brazos", "es", "suicide_self_harm")]
    [InlineData("mi ha punto uno scorpione", "it", "venomous_bite")]
    [InlineData("me ha picado una medusa", "es", "venomous_bite")]
    [InlineData("je me suis fait piquer par un scorpion", "fr", "venomous_bite")]
    [InlineData("he is diabetic and his breath smells fruity", "en", "diabetic_emergency")]
    [InlineData("es diabético y el aliento le huele a acetona", "es", "diabetic_emergency")]
    [InlineData("my grandad took a double dose of his heart pills", "en", "poisoning")]
    [InlineData("se ha tomado el doble de pastillas", "es", "poisoning")]
    [InlineData("se me ha quedado un trozo de carne en la garganta", "es", "choking")]
    [InlineData("mi si è bruciata la mano con l'olio", "it", "severe_burns")]
    [InlineData("she scalded her arm with boiling water", "en", "severe_burns")]
    [InlineData("on l'a repêché dans le lac", "fr", "drowning")]
    public void Classify_Recognises(string text, string language, string category)
    {
        var r = _triage.Classify(text, language);

        Assert.True(r.Detected, text);
        Assert.Equal(category, r.Category);
    }

    [Theory]
    [InlineData("this traffic is killing me", "en")]
    [InlineData("I almost died laughing", "en")]
    [InlineData("my landlord is bleeding me dry", "en")]
    [InlineData("my car battery is dead", "en")]
    [InlineData("I'm dying to know the score", "en")]
    [InlineData("stamattina è morta la batteria del telefono", "it")]
    [InlineData("l'affitto mi sta dissanguando", "it")]
    [InlineData("come si taglia il vetro", "it")]
    [InlineData("devo tagliarmi i capelli", "it")]
    [InlineData("mi brucia un po' la gola", "it")]
    [InlineData("come scaldarsi in macchina", "it")]
    [InlineData("el casero me está desangrando con el alquiler", "es")]
    [InlineData("dice cosas sin sentido cuando habla de política", "es")]
    [InlineData("se murió la batería del móvil", "es")]
    [InlineData("mon proprio me saigne à blanc", "fr")]
    [InlineData("die Miete lässt uns ausbluten", "de")]
    [InlineData("my mum scolded me for being late", "en")]
    [InlineData("what a heart-stopping match", "en")]
    [InlineData("è stata una partita da infarto", "it")]
    [InlineData("fue un final de infarto", "es")]
    public void Classify_IgnoresFigurativeAndNonMedicalUses(string text, string language) =>
        Assert.False(_triage.Classify(text, language).Detected, text);
}
