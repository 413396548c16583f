namespace SigmaNex.Core.Translation;

/// <summary>A text to translate from one language to another (two-letter codes).</summary>
/// <param name="Text">The text; paragraphs and line breaks are kept.</param>
/// <param name="From">The source language, e.g. "en".</param>
/// <param name="To">The target language, e.g. "es".</param>
/// <param name="BeamWidth">Beam width for Marian models; null takes the model's <c>num_beams</c>, 1 is greedy.</param>
public sealed record TranslationRequest(string Text, string From, string To, int? BeamWidth = null);
