namespace SigmaNex.Core.Triage;

/// <summary>Who to call in a region: the emergency number, a separate medical one if any, a crisis line.</summary>
public sealed record EmergencyContact(string Region, string Number, string? Medical, string? Crisis);
