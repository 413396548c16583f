namespace SigmaNex.Core.Triage;

/// <summary>The life-threatening situations triage recognises, and the protocol each opens with.</summary>
public static class TriageCategory
{
    public const string CardiacArrest = "cardiac_arrest";
    public const string SevereBleeding = "severe_bleeding";
    public const string Choking = "choking";
    public const string Anaphylaxis = "anaphylaxis";
    public const string Stroke = "stroke";
    public const string HeartAttack = "heart_attack";
    public const string Unconscious = "unconscious";
    public const string Seizure = "seizure";
    public const string Poisoning = "poisoning";
    public const string SevereBurns = "severe_burns";
    public const string Drowning = "drowning";
    public const string Hypothermia = "hypothermia";
    public const string HeatStroke = "heat_stroke";
    public const string SuicideSelfHarm = "suicide_self_harm";
    public const string MajorTrauma = "major_trauma";
    public const string VenomousBite = "venomous_bite";
    public const string DiabeticEmergency = "diabetic_emergency";
    public const string BreathingDifficulty = "breathing_difficulty";
    public const string Electrocution = "electrocution";
    public const string Childbirth = "childbirth";

    public static readonly IReadOnlyList<string> All =
    [
        CardiacArrest, SevereBleeding, Choking, Anaphylaxis, Stroke, HeartAttack, Unconscious, Seizure, Poisoning,
        SevereBurns, Drowning, Hypothermia, HeatStroke, SuicideSelfHarm, MajorTrauma, VenomousBite, DiabeticEmergency,
        BreathingDifficulty, Electrocution, Childbirth,
    ];

    /// <summary>
    /// Injuries whose gravity is their extent: a degree word of the lexicon's <c>mild</c> list next to such a
    /// match ("bumped his head lightly", "brucia un po'") makes it minor. Not symptoms of illness: mild chest
    /// pain is still a possible heart attack.
    /// </summary>
    public static readonly IReadOnlySet<string> GradedByExtent = new HashSet<string>(StringComparer.Ordinal)
    {
        SevereBleeding, SevereBurns, MajorTrauma,
    };

    /// <summary>The protocol shown first for a category when no pattern names a more specific one.</summary>
    public static readonly IReadOnlyDictionary<string, string> DefaultProtocol = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [CardiacArrest] = "cpr-adult",
        [SevereBleeding] = "severe-bleeding",
        [Choking] = "choking-adult",
        [Anaphylaxis] = "anaphylaxis",
        [Stroke] = "stroke-fast",
        [HeartAttack] = "heart-attack",
        [Unconscious] = "unconscious-person",
        [Seizure] = "seizures",
        [Poisoning] = "poisoning-swallowed",
        [SevereBurns] = "burns-scalds",
        [Drowning] = "drowning",
        [Hypothermia] = "hypothermia",
        [HeatStroke] = "heat-stroke",
        [SuicideSelfHarm] = "suicide-risk",
        [MajorTrauma] = "head-injury",
        [VenomousBite] = "snake-bite",
        [DiabeticEmergency] = "hypoglycaemia",
        [BreathingDifficulty] = "breathing-difficulty",
        [Electrocution] = "electrocution",
        [Childbirth] = "childbirth-emergency",
    };
}
