namespace SigmaNex.Core.Translation;

/// <summary>One way of translating: a Marian model for one language pair, or a chat model.</summary>
public interface ITranslator
{
    /// <summary>The engine name shown to users and used in cache keys, e.g. "marian:en-es".</summary>
    string Engine { get; }

    /// <summary>
    /// A fingerprint of the model behind <see cref="Engine"/> (changes when the model files change), so
    /// cached translations of an older model are not served.
    /// </summary>
    string ModelKey { get; }

    /// <summary>
    /// Translates. Protected terms (doses, drug names, emergency numbers, protocol ids) are kept and verified;
    /// a part that fails the check is returned untranslated with a notice rather than thrown.
    /// </summary>
    Task<TranslationResult> TranslateAsync(TranslationRequest request, CancellationToken cancellationToken);
}
