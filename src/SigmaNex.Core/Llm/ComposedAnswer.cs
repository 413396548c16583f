using SigmaNex.Core.Retrieval;

namespace SigmaNex.Core.Llm;

/// <summary>A composed answer and the hits it drew on, in the order shown (these are its sources).</summary>
public sealed record ComposedAnswer(string Text, IReadOnlyList<SearchHit> Used);
