namespace SigmaNex.Core.Language;

/// <summary>Guesses the language of a text; "und" (undetermined) when it cannot tell.</summary>
public interface ILanguageDetector
{
    LanguageGuess Detect(string text);
}
