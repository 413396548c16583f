using SigmaNex.Core.Triage;

namespace SigmaNex.Core.Tests.Triage;

/// <summary>French triage (Resources/triage/fr.yaml): emergencies of every category, questions, typos, idioms, negation.</summary>
public sealed class TriageFrenchTests
{
    private readonly TriageClassifier _triage = TriageClassifier.Default;

    [Theory]
    // cardiac_arrest
    [InlineData("il ne respire plus", "cardiac_arrest")]
    [InlineData("mon père respire pas, aidez moi", "cardiac_arrest")]
    [InlineData("elle a arrêté de respirer", "cardiac_arrest")]
    [InlineData("il n'a plus de pouls", "cardiac_arrest")]
    [InlineData("je ne sens aucun pouls", "cardiac_arrest")]
    [InlineData("arrêt cardiaque dans la rue", "cardiac_arrest")]
    [InlineData("comment faire un massage cardiaque", "cardiac_arrest")]
    [InlineData("comment utiliser un défibrillateur", "cardiac_arrest", "aed-use")]
    [InlineData("il s'est effondré et ne respire pas", "cardiac_arrest")]
    [InlineData("je crois qu'il est mort", "cardiac_arrest")]
    // choking
    [InlineData("il s'étouffe", "choking")]
    [InlineData("mon fils s'est étouffé avec un bonbon", "choking")]
    [InlineData("elle a fait une fausse route", "choking")]
    [InlineData("une arête coincée dans la gorge", "choking")]
    [InlineData("comment faire la manœuvre de Heimlich", "choking")]
    [InlineData("il s'etoufe avec de la viande", "choking")]
    // severe_bleeding
    [InlineData("il saigne beaucoup de la jambe", "severe_bleeding")]
    [InlineData("ça n'arrête pas de saigner", "severe_bleeding")]
    [InlineData("il y a du sang partout", "severe_bleeding")]
    [InlineData("comment arrêter une hémorragie", "severe_bleeding")]
    [InlineData("il a reçu un coup de couteau", "severe_bleeding")]
    [InlineData("comment poser un garrot", "severe_bleeding", "tourniquet")]
    [InlineData("il saigne pas mal du bras", "severe_bleeding")]
    [InlineData("hemoragie au bras", "severe_bleeding")]
    // anaphylaxis
    [InlineData("choc anaphylactique", "anaphylaxis")]
    [InlineData("il est allergique aux cacahuètes et sa gorge gonfle", "anaphylaxis")]
    [InlineData("piqué par une guêpe, son visage gonfle", "anaphylaxis")]
    [InlineData("comment utiliser un stylo d'adrénaline", "anaphylaxis")]
    [InlineData("œdème de Quincke", "anaphylaxis")]
    // drowning
    [InlineData("mon enfant se noie", "drowning")]
    [InlineData("on l'a sorti de la piscine inconscient", "drowning")]
    [InlineData("que faire en cas de noyade", "drowning")]
    [InlineData("il est tombé dans la rivière", "drowning")]
    // electrocution
    [InlineData("il s'est électrocuté", "electrocution")]
    [InlineData("elle a pris une décharge électrique", "electrocution")]
    [InlineData("il a été frappé par la foudre", "electrocution", "lightning-strike")]
    [InlineData("mon fils a mis les doigts dans la prise", "electrocution")]
    // unconscious
    [InlineData("il est inconscient", "unconscious")]
    [InlineData("elle ne se réveille pas", "unconscious")]
    [InlineData("je n'arrive pas à le réveiller", "unconscious")]
    [InlineData("il a perdu connaissance", "unconscious")]
    [InlineData("elle est tombée dans les pommes", "unconscious", "fainting")]
    [InlineData("comment mettre quelqu'un en PLS", "unconscious", "recovery-position")]
    [InlineData("il ne répond plus et ne bouge pas", "unconscious")]
    // stroke
    [InlineData("je pense qu'il fait un AVC", "stroke")]
    [InlineData("sa bouche est de travers et il parle bizarrement", "stroke")]
    [InlineData("tout à coup elle ne peut plus parler", "stroke")]
    [InlineData("son bras droit est paralysé", "stroke")]
    // heart_attack
    [InlineData("je crois que mon père fait une crise cardiaque", "heart_attack")]
    [InlineData("j'ai une douleur dans la poitrine qui serre", "heart_attack")]
    [InlineData("mal à la poitrine et au bras gauche", "heart_attack")]
    [InlineData("symptômes d'un infarctus", "heart_attack")]
    // seizure
    [InlineData("il fait une crise d'épilepsie", "seizure")]
    [InlineData("mon bébé a des convulsions", "seizure")]
    [InlineData("il tremble de tout le corps et bave", "seizure")]
    [InlineData("il a de l'écume aux lèvres", "seizure")]
    // breathing_difficulty
    [InlineData("je n'arrive pas à respirer", "breathing_difficulty")]
    [InlineData("il a du mal à respirer", "breathing_difficulty")]
    [InlineData("crise d'asthme et pas de ventoline", "breathing_difficulty", "asthma-attack")]
    [InlineData("ses lèvres sont bleues", "breathing_difficulty")]
    [InlineData("elle respire très vite et siffle", "breathing_difficulty")]
    // poisoning
    [InlineData("mon fils a bu de l'eau de javel", "poisoning")]
    [InlineData("elle a avalé toute la boîte de doliprane", "poisoning")]
    [InlineData("intoxication au monoxyde de carbone", "poisoning", "carbon-monoxide")]
    [InlineData("overdose d'héroïne", "poisoning", "overdose")]
    [InlineData("il est ivre mort et vomit", "poisoning", "alcohol-poisoning")]
    [InlineData("il a mangé des champignons sauvages", "poisoning")]
    // suicide_self_harm
    [InlineData("j'ai envie de mourir", "suicide_self_harm")]
    [InlineData("je veux en finir", "suicide_self_harm")]
    [InlineData("je n'ai plus envie de vivre", "suicide_self_harm")]
    [InlineData("je me scarifie", "suicide_self_harm")]
    [InlineData("j'ai des idées noires", "suicide_self_harm")]
    [InlineData("je vais me tuer", "suicide_self_harm")]
    // severe_burns
    [InlineData("il s'est brûlé avec de l'eau bouillante", "severe_burns")]
    [InlineData("comment soigner une brûlure", "severe_burns")]
    [InlineData("ses vêtements ont pris feu", "severe_burns")]
    [InlineData("de l'acide sur la peau", "severe_burns", "chemical-burns")]
    [InlineData("de la javel dans les yeux", "severe_burns", "chemical-eye-injury")]
    // heat_stroke
    [InlineData("je pense qu'il fait un coup de chaleur", "heat_stroke")]
    [InlineData("insolation grave", "heat_stroke")]
    [InlineData("avec la canicule il est confus", "heat_stroke")]
    // major_trauma
    [InlineData("il est tombé du toit", "major_trauma")]
    [InlineData("elle s'est cogné la tête très fort", "major_trauma")]
    [InlineData("accident de moto", "major_trauma")]
    [InlineData("il a été renversé par une voiture", "major_trauma")]
    [InlineData("il s'est cassé le cou", "major_trauma", "spinal-injury")]
    [InlineData("fracture ouverte de la jambe", "major_trauma", "fractures")]
    [InlineData("coincé sous les décombres", "major_trauma", "crush-injury")]
    // hypothermia
    [InlineData("hypothermie en montagne", "hypothermia")]
    [InlineData("il est gelé et confus", "hypothermia")]
    [InlineData("des gelures aux doigts", "hypothermia", "frostbite")]
    // venomous_bite
    [InlineData("mordu par une vipère", "venomous_bite")]
    [InlineData("piqué par un scorpion", "venomous_bite", "spider-scorpion-stings")]
    [InlineData("piqûre de méduse", "venomous_bite", "marine-stings")]
    // diabetic_emergency
    [InlineData("il fait une hypoglycémie", "diabetic_emergency")]
    [InlineData("elle est diabétique et très confuse", "diabetic_emergency")]
    [InlineData("sa glycémie est très basse", "diabetic_emergency")]
    [InlineData("hyperglycémie sévère", "diabetic_emergency", "hyperglycaemia")]
    // childbirth
    [InlineData("ma femme est en train d'accoucher", "childbirth")]
    [InlineData("elle a perdu les eaux", "childbirth")]
    [InlineData("je suis enceinte et je saigne", "childbirth")]
    [InlineData("le cordon est autour du cou", "childbirth")]
    // spoken French without "ne", texting spellings, and a cause named before its sign (dev3-fr families)
    [InlineData("elle réagit pas elle respire pas du tout", "cardiac_arrest")]
    [InlineData("mon mari ne respir plu il a pu de poul", "cardiac_arrest")]
    [InlineData("on vient de sortir un enfant de la piscine il respire pas", "drowning")]
    [InlineData("ma fille était au fond de la baignoire", "drowning")]
    [InlineData("ça me serre dans la poitrine comme un étau", "heart_attack")]
    [InlineData("il se tient la poitrine et il transpire", "heart_attack")]
    [InlineData("ma grand-mère ne trouve plus ses mots", "stroke")]
    [InlineData("la moitié du visage qui s'endort", "stroke")]
    [InlineData("j'ai avalé toutes mes boîtes de médicaments pour mourir", "suicide_self_harm")]
    [InlineData("il m'a envoyé un message d'adieu", "suicide_self_harm")]
    [InlineData("ma copine parle de se tuer", "suicide_self_harm")]
    [InlineData("mordu par une vipère, sa cheville gonfle et devient violette", "venomous_bite")]
    [InlineData("faut-il faire un garrot après une morsure de vipère", "venomous_bite")]
    [InlineData("mon fils diabétique vomit et respire très vite", "diabetic_emergency")]
    [InlineData("j'ai mélangé javel et vinaigre et j'ai du mal à respirer", "poisoning")]
    [InlineData("il s'est effondré en plein soleil", "heat_stroke")]
    [InlineData("elle est gelée et elle s'endort", "hypothermia")]
    [InlineData("sa jambe est tordue dans le mauvais sens", "major_trauma", "fractures")]
    [InlineData("elle s'est pris le jus en touchant le fil dénudé", "electrocution")]
    [InlineData("j'ai envie de pousser, on est dans la voiture", "childbirth")]
    [InlineData("il fait une crise dasme il arrive pa a respirer", "breathing_difficulty", "asthma-attack")]
    // frames, reassurance and past markers must not swallow a present emergency
    [InlineData("le cœur s'est arrêté après la chute, il faut masser", "cardiac_arrest")]
    [InlineData("il s'est remis à saigner énormément du bras", "severe_bleeding")]
    [InlineData("il a fait un AVC il y a 2 ans et maintenant il a de nouveau la bouche de travers", "stroke")]
    [InlineData("il est resté exposé en plein soleil sur le chantier, il délire et il est brûlant", "heat_stroke")]
    [InlineData("elle s'étouffe, elle arrive pas à recracher le morceau", "choking")]
    [InlineData("mon fils s'est noyé dans la piscine, ma femme va très bien", "drowning")]
    [InlineData("mon ado jouait aux jeux vidéo et il a touché un câble dénudé, il est tombé par terre", "electrocution")]
    [InlineData("il fait une crise d'épilepsie comme quand il était petit mais ça dure depuis 10 minutes", "seizure")]
    [InlineData("on vient d'emménager dans la nouvelle maison et mon fils s'est ouvert le bras, ça pisse le sang", "severe_bleeding")]
    // spoken forms without "ne", colloquial symptoms without the condition's name
    [InlineData("elle tombe par terre, elle tremble de tout son corps et elle répond plus", "seizure")]
    [InlineData("ça arrête pas de pisser le sang de sa main", "severe_bleeding")]
    [InlineData("je saigen beaucoup", "severe_bleeding")]
    [InlineData("il a pris un coup de couteau au ventre, ça saigne à travers la serviette", "severe_bleeding")]
    [InlineData("il peut plus bouger son bras et il parle plus bien", "stroke")]
    [InlineData("j'ai une grosse douleur au cœur qui irradie dans la mâchoire", "heart_attack")]
    [InlineData("ma fille a touché le four, la peau a cloqué sur toute la main", "severe_burns")]
    [InlineData("je manque d'air, j'ai l'impression d'étouffer", "breathing_difficulty")]
    [InlineData("mon fils a une cacahuète dans la gorge, il arrive plus à respirer", "choking")]
    [InlineData("un nageur a été emporté par les vagues, on l'a ramené", "drowning")]
    [InlineData("mon fils a été retrouvé inconscient dans la baignoire", "drowning")]
    [InlineData("mon pote est tombé dans l'eau glacée, il est tout froid et confus", "hypothermia")]
    [InlineData("sa température est à 34, il tremble plus et il est tout mou", "hypothermia")]
    [InlineData("mon ado a pris de la drogue, il est en train de faire un malaise", "poisoning")]
    [InlineData("ma fille de 10 mois a avalé un truc, elle est toute violette, elle fait plus de bruit", "choking")]
    [InlineData("ma tante voit plus de l'œil gauche d'un coup", "stroke")]
    [InlineData("mon fils allergique aux œufs a mangé une crêpe, il a les yeux gonflés et il tousse beaucoup", "anaphylaxis")]
    [InlineData("je me suis tailladé les bras", "suicide_self_harm")]
    [InlineData("mon bébé de 8 mois a les yeux fixes, il sursaute et il est tout raide", "seizure")]
    [InlineData("mon petit frère a fait un plongeon et il est pas remonté", "drowning")]
    // texting spellings
    [InlineData("jpeux plus respirer", "breathing_difficulty")]
    [InlineData("il respire ps", "cardiac_arrest")]
    [InlineData("il se reveil pa", "unconscious")]
    [InlineData("elle ne se reveille plu", "unconscious")]
    [InlineData("jveux mourir", "suicide_self_harm")]
    [InlineData("ma femme perd les os", "childbirth")]
    [InlineData("ya du sang partt", "severe_bleeding")]
    [InlineData("j'ai mal au bras gauche et à la mâchoire, je transpire et j'ai la nausée", "heart_attack")]
    [InlineData("mon grand-père a une paralysie du visage d'un coup", "stroke")]
    [InlineData("mon fils est diabétique, il est tout mou et il sent la pomme", "diabetic_emergency")]
    [InlineData("mon père a la BPCO et il étouffe, il est tout bleu", "breathing_difficulty")]
    [InlineData("ma fille respire en faisant un bruit de sifflet", "breathing_difficulty")]
    [InlineData("le câble haute tension est tombé sur lui", "electrocution")]
    [InlineData("ma fille s'est enfermée dans la salle de bain avec des lames de rasoir", "suicide_self_harm")]
    public void Classify_FrenchEmergencies(string text, string category, string? protocol = null)
    {
        var r = _triage.Classify(text, "fr");

        Assert.True(r.Detected, text);
        Assert.Equal(category, r.Category);
        if (protocol is not null)
        {
            Assert.Equal(protocol, r.ProtocolId);
        }
    }

