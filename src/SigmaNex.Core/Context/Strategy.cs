namespace SigmaNex.Core.Context;

/// <summary>How the answer is framed, chosen from triage and the retrieved knowledge.</summary>
public enum Strategy
{
    General,
    Medical,
    Emergency,
}
