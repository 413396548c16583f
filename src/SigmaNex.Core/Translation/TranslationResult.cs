namespace SigmaNex.Core.Translation;

/// <summary>
/// A translation, or the source text when there was nothing to translate with or the translation failed
/// the quality check (<see cref="FellBack"/>, with a notice saying why).
/// </summary>
/// <param name="Text">The translated text (or the source where it fell back).</param>
/// <param name="From">Source language.</param>
/// <param name="To">Target language.</param>
/// <param name="Engine">What translated it: "marian:en-es", "llm:ollama/mistral", "none" or "identity".</param>
/// <param name="FellBack">True when all or part of <see cref="Text"/> is still the source text.</param>
/// <param name="Notices">Why it fell back, or anything else worth telling the reader.</param>
/// <param name="Cached">True when the result came from the translation cache.</param>
public sealed record TranslationResult(
    string Text, string From, string To, string Engine, bool FellBack, IReadOnlyList<string> Notices, bool Cached = false)
{
    /// <summary>The engine name when no translator exists for the pair.</summary>
    public const string NoEngine = "none";

    /// <summary>The engine name when source and target language are the same.</summary>
    public const string IdentityEngine = "identity";

    /// <summary>True when a translator ran (even if parts fell back).</summary>
    public bool Translated => Engine is not NoEngine and not IdentityEngine;
}
