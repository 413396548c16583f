using SigmaNex.Core.Text;

namespace SigmaNex.Core.Language;

/// <summary>
/// Tells apart the languages we have stop-word lists for by counting their function words.
/// Cheap and decent on whole questions; the n-gram detector replaces it where it is available.
/// </summary>
public sealed class StopWordLanguageDetector : ILanguageDetector
{
    private static readonly string[] s_languages = ["en", "it", "es", "fr", "de", "pt"];

    public LanguageGuess Detect(string text)
    {
        var words = Tokenizer.Tokenize(text).Select(TextFolding.Fold).ToList();
        var scores = s_languages
            .Select(l => (Language: l, Score: (double)words.Count(w => StopWords.IsStopWord(l, w))))
            .OrderByDescending(s => s.Score)
            .ToList();
        if (words.Count == 0 || scores[0].Score == 0 || scores[0].Score == scores[1].Score)
        {
            return new LanguageGuess(LanguageGuess.Undetermined, 0, scores);
        }

        var confidence = (scores[0].Score - scores[1].Score) / scores[0].Score;
        return new LanguageGuess(scores[0].Language, Math.Round(confidence, 3), scores);
    }
}
