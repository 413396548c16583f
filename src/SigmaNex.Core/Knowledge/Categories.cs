using System.Collections.Frozen;

namespace SigmaNex.Core.Knowledge;

/// <summary>The protocol categories of the shipped library; imported knowledge may use others.</summary>
public static class Categories
{
    public static readonly FrozenSet<string> Medical = new[]
    {
        "resuscitation", "airway", "bleeding", "trauma", "burns", "cardiac", "neurological", "breathing",
        "allergy", "diabetic", "poisoning", "environmental", "illness", "bites-stings", "childbirth",
        "mental-health", "infection", "medical",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static readonly FrozenSet<string> Survival = new[]
    {
        "water", "fire", "shelter", "signalling", "navigation", "food", "hygiene", "power", "communication",
        "preparedness", "disasters",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static bool IsKnown(string category) => Medical.Contains(category) || Survival.Contains(category);

    public static bool IsMedical(string? category) => category is not null && Medical.Contains(category);
}
