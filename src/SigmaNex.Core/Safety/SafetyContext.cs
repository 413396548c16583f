using SigmaNex.Core.Knowledge;
using SigmaNex.Core.Language;
using SigmaNex.Core.Triage;

namespace SigmaNex.Core.Safety;

/// <summary>What an answer is checked against: the protocols it drew on and how to speak to the reader.</summary>
public sealed record SafetyContext
{
    public required IReadOnlyList<Protocol> Protocols { get; init; }

    /// <summary>All the text the model was given (protocols and documents): doses and drugs must come from it.</summary>
    public required string Grounding { get; init; }

    public required string Language { get; init; }

    /// <summary>Medical answers get the when-to-get-help line and the disclaimer.</summary>
    public required bool Medical { get; init; }

    public required EmergencyContact Contact { get; init; }

    public required Phrases Phrases { get; init; }
}
