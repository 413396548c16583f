namespace SigmaNex.Core.Knowledge;

/// <summary>
/// A "do not" rule. <see cref="Forbid"/> lists phrases whose words, found together in a sentence that
/// is not negated, mean an answer is recommending the forbidden action (used by the safety checker).
/// </summary>
[method: System.Text.Json.Serialization.JsonConstructor]
public sealed record ProtocolWarning(string Text, IReadOnlyList<string> Forbid)
{
    public ProtocolWarning(string text)
        : this(text, [])
    {
    }
}
