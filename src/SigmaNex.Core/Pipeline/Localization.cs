using SigmaNex.Core.Context;
using SigmaNex.Core.Knowledge;
using SigmaNex.Core.Language;
using SigmaNex.Core.Translation;

namespace SigmaNex.Core.Pipeline;

/// <summary>
/// One answer's language work: the reader writes in <see cref="Language"/>; the protocols exist in
/// <see cref="ProtocolLibrary.Languages"/>. When the reader's language is not one of them, the question is
/// translated for the search, and the protocols shown are translated for the reader (Marian, else a chat
/// model) — or shown as they are, with the fixed phrases in the reader's language and a notice saying
/// which language the content is in.
/// </summary>
public sealed class Localization
{
    private readonly TranslationService? _translation;
    private bool _enabled;
    private readonly Dictionary<string, Protocol> _translated = new(StringComparer.Ordinal);

    public Localization(string language, TranslationService? translation, bool enabled)
    {
        Language = language;
        Phrases = Phrases.For(language);
        _translation = translation;
        _enabled = enabled && translation is not null && LanguageNames.IsKnown(language);
        Native = ProtocolLibrary.Languages.Contains(language, StringComparer.Ordinal);
    }

    public string Language { get; }

    /// <summary>The fixed phrases in the reader's language (English when we have none for it).</summary>
    public Phrases Phrases { get; }

    /// <summary>True when the knowledge base is written in the reader's language.</summary>
    public bool Native { get; }

    /// <summary>What the reader should know about the languages of this answer.</summary>
    public List<string> Notices { get; } = [];

    /// <summary>Set when a protocol was shown in another language than the reader's (no translator, or it failed).</summary>
    public string? UntranslatedFrom { get; private set; }

    /// <summary>Set when a protocol was shown translated: by which engine.</summary>
    public string? TranslatedBy { get; private set; }

    /// <summary>The languages to search in, the one whose results are preferred first.</summary>
    public IReadOnlyList<string> SearchLanguages =>
        Native
            ? new[] { Language }.Concat(ProtocolLibrary.Languages).Distinct(StringComparer.Ordinal).ToList()
            : ProtocolLibrary.Languages;

    /// <summary>
    /// The question as the search should see it: unchanged in a language the knowledge base has; else
    /// translated to English when a translator is known, with the original words kept (names, numbers,
    /// words both languages share still match).
    /// </summary>
    public async Task<string> SearchQueryAsync(string question, CancellationToken cancellationToken)
    {
        if (Native)
        {
            return question;
        }

        if (!_enabled || !_translation!.CanTranslate(Language, "en"))
        {
            return WithGlossaryTerms(question);
        }

        TranslationResult result;
        try
        {
            result = await _translation.TranslateAsync(question, Language, "en", cancellationToken).ConfigureAwait(false);
        }
        catch (SigmaException ex)
        {
            // A broken model folder must not cost the reader an answer: say which file, search without it.
            Notices.Add($"translation: {ex.Message}; searched without translating the question");
            return WithGlossaryTerms(question);
        }

        if (!result.Translated || result.FellBack)
        {
            Notices.AddRange(result.Notices.Select(n => "translation: " + n));
            return WithGlossaryTerms(question);
        }

        Notices.Add($"translation: searched the knowledge base with the question in English ({result.Engine}): \"{result.Text.Trim()}\"");
        return result.Text + "\n" + question;
    }