    [Theory]
    [InlineData("mon bébé ne respire plus", "cpr-infant")]
    [InlineData("mon fils de 6 ans ne respire pas", "cpr-child")]
    [InlineData("mon grand-père de 80 ans ne respire plus", "cpr-adult")]
    [InlineData("ma petite s'étouffe", "choking-child")]
    public void Classify_FrenchAgeWords_ChooseTheProtocol(string text, string protocol) =>
        Assert.Equal(protocol, _triage.Classify(text, "fr").ProtocolId);

    [Theory]
    // idioms
    [InlineData("je meurs de faim")]
    [InlineData("mort de rire")]
    [InlineData("tu m'as fait une crise cardiaque")]
    [InlineData("ce trafic me tue")]
    [InlineData("ma batterie est morte")]
    [InlineData("je suis noyé sous le travail")]
    [InlineData("il fait une chaleur étouffante")]
    [InlineData("j'ai des brûlures d'estomac")]
    [InlineData("il a brûlé un feu rouge")]
    [InlineData("j'ai pris un coup de soleil")]
    [InlineData("le gâteau a brûlé")]
    [InlineData("un coup de foudre au premier regard")]
    [InlineData("je dois faire une prise de sang")]
    [InlineData("il ne répond pas au téléphone")]
    [InlineData("une vue à couper le souffle")]
    [InlineData("tu me casses les pieds")]
    [InlineData("recette de poisson au four")]
    // negation
    [InlineData("il ne saigne pas")]
    [InlineData("il saigne pas")]
    [InlineData("il saigne pa")]
    [InlineData("pas de saignement, juste un bleu")]
    [InlineData("il n'est pas inconscient")]
    [InlineData("sans perte de connaissance")]
    // survival and minor problems
    [InlineData("comment purifier l'eau d'une rivière")]
    [InlineData("comment faire du feu sans allumettes")]
    [InlineData("comment construire un abri")]
    [InlineData("je me suis tordu la cheville")]
    [InlineData("j'ai une ampoule au pied")]
    [InlineData("piqûre de moustique")]
    [InlineData("une petite coupure au doigt")]
    [InlineData("j'ai mal à la tête")]
    [InlineData("j'ai mal au cœur")]
    [InlineData("que mettre dans une trousse de secours")]
    [InlineData("combien d'eau stocker par personne")]
    [InlineData("je fais un burn-out")]
    // resolved, past, fiction, cooking and other harmless senses (dev3-fr families)
    [InlineData("le saignement s'est arrêté il y a une heure")]
    [InlineData("mon père a fait un AVC il y a cinq ans, il va bien")]
    [InlineData("il s'est étouffé avec une chips mais il a tout recraché")]
    [InlineData("on a cru qu'il se noyait mais il avait pied")]
    [InlineData("la cuisson du steak saignant")]
    [InlineData("comment faire brûler le sucre pour un caramel")]
    [InlineData("le château a brûlé pendant la Révolution")]
    [InlineData("mon programme s'étouffe quand il y a trop de requêtes")]
    [InlineData("dans le jeu mon perso est mort empoisonné")]
    [InlineData("il se saigne aux quatre veines pour ses enfants")]
    [InlineData("le club a subi une hémorragie de joueurs")]
    [InlineData("je me suis brûlé le doigt sur la poêle")]
    [InlineData("il va se tuer à rouler aussi vite")]
    [InlineData("dans le métro on étouffe")]
    [InlineData("plus de convulsions depuis le nouveau traitement")]
    [InlineData("elle a eu des contractions hier mais c'était une fausse alerte")]
    // frames (fiction, games, history, news), reassurance about the present state, past-time markers
    [InlineData("dans la série que je regarde un mec se fait poignarder et il pisse le sang")]
    [InlineData("sur Minecraft mon perso se noie tout le temps")]
    [InlineData("question de culture générale : de quoi est mort Napoléon")]
    [InlineData("pour mon roman la victime meurt empoisonnée à l'arsenic, c'est crédible ?")]
    [InlineData("aux infos ils parlaient d'un homme électrocuté sur une ligne haute tension")]
    [InlineData("il s'est étranglé avec de l'eau mais il l'a recrachée, il va bien maintenant")]
    [InlineData("elle s'est évanouie mais elle a repris connaissance tout de suite")]
    [InlineData("j'avais une douleur thoracique, finalement c'était juste du reflux")]
    [InlineData("il y a 3 ans j'ai fait une crise cardiaque, est-ce que je peux faire du sport")]
    [InlineData("quand j'étais petite j'ai failli me noyer dans un lac")]
    [InlineData("mon grand-père a fait un AVC en 2019, quelles séquelles possibles")]
    [InlineData("la crise d'épilepsie s'est arrêtée au bout d'une minute et il dort")]
    [InlineData("mon copain répond plus à mes messages depuis hier")]
    [InlineData("la souris réagit plus")]
    [InlineData("j'ai mal au cœur en voiture")]
    [InlineData("il fait 34 degrés à l'ombre")]
    [InlineData("mes pieds sont couverts de cloques après le marathon")]
    [InlineData("mon chien a mordu le câble de la box")]
    [InlineData("j'ai l'impression d'étouffer dans cette relation")]
    [InlineData("il arrête pas de pisser depuis qu'il a bu deux litres")]
    [InlineData("la douleur dans la poitrine est passée et l'ECG était normal")]
    [InlineData("ma voiture a pris un coup de chaud, elle a surchauffé")]
    [InlineData("j'ai un bleu, il est tout violet")]
    [InlineData("j'ai la langue pâteuse ce matin après la soirée")]
    [InlineData("je suis allergique au pollen, j'ai les yeux gonflés")]
    [InlineData("mon fils a avalé de l'eau à la piscine, il a toussé un peu mais il va très bien maintenant")]
    [InlineData("mon père a eu un infarctus l'an dernier, quel régime il doit suivre")]
    [InlineData("la série Urgences montrait souvent des arrêts cardiaques")]
    [InlineData("on a cru à un AVC mais finalement c'était une migraine")]
    [InlineData("au JT ils ont dit qu'un enfant s'est noyé dans une piscine à Nice")]
    [InlineData("étant petit je me suis électrocuté avec une prise")]
    [InlineData("il a fait une grosse chute à vélo mais plus de peur que de mal")]
    [InlineData("j'ai fait une paralysie du sommeil cette nuit")]
    public void Classify_FrenchNonEmergencies_AreNotFlagged(string text) =>
        Assert.False(_triage.Classify(text, "fr").Detected, text);

    [Fact]
    public void Classify_FrenchNegation_StaysInItsClause()
    {
        var r = _triage.Classify("il ne saigne pas, mais il ne respire plus", "fr");

        Assert.Equal("cardiac_arrest", r.Category);
        Assert.DoesNotContain("severe_bleeding", r.AlsoMatched);
    }
}
