using SigmaNex.Core.Triage;

namespace SigmaNex.Core.Tests.Triage;

/// <summary>German triage (Resources/triage/de.yaml): emergencies of every category, questions, typos, idioms, negation.</summary>
public sealed class TriageGermanTests
{
    private readonly TriageClassifier _triage = TriageClassifier.Default;

    [Theory]
    // cardiac_arrest
    [InlineData("hatte vor 3 Jahren einen Herzinfarkt, jetzt hab ich wieder starke Brustschmerzen", "heart_attack")]
    [InlineData("war kurz wieder wach, aber jetzt ist er wieder bewusstlos", "unconscious")]
    [InlineData("wir haben einen Film geschaut und plötzlich ist Papa umgekippt und atmet nicht", "cardiac_arrest")]
    [InlineData("die ganze Nacht ging es ihm gut und jetzt atmet er nicht mehr", "cardiac_arrest")]
    [InlineData("vor einer Stunde hat sie Nüsse gegessen und jetzt schwillt ihr Hals zu", "anaphylaxis")]
    [InlineData("mein Baby hat was im Hals und kriegt keine Luft mehr", "choking")]
    [InlineData("Mein Vater atmet nicht", "cardiac_arrest")]
    [InlineData("er atmet nicht mehr", "cardiac_arrest")]
    [InlineData("sie hat aufgehört zu atmen", "cardiac_arrest")]
    [InlineData("er hört auf zu atmen", "cardiac_arrest")]
    [InlineData("ich finde keinen Puls", "cardiac_arrest")]
    [InlineData("Verdacht auf Herzstillstand", "cardiac_arrest")]
    [InlineData("wie mache ich eine Herzdruckmassage", "cardiac_arrest")]
    [InlineData("Wiederbelebung bei Erwachsenen", "cardiac_arrest")]
    [InlineData("wie benutze ich einen Defibrillator", "cardiac_arrest", "aed-use")]
    [InlineData("ich glaube er ist tot", "cardiac_arrest")]
    [InlineData("Herzdruckmasage richtig machen", "cardiac_arrest")]
    // choking
    [InlineData("mein Kind hat sich verschluckt und bekommt keine Luft", "choking")]
    [InlineData("er erstickt", "choking")]
    [InlineData("ein Bonbon steckt im Hals", "choking")]
    [InlineData("wie geht der Heimlich-Griff", "choking")]
    [InlineData("sie hat sich an einem Stück Fleisch verschluckt", "choking")]
    // severe_bleeding
    [InlineData("er blutet stark am Bein", "severe_bleeding")]
    [InlineData("die Wunde hört nicht auf zu bluten", "severe_bleeding")]
    [InlineData("überall ist viel Blut", "severe_bleeding")]
    [InlineData("wie stoppe ich eine starke Blutung", "severe_bleeding")]
    [InlineData("Messerstich in den Arm", "severe_bleeding")]
    [InlineData("wie lege ich ein Tourniquet an", "severe_bleeding", "tourniquet")]
    [InlineData("sein Finger wurde abgetrennt", "severe_bleeding", "amputation")]
    // anaphylaxis
    [InlineData("anaphylaktischer Schock", "anaphylaxis")]
    [InlineData("er ist allergisch gegen Nüsse und seine Zunge schwillt an", "anaphylaxis")]
    [InlineData("nach einem Wespenstich ist ihr Gesicht geschwollen", "anaphylaxis")]
    [InlineData("wie benutze ich den Adrenalin-Pen", "anaphylaxis")]
    [InlineData("der Hals schnürt sich zu nach dem Essen", "anaphylaxis")]
    // drowning
    [InlineData("mein Kind ertrinkt", "drowning")]
    [InlineData("wir haben ihn aus dem Wasser gezogen", "drowning")]
    [InlineData("er ist fast ertrunken", "drowning")]
    [InlineData("sie ist in den Pool gefallen", "drowning")]
    // electrocution
    [InlineData("er hat einen Stromschlag bekommen", "electrocution")]
    [InlineData("sie wurde vom Blitz getroffen", "electrocution", "lightning-strike")]
    [InlineData("das Kind hat mit einer Gabel in die Steckdose gefasst", "electrocution")]
    [InlineData("er hat die Hochspannungsleitung berührt", "electrocution")]
    // unconscious
    [InlineData("er ist bewusstlos", "unconscious")]
    [InlineData("sie ist bewustlos", "unconscious")]
    [InlineData("meine Mutter wacht nicht auf", "unconscious")]
    [InlineData("er reagiert nicht mehr", "unconscious")]
    [InlineData("er ist nicht ansprechbar", "unconscious")]
    [InlineData("sie ist ohnmächtig geworden", "unconscious", "fainting")]
    [InlineData("wie geht die stabile Seitenlage", "unconscious", "recovery-position")]
    // stroke
    [InlineData("ich glaube mein Opa hat einen Schlaganfall", "stroke")]
    [InlineData("sein Mundwinkel hängt und er spricht verwaschen", "stroke")]
    [InlineData("plötzlich kann sie nicht mehr sprechen", "stroke")]
    [InlineData("ihr rechter Arm ist gelähmt", "stroke")]
    [InlineData("Schlagnfall Anzeichen", "stroke")]
    // heart_attack
    [InlineData("mein Vater hat einen Herzinfarkt", "heart_attack")]
    [InlineData("ich habe starke Brustschmerzen", "heart_attack")]
    [InlineData("Schmerzen in der Brust und im linken Arm", "heart_attack")]
    [InlineData("mir tut die Brust weh", "heart_attack")]
    [InlineData("Herzinfakt Symptome", "heart_attack")]
    // seizure
    [InlineData("er hat einen Krampfanfall", "seizure")]
    [InlineData("mein Baby hat einen Fieberkrampf", "seizure")]
    [InlineData("sie hat einen epileptischen Anfall", "seizure")]
    [InlineData("er zuckt am ganzen Körper und hat Schaum vor dem Mund", "seizure")]
    // breathing_difficulty
    [InlineData("ich bekomme keine Luft", "breathing_difficulty")]
    [InlineData("er hat Atemnot", "breathing_difficulty")]
    [InlineData("sie kann nicht mehr richtig atmen", "breathing_difficulty")]
    [InlineData("Asthmaanfall und kein Spray dabei", "breathing_difficulty", "asthma-attack")]
    [InlineData("seine Lippen sind blau", "breathing_difficulty")]
    // poisoning
    [InlineData("mein Sohn hat Putzmittel getrunken", "poisoning")]
    [InlineData("sie hat eine ganze Packung Schlaftabletten genommen", "poisoning")]
    [InlineData("Kohlenmonoxidvergiftung durch den Ofen", "poisoning", "carbon-monoxide")]
    [InlineData("Überdosis Heroin", "poisoning", "overdose")]
    [InlineData("er hat eine Alkoholvergiftung", "poisoning", "alcohol-poisoning")]
    [InlineData("Verdacht auf Vergiftung", "poisoning")]
    [InlineData("das Kind hat eine Knopfbatterie verschluckt", "poisoning")]
    // suicide_self_harm
    [InlineData("ich will mich umbringen", "suicide_self_harm")]
    [InlineData("ich will nicht mehr leben", "suicide_self_harm")]
    [InlineData("ich habe Suizidgedanken", "suicide_self_harm")]
    [InlineData("ich ritze mich", "suicide_self_harm")]
    [InlineData("ich möchte sterben", "suicide_self_harm")]
    [InlineData("ich bringe mich um", "suicide_self_harm")]
    // severe_burns
    [InlineData("er hat sich mit kochendem Wasser verbrüht", "severe_burns")]
    [InlineData("wie behandle ich eine Verbrennung", "severe_burns")]
    [InlineData("seine Kleidung hat Feuer gefangen", "severe_burns")]
    [InlineData("Säure auf die Haut gespritzt", "severe_burns", "chemical-burns")]
    [InlineData("Reiniger ins Auge bekommen", "severe_burns", "chemical-eye-injury")]
    // heat_stroke
    [InlineData("ich glaube er hat einen Hitzschlag", "heat_stroke")]
    [InlineData("Sonnenstich beim Kind", "heat_stroke")]
    [InlineData("bei der Hitze ist er plötzlich verwirrt", "heat_stroke")]
    // major_trauma
    [InlineData("er ist vom Dach gefallen", "major_trauma")]
    [InlineData("sie hat sich den Kopf gestoßen und ist benommen", "major_trauma")]
    [InlineData("schwerer Verkehrsunfall auf der Landstraße", "major_trauma")]
    [InlineData("er wurde von einem Auto angefahren", "major_trauma")]
    [InlineData("Verdacht auf Wirbelsäulenverletzung", "major_trauma", "spinal-injury")]
    [InlineData("offener Bruch am Bein", "major_trauma", "fractures")]
    [InlineData("unter den Trümmern verschüttet", "major_trauma", "crush-injury")]
    // hypothermia
    [InlineData("er ist stark unterkühlt", "hypothermia")]
    [InlineData("sie zittert vor Kälte und ist verwirrt", "hypothermia")]
    [InlineData("Erfrierungen an den Zehen", "hypothermia", "frostbite")]
    // venomous_bite
    [InlineData("er wurde von einer Kreuzotter gebissen", "venomous_bite")]
    [InlineData("Schlangenbiss beim Wandern", "venomous_bite")]
    [InlineData("von einem Skorpion gestochen", "venomous_bite", "spider-scorpion-stings")]
    [InlineData("von einer Qualle gestochen", "venomous_bite", "marine-stings")]
    // diabetic_emergency
    [InlineData("er ist unterzuckert", "diabetic_emergency")]
    [InlineData("sie ist Diabetikerin und ganz verwirrt", "diabetic_emergency")]
    [InlineData("sein Blutzucker ist sehr niedrig", "diabetic_emergency")]
    [InlineData("Blutzucker über 400", "diabetic_emergency", "hyperglycaemia")]
    // childbirth
    [InlineData("meine Frau hat Wehen", "childbirth")]
    [InlineData("die Fruchtblase ist geplatzt", "childbirth")]
    [InlineData("ich bin schwanger und blute", "childbirth")]
    [InlineData("die Nabelschnur ist um den Hals gewickelt", "childbirth")]
    // colloquial and regional wording, symptoms without the condition's name
    [InlineData("er atmet nich mehr", "cardiac_arrest")]
    [InlineData("oma is umgekippt und atmet net", "cardiac_arrest")]
    [InlineData("er liegt da und schnauft nicht mehr", "cardiac_arrest")]
    [InlineData("ich drück auf ihre Brust aber sie wacht nicht auf", "cardiac_arrest")]
    [InlineData("ich weiß nicht er atmet nicht mehr", "cardiac_arrest")]
    [InlineData("er ist in der Küche zusammengeklappt und schnappt nach Luft", "cardiac_arrest")]
    [InlineData("er bluttet extrem aus der Hand", "severe_bleeding")]
    [InlineData("hab mir mit der Kreissäge ins Bein geschnitten, es spritzt richtig raus", "severe_bleeding")]
    [InlineData("die Wunde hört trotz Druckverband nicht auf zu bluten", "severe_bleeding")]
    [InlineData("überall Blut, er hat sich ins Bein geschnitten", "severe_bleeding")]
    [InlineData("Kind hat Legostein verschluckt bekommt kene Luft", "choking")]
    [InlineData("er hat sich verschluckt und hustet nicht mehr", "choking")]
    [InlineData("mein Sohn hat eine Nussallergie und sein Gesicht ist total geschwollen und er pfeift beim Atmen", "anaphylaxis")]
    [InlineData("nach dem Essen schwillt ihr Gesicht an und sie kriegt schlecht Luft", "anaphylaxis")]
    [InlineData("ich sehe auf einmal alles doppelt", "stroke")]
    [InlineData("Oma kann ihren linken Arm nicht mehr heben", "stroke")]
    [InlineData("plötzlich die schlimmsten Kopfschmerzen meines Lebens", "stroke")]
    [InlineData("es fühlt sich an als würde ein Elefant auf meiner Brust sitzen", "heart_attack")]
    [InlineData("er hat sich an die Brust gefasst und stöhnt", "heart_attack")]
    [InlineData("ich habe Brustschmerzen und mein linker Arm ist taub", "heart_attack")]
    [InlineData("die Arme und Beine schlagen, er sabbert und reagiert nicht", "seizure")]
    [InlineData("hab versehentlich doppelt so viel von meinen Herztabletten genommen", "poisoning")]
    [InlineData("meine Kleine hat an einem Spülmaschinentab rumgelutscht", "poisoning")]
    [InlineData("die Kleidung hat gebrannt, die Haut am Rücken ist schwarz", "severe_burns")]
    [InlineData("ich hab grad ein Kind aus dem Pool gezogen, es atmet nicht", "drowning")]
    [InlineData("ein Mann ist im Rhein untergegangen", "drowning")]
    [InlineData("er lag mit dem Gesicht im Gartenteich", "drowning")]
    [InlineData("hab mich im Schnee verlaufen, mir ist so kalt dass ich nicht mehr zittere", "hypothermia")]
    [InlineData("er redet wirr und ist kochend heiß", "heat_stroke")]
    [InlineData("mein Sohn war bei der Hitze im Auto eingesperrt und reagiert kaum", "heat_stroke")]
    [InlineData("ich hab mir die Arme aufgeschnitten", "suicide_self_harm")]
    [InlineData("sie hat geschrieben, dass sie sich heute das Leben nimmt", "suicide_self_harm")]
    [InlineData("mein Bruder steht auf der Brücke und sagt er springt", "suicide_self_harm")]
    [InlineData("sein Bein steht komisch ab", "major_trauma", "fractures")]
    [InlineData("er ist von der Leiter gefallen und blutet aus dem Ohr", "major_trauma")]
    [InlineData("ein Skorpion hat mich gestochen, mein Arm brennt und wird taub", "venomous_bite")]
    [InlineData("Insulin gespritzt und nix gegessen, jetzt wird mir schwarz vor Augen", "diabetic_emergency")]
    [InlineData("ich werd gleich ohnmächtig, mein Zucker ist im Keller", "diabetic_emergency")]
    [InlineData("ihr Zucker ist bei über 500 und ihr Atem riecht nach Aceton", "diabetic_emergency", "hyperglycaemia")]
    [InlineData("ich kann nich atmen", "breathing_difficulty")]
    [InlineData("mein Mann hängt noch am Kabel und zuckt", "electrocution")]
    [InlineData("er hat nen Stromschlack bekommen", "electrocution")]
    [InlineData("sie ist in der 30. SSW und blutet", "childbirth")]
    [InlineData("die Wehen kommen alle 2 Minuten", "childbirth")]
    // places are not things: a collapse in the garden, at the market, during the match
    [InlineData("mein Vater ist im Garten zusammengebrochen", "unconscious")]
    [InlineData("er ist auf dem Markt zusammengebrochen", "unconscious")]
    [InlineData("er ist beim Spiel zusammengebrochen", "unconscious")]
    [InlineData("sie ist auf die Seite umgekippt und reagiert nicht", "unconscious")]
    public void Classify_GermanEmergencies(string text, string category, string? protocol = null)
    {
        var r = _triage.Classify(text, "de");

        Assert.True(r.Detected, text);
        Assert.Equal(category, r.Category);
        if (protocol is not null)
        {
            Assert.Equal(protocol, r.ProtocolId);
        }
    }