    /// <summary>
    /// With no translator, the words of the question the first-aid glossary knows, in English, are
    /// added to it: a dictionary translation good enough to find the protocol.
    /// </summary>
    private string WithGlossaryTerms(string question)
    {
        var glossary = QueryGlossary.Default;
        if (!glossary.Supports(Language))
        {
            return question;
        }

        var terms = glossary.Translate(question, Language, "en", maxTermsPerConcept: 3);
        if (terms.Count == 0)
        {
            return question;
        }

        var english = string.Join(' ', terms.SelectMany(t => t.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Distinct(StringComparer.OrdinalIgnoreCase));
        Notices.Add($"translation: searched the knowledge base with the glossary's English terms for the question: {english}");
        return question + "\n" + english;
    }

    /// <summary>
    /// The protocol in the reader's language: as it is when it already is; translated when a translator is
    /// available (<paramref name="localOnly"/>: only a Marian model, never a slow chat model, as for the
    /// emergency card); else as it is, remembered for the content-language notice.
    /// </summary>
    public async Task<Protocol> LocalizeAsync(Protocol protocol, bool localOnly, CancellationToken cancellationToken)
    {
        if (protocol.Language == Language)
        {
            return protocol;
        }

        if (_translated.TryGetValue(protocol.DocumentId, out var done))
        {
            return done;
        }

        var canTranslate = _enabled && (localOnly
            ? _translation!.Marian.Has(protocol.Language, Language)
            : _translation!.CanTranslate(protocol.Language, Language));
        if (canTranslate)
        {
            try
            {
                var translated = await TranslateAsync(protocol, cancellationToken).ConfigureAwait(false);
                if (translated is not null)
                {
                    _translated[protocol.DocumentId] = translated;
                    return translated;
                }
            }
            catch (SigmaException ex)
            {
                Notices.Add($"translation: {ex.Message}; showing the protocol untranslated");
                _enabled = false;
            }
        }

        UntranslatedFrom ??= protocol.Language;
        return protocol;
    }

    /// <summary>Starts over for the next thing shown (after the emergency card has had its notice).</summary>
    public void ForgetShown() => (UntranslatedFrom, TranslatedBy) = (null, null);

    /// <summary>The line that tells the reader about the content's language, in their language; null when none is needed.</summary>
    public string? ContentNotice()
    {
        if (UntranslatedFrom is { } from)
        {
            return Phrases.Format("content_language", ("language", LanguageName(from)));
        }

        return TranslatedBy is { } engine
            ? Phrases.Format("translated_from", ("language", LanguageName("en")), ("engine", engine))
            : null;
    }

    private string LanguageName(string code) =>
        Phrases.TryGet("language_" + code) ?? LanguageNames.Native(code);

    /// <summary>Translates every text of a protocol in one request (paragraphs), field by field if the paragraphs do not survive.</summary>
    private async Task<Protocol?> TranslateAsync(Protocol p, CancellationToken cancellationToken)
    {
        var keys = p.SpecialCases.Keys.ToList();
        var texts = new List<string> { p.Title, p.Summary };
        texts.AddRange(p.Steps);
        texts.AddRange(p.Warnings.Select(w => w.Text));
        texts.AddRange(p.CallForHelp);
        texts.AddRange(keys.Select(k => p.SpecialCases[k]));
        texts.AddRange(p.Improvised);
        texts = texts.Select(t => t.ReplaceLineEndings(" ").Trim()).ToList();

        var result = await _translation!.TranslateAsync(string.Join("\n\n", texts), p.Language, Language, cancellationToken).ConfigureAwait(false);
        if (!result.Translated)
        {
            return null;
        }

        var parts = result.Text.ReplaceLineEndings("\n").Split("\n\n").Select(s => s.Trim()).ToList();
        if (parts.Count != texts.Count)
        {
            parts = [];
            foreach (var text in texts)
            {
                var one = await _translation.TranslateAsync(text.Length == 0 ? " " : text, p.Language, Language, cancellationToken).ConfigureAwait(false);
                parts.Add(one.Text.Trim());
            }
        }

        if (result.FellBack)
        {
            Notices.AddRange(result.Notices.Select(n => "translation: " + n));
        }

        TranslatedBy ??= result.Engine;
        var i = 0;
        string Next() => parts[i++];
        var title = Next();
        var summary = Next();
        var steps = p.Steps.Select(_ => Next()).ToList();
        var warnings = p.Warnings.Select(w => w with { Text = Next() }).ToList();
        var help = p.CallForHelp.Select(_ => Next()).ToList();
        var cases = keys.ToDictionary(k => k, _ => Next(), StringComparer.Ordinal);
        var improvised = p.Improvised.Select(_ => Next()).ToList();
        return p with
        {
            Title = title,
            Summary = p.Summary.Length == 0 ? string.Empty : summary,
            Steps = steps,
            Warnings = warnings,
            CallForHelp = help,
            SpecialCases = cases,
            Improvised = improvised,
        };
    }
}
