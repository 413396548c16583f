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
    [InlineData("mia moglie nn respira piu", "cardiac_arrest", "cpr-adult")]
    [InlineData("mio figlio ha ingoiato una moneta e non riesce a piangere", "choking", "choking-child")]
    [InlineData("è allergico alle arachidi, ne ha mangiato un biscotto e ha le labbra gonfie", "anaphylaxis", "anaphylaxis")]
    [InlineData("all'improvviso non trova le parole e gli cede la gamba", "stroke", "stroke-fast")]
    [InlineData("ho un macigno sullo sterno e mi fa male la mascella", "heart_attack", "heart-attack")]
    [InlineData("si è irrigidita e fa scatti con braccia e gambe", "seizure", "seizures")]
    [InlineData("ha trovato la candeggina e ne ha bevuto un sorso", "poisoning", "poisoning-swallowed")]
    [InlineData("ho respirato il fumo della stufa e mi gira la testa", "poisoning", "carbon-monoxide")]
    [InlineData("mi sono rovesciato addosso l'olio bollente", "severe_burns", "burns-scalds")]
    [InlineData("mio figlio è finito sott'acqua in piscina e non respira", "drowning", "drowning")]
    [InlineData("è rimasto al freddo tutta la notte e non risponde", "hypothermia", "hypothermia")]
    [InlineData("è crollato per il caldo e delira", "heat_stroke", "heat-stroke")]
    [InlineData("mi ha scritto che vuole buttarsi dal ponte e non risponde più", "suicide_self_harm", "suicide-risk")]
    [InlineData("mi ha morso un serpente e non so se era velenoso", "venomous_bite", "snake-bite")]
    [InlineData("è diabetico, è in ipoglicemia e non risponde", "diabetic_emergency", "hypoglycaemia")]
    [InlineData("ha preso una scossa dalla lavatrice", "electrocution", "electrocution")]
    [InlineData("mia sorella ha partorito in bagno e il bambino non piange", "childbirth", "childbirth-emergency")]
    [InlineData("è stato investito da una macchina e non si muove", "major_trauma", "head-injury")]
    [InlineData("mio padre è caduto in giardino e non si muove", "unconscious", "unconscious-person")]
    [InlineData("mio figlio è caduto dall'albero e non si muove", "major_trauma", "head-injury")]
    [InlineData("è svenuto e non si è ripreso", "unconscious", "unconscious-person")]
    [InlineData("il sangue non si è fermato", "severe_bleeding", "severe-bleeding")]
    [InlineData("mio padre è in macchina, non dà segni di vita", "cardiac_arrest", "cpr-adult")]
    [InlineData("voglio farla finita di soffrire", "suicide_self_harm", "suicide-risk")]
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
    [InlineData("sto annegando nei compiti")]
    [InlineData("mio fratello mi soffoca con tutte le sue domande")]
    [InlineData("la crisi economica sta soffocando le piccole imprese")]
    [InlineData("mi si gela il sangue solo a pensarci")]
    [InlineData("la bistecca al sangue è la mia preferita")]
    [InlineData("ho bruciato l'arrosto in forno")]
    [InlineData("si è bruciata la lampadina in cucina")]
    [InlineData("nel film il protagonista muore annegato")]
    [InlineData("mi sono scottata al sole in spiaggia")]
    [InlineData("ho una piccola scottatura sulla mano")]
    [InlineData("le contrazioni erano false")]
    [InlineData("domani parto per le vacanze")]
    [InlineData("mia moglie è incinta e sta benissimo")]
    [InlineData("il serpente che l'ha morso era una biscia innocua")]
    [InlineData("è caduto ma né sangue né ferite")]
    [InlineData("ho preso la scossa dalla maniglia, era elettricità statica")]
    [InlineData("lo spettacolo era mozzafiato")]
    [InlineData("il mio albero di limoni sta morendo")]
    [InlineData("attento che ti fai del male")]
    [InlineData("il nuovo allenatore ha dato una scossa alla squadra")]
    [InlineData("la macchina non dà segni di vita")]
    [InlineData("è svenuto ma si è ripreso subito")]
    [InlineData("questo film è da infarto")]
    [InlineData("il sangue si è fermato subito, era solo un graffio")]
    public void Classify_ItalianNonEmergencies_AreNotFlagged(string text) =>
        Assert.False(_triage.Classify(text, "it").Detected, text);
}
