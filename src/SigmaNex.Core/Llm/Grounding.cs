using SigmaNex.Core.Knowledge;
using SigmaNex.Core.Language;
using SigmaNex.Core.Retrieval;

namespace SigmaNex.Core.Llm;

/// <summary>
/// What the knowledge-only backend composes from: the search hits, a way to load their documents, the
/// reader's phrases, and the protocol already shown as the emergency card. It travels to
/// <see cref="KnowledgeChatClient"/> in <c>ChatOptions.AdditionalProperties[Grounding.Key]</c>.
/// </summary>
public sealed record Grounding(IReadOnlyList<SearchHit> Hits, Func<string, KnowledgeDocument?> Load, Phrases Phrases, string? ShownProtocol)
{
    public const string Key = "sigma.grounding";

    /// <summary>Set on the final update: the hits the composed answer used, for its sources.</summary>
    public const string UsedKey = "sigma.used";
}
