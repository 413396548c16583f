using SigmaNex.Core.Triage;

namespace SigmaNex.Core.Tests.Triage;

/// <summary>Italian triage (Resources/triage/it.yaml): the gaps filled while writing the other lexicons.</summary>
public sealed class TriageItalianTests
{
    private readonly TriageClassifier _triage = TriageClassifier.Default;

    [Theory]
    [InlineData("non ha nessun battito", "cardiac_arrest", "cpr-adult")]
    [InlineData("non risponde e non respira", "cardiac_arrest", "cpr-adult")]
    [InlineData("mio nonno di 80 anni non respira", "cardiac_arrest", "cpr-adult")]
    [InlineData("mio figlio di 6 anni non respira", "cardiac_arrest", "cpr-child")]
    [InlineData("come si usa il defibrillatore", "cardiac_arrest", "aed-use")]
    [InlineData("non smette di sanguinare", "severe_bleeding", "severe-bleeding")]
    [InlineData("mi sanguina il naso da 30 minuti", "severe_bleeding", "nosebleed")]
    [InlineData("come si mette il laccio emostatico", "severe_bleeding", "tourniquet")]
    [InlineData("punto da una vespa e gli si gonfia la faccia", "anaphylaxis", "anaphylaxis")]
    [InlineData("mio figlio è caduto in piscina", "drowning", "drowning")]
    [InlineData("colpito da un fulmine", "electrocution", "lightning-strike")]
    [InlineData("è svenuto", "unconscious", "fainting")]
    [InlineData("crisi d'asma", "breathing_difficulty", "asthma-attack")]
    [InlineData("si è rotto il collo", "major_trauma", "spinal-injury")]
    [InlineData("iperglicemia grave", "diabetic_emergency", "hyperglycaemia")]
    [InlineData("esaurimento da calore", "heat_stroke", "heat-exhaustion")]
    public void Classify_ItalianEmergencies(string text, string category, string protocol)
    {
        var r = _triage.Classify(text, "it");

        Assert.True(r.Detected, text);
        Assert.Equal(category, r.Category);
        Assert.Equal(protocol, r.ProtocolId);
    }

    [Theory]
    [InlineData("il mio telefono non risponde")]
    [InlineData("non risponde al telefono")]
    [InlineData("è venuto a trovarmi ieri")]
    [InlineData("sto morendo dal ridere")]
    [InlineData("muoio di fame")]
    [InlineData("devo fare le analisi del sangue")]
    [InlineData("un cuscino soffice")]
    [InlineData("il treno era affollato")]
    [InlineData("ho imparato qualcosa")]
    [InlineData("niente sangue, solo un livido")]
    [InlineData("mi piace il mare")]
    public void Classify_ItalianNonEmergencies_AreNotFlagged(string text) =>
        Assert.False(_triage.Classify(text, "it").Detected, text);
}