    [Theory]
    [InlineData("mein Baby atmet nicht", "cpr-infant")]
    [InlineData("mein 6 Monate alter Säugling atmet nicht mehr", "cpr-infant")]
    [InlineData("mein Sohn ist 7 Jahre alt und atmet nicht", "cpr-child")]
    [InlineData("mein Opa atmet nicht mehr", "cpr-adult")]
    [InlineData("mein Kind erstickt", "choking-child")]
    public void Classify_GermanAgeWords_ChooseTheProtocol(string text, string protocol) =>
        Assert.Equal(protocol, _triage.Classify(text, "de").ProtocolId);

    [Theory]
    // idioms
    [InlineData("ich sterbe vor Langeweile")]
    [InlineData("mein Akku ist tot")]
    [InlineData("das bringt mich um")]
    [InlineData("das Warten bringt mich noch um")]
    [InlineData("ich hätte fast einen Herzinfarkt bekommen")]
    [InlineData("ich ertrinke in Arbeit")]
    [InlineData("er stand wie vom Blitz getroffen da")]
    [InlineData("Hals- und Beinbruch!")]
    [InlineData("bist du lebensmüde?")]
    [InlineData("das Essen ist verbrannt")]
    [InlineData("mein Handy reagiert nicht")]
    [InlineData("er geht nicht ans Telefon")]
    [InlineData("ich backe einen Bienenstich")]
    [InlineData("ich lach mich tot")]
    [InlineData("mir hängt das zum Hals raus")]
    [InlineData("ich hatte einen Lachanfall")]
    [InlineData("was ist ein gutes Gift für Schnecken")]
    // negation
    [InlineData("er blutet nicht")]
    [InlineData("keine Blutung, nur eine Prellung")]
    [InlineData("sie ist nicht bewusstlos")]
    [InlineData("er hat keine Atemnot")]
    [InlineData("ohne Bewusstlosigkeit")]
    // survival and minor problems
    [InlineData("wie reinige ich Wasser aus dem Fluss")]
    [InlineData("wie mache ich ein Feuer ohne Streichhölzer")]
    [InlineData("wie baue ich einen Unterschlupf")]
    [InlineData("ich habe mir den Knöchel verstaucht")]
    [InlineData("ich habe eine Blase am Fuß")]
    [InlineData("Mückenstich juckt")]
    [InlineData("ein kleiner Schnitt am Finger")]
    [InlineData("ich habe Kopfschmerzen")]
    [InlineData("ich habe einen Sonnenbrand")]
    [InlineData("was gehört in einen Erste-Hilfe-Kasten")]
    [InlineData("wie viel Wasser braucht man pro Person")]
    [InlineData("mein Blutdruck ist etwas hoch")]
    // other senses, resolved and past events, negation after the verb
    [InlineData("die Fahnen wehen im Wind")]
    [InlineData("das Grillfest ist wegen dem Regen ins Wasser gefallen")]
    [InlineData("er zuckt nur mit den Schultern")]
    [InlineData("mein Handy hängt noch am Kabel")]
    [InlineData("im Spiel ist mein Charakter verblutet")]
    [InlineData("im Film stirbt der Vater an einem Herzinfarkt")]
    [InlineData("in meinem Buch ertrinkt ein Kind, was passiert da medizinisch")]
    [InlineData("ich schreibe eine Geschichte, in der jemand einen Stromschlag bekommt")]
    [InlineData("mein Charakter im Spiel blutet und stirbt ständig")]
    [InlineData("wie viele Menschen sind auf der Titanic ertrunken")]
    [InlineData("er hat sich verschluckt, aber es geht ihm jetzt wieder gut")]
    [InlineData("dachte es ist ein Herzinfarkt, war aber nur Sodbrennen")]
    [InlineData("er hatte einen allergischen Schock, hat sich aber vollständig erholt")]
    [InlineData("vor ein paar Jahren wurde ich von einer Kreuzotter gebissen")]
    [InlineData("als ich klein war hatte ich oft Fieberkrämpfe")]
    [InlineData("letzten Sommer hatte ich einen Hitzschlag")]
    [InlineData("im Traum bin ich ertrunken")]
    [InlineData("der Aktienkurs ist nach den Quartalszahlen kollabiert")]
    [InlineData("wir haben im Zoo giftige Schlangen gesehen")]
    [InlineData("die Blutung hat vor einer Stunde aufgehört")]
    [InlineData("sie ist kurz umgekippt, ist aber wieder voll da")]
    [InlineData("der Kleine hat sich verschluckt, hat aber alles ausgehustet")]
    [InlineData("mein Mann hatte letztes Jahr einen Herzinfarkt, wie ernährt er sich gesund")]
    [InlineData("nach dem Traubenzucker ist er wieder bei 110")]
    [InlineData("der Stromschlag vom Weidezaun hat kurz gekribbelt")]
    [InlineData("die Wehen sind wieder weg, waren nur Übungswehen")]
    [InlineData("bewusstlos war er nicht")]
    [InlineData("der Arzt hat einen Herzinfarkt ausgeschlossen")]
    [InlineData("ich hab mich leicht am Backofen verbrannt")]
    [InlineData("ich krieg keine Luft durch die Nase wegen Schnupfen")]
    [InlineData("unser Baby kommt im März")]
    [InlineData("die Herzdruckmassage haben wir im Kurs an der Puppe geübt")]
    [InlineData("die Stimmung im Team ist total vergiftet")]
    [InlineData("der Markt ist zusammengebrochen")]
    public void Classify_GermanNonEmergencies_AreNotFlagged(string text) =>
        Assert.False(_triage.Classify(text, "de").Detected, text);

    [Fact]
    public void Classify_GermanNegation_StaysInItsClause()
    {
        var r = _triage.Classify("er blutet nicht, aber er atmet nicht", "de");

        Assert.Equal("cardiac_arrest", r.Category);
        Assert.DoesNotContain("severe_bleeding", r.AlsoMatched);
    }
}
