using SigmaNex.Core.Retrieval;

namespace SigmaNex.Core.Llm;

/// <summary>Filled in by the generation loop as it ends: who answered, the text, and the knowledge it used.</summary>
public sealed class GenerationOutcome
{
    public string Backend { get; set; } = BackendNames.Knowledge;

    public string Model { get; set; } = string.Empty;

    public string Text { get; set; } = string.Empty;

    /// <summary>For the knowledge backend: the hits the composed answer used.</summary>
    public IReadOnlyList<SearchHit>? Used { get; set; }

    public List<string> Notices { get; } = [];
}
