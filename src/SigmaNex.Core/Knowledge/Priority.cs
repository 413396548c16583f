namespace SigmaNex.Core.Knowledge;

/// <summary>How fast a protocol's situation can kill or maim.</summary>
public enum Priority
{
    Normal = 0,
    High = 1,
    Critical = 2,
}
