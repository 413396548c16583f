using System.ComponentModel;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Hybrid;
using SigmaNex.Core.Context;

namespace SigmaNex.Core.Translation;

/// <summary>
/// The one entry point for translation. Chooses, per language pair: the Marian model in
/// <c>models/marian/&lt;from&gt;-&lt;to&gt;/</c> when there is one, else the first available chat model, else nothing
/// (the source text comes back with a notice; that is not an error). Results are cached in <see cref="HybridCache"/>
/// by engine, model, pair, beam width and a hash of the text.
/// </summary>
public sealed class TranslationService
{
    private static readonly HybridCacheEntryOptions s_entry = new()
    {
        Expiration = TimeSpan.FromDays(1),
        LocalCacheExpiration = TimeSpan.FromDays(1),
    };

    private readonly MarianModelCatalog _marian;
    private readonly TermProtector _protector;
    private readonly HybridCache _cache;
    private readonly ITranslationChatProvider? _chat;

    public TranslationService(MarianModelCatalog marian, TermProtector protector, HybridCache cache, ITranslationChatProvider? chat = null)
    {
        _marian = marian;
        _protector = protector;
        _cache = cache;
        _chat = chat;
    }

    /// <summary>The longest text accepted, in characters.</summary>
    public int MaxTextLength { get; init; } = 100_000;

    public MarianModelCatalog Marian => _marian;

    /// <summary>
    /// True when a translator for the pair is known without asking anything: a Marian model folder exists for it,
    /// or the last look for a chat model found one. Same-language "translation" is always possible.
    /// </summary>
    public bool CanTranslate(string from, string to)
    {
        var (f, t) = (Normalize(from, "from"), Normalize(to, "to"));
        return f == t || _marian.Has(f, t) || _chat?.LastKnown is not null;
    }

    /// <summary>Like <see cref="CanTranslate"/>, but probes the chat backends (and loads nothing else).</summary>
    public async Task<bool> CanTranslateAsync(string from, string to, CancellationToken cancellationToken)
    {
        var (f, t) = (Normalize(from, "from"), Normalize(to, "to"));
        return f == t || _marian.Has(f, t) || (_chat is not null && await _chat.GetAsync(cancellationToken).ConfigureAwait(false) is not null);
    }

    /// <summary>Translates <paramref name="text"/>; see <see cref="TranslateAsync(TranslationRequest, CancellationToken)"/>.</summary>
    public Task<TranslationResult> TranslateAsync(string text, string from, string to, CancellationToken cancellationToken) =>
        TranslateAsync(new TranslationRequest(text, from, to), cancellationToken);

    /// <summary>
    /// Translates. Throws a <see cref="SigmaException"/> only for bad input (empty or oversized text, unknown
    /// language code, beam width out of range) or a broken Marian model folder; no translator for the pair gives
    /// the source text back with engine "none" and a notice saying where a model would go.
    /// </summary>
    public async Task<TranslationResult> TranslateAsync(TranslationRequest request, CancellationToken cancellationToken)
    {
        var from = Normalize(request.From, "from");
        var to = Normalize(request.To, "to");
        if (string.IsNullOrWhiteSpace(request.Text))
        {
            throw SigmaException.Input("the text to translate is empty");
        }

        if (request.Text.Length > MaxTextLength)
        {
            throw SigmaException.Input($"the text to translate is too long ({request.Text.Length:N0} characters; the limit is {MaxTextLength:N0})");
        }

        if (request.BeamWidth is < 1 or > 16)
        {
            throw SigmaException.Input($"the beam width must be between 1 and 16 (got {request.BeamWidth})");
        }

        var normalized = request with { From = from, To = to };
        if (from == to)
        {
            return new TranslationResult(request.Text, from, to, TranslationResult.IdentityEngine, false, []);
        }

        var translator = await ResolveAsync(from, to, cancellationToken).ConfigureAwait(false);
        if (translator is null)
        {
            return new TranslationResult(request.Text, from, to, TranslationResult.NoEngine, true,
                [$"no translator for {LanguageNames.English(from)} → {LanguageNames.English(to)}: put a Marian model in {_marian.FolderFor(from, to)} (see docs/LANGUAGE.md) or start a chat model backend"]);
        }

        var key = CacheKey(translator, normalized);
        var ran = false;
        var cached = await _cache.GetOrCreateAsync(
            key,
            (translator, normalized),
            async (state, ct) =>
            {
                ran = true;
                var r = await state.translator.TranslateAsync(state.normalized, ct).ConfigureAwait(false);
                return new CachedTranslation(r.Text, r.FellBack, [.. r.Notices]);
            },
            s_entry,
            cancellationToken: cancellationToken).ConfigureAwait(false);

        if (ran && cached.FellBack && translator is LlmTranslator)
        {
            // A chat model may do better next time; a Marian model would give the same again.
            await _cache.RemoveAsync(key, cancellationToken).ConfigureAwait(false);
        }

        return new TranslationResult(cached.Text, from, to, translator.Engine, cached.FellBack, cached.Notices, Cached: !ran);
    }

    /// <summary>The translator the pair would use now: Marian, else a chat model, else null.</summary>
    public async Task<ITranslator?> ResolveAsync(string from, string to, CancellationToken cancellationToken)
    {
        var (f, t) = (Normalize(from, "from"), Normalize(to, "to"));
        if (_marian.Has(f, t))
        {
            return new MarianTranslator(f, t, _marian.Get(f, t), _protector);
        }

        return _chat is not null && await _chat.GetAsync(cancellationToken).ConfigureAwait(false) is { } chat
            ? new LlmTranslator(chat, _protector)
            : null;
    }

    /// <summary>A two-letter language code we have a name for, lower-cased; anything else is bad input.</summary>
    public static string Normalize(string code, string what)
    {
        var c = (code ?? string.Empty).Trim().ToLowerInvariant();
        return c.Length == 2 && c.All(char.IsAsciiLetterLower) && LanguageNames.IsKnown(c)
            ? c
            : throw SigmaException.Input($"unknown language code '{code}' for {what} (use a two-letter code such as en, it, es, fr, de)");
    }

    private static string CacheKey(ITranslator translator, TranslationRequest request)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(request.Text)));
        return $"sigma:translate:{translator.Engine}:{translator.ModelKey}:{request.From}-{request.To}:b{request.BeamWidth?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "default"}:{hash}";
    }

    /// <summary>What the cache keeps (immutable, so the in-memory cache can hand out the same instance).</summary>
    [ImmutableObject(true)]
    internal sealed record CachedTranslation(string Text, bool FellBack, string[] Notices);
}
