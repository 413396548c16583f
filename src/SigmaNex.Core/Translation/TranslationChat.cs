using Microsoft.Extensions.AI;
using SigmaNex.Core.Configuration;
using SigmaNex.Core.Llm;

namespace SigmaNex.Core.Translation;

/// <summary>A chat model available for translating, with the name it is shown under ("ollama/mistral").</summary>
/// <param name="Client">The client.</param>
/// <param name="Name">Backend and model.</param>
/// <param name="Configure">Backend-specific request options (context size, keep-alive), if any.</param>
public sealed record TranslationChat(IChatClient Client, string Name, Action<ChatOptions>? Configure = null);

/// <summary>Finds a chat model to translate with when no Marian model covers a language pair.</summary>
public interface ITranslationChatProvider
{
    /// <summary>The first available chat model, or null when none answers; never throws for unavailability.</summary>
    Task<TranslationChat?> GetAsync(CancellationToken cancellationToken);

    /// <summary>What the last <see cref="GetAsync"/> found (null before the first call or when none was available).</summary>
    TranslationChat? LastKnown { get; }
}

/// <summary>The configured answer backends, in the order auto mode tries them; the knowledge base cannot translate.</summary>
public sealed class BackendTranslationChatProvider : ITranslationChatProvider
{
    private readonly BackendCatalog _catalog;
    private readonly SigmaOptions _options;

    public BackendTranslationChatProvider(BackendCatalog catalog, SigmaOptions options)
    {
        _catalog = catalog;
        _options = options;
    }

    public TranslationChat? LastKnown { get; private set; }

    public async Task<TranslationChat?> GetAsync(CancellationToken cancellationToken)
    {
        foreach (var name in _catalog.Order(null))
        {
            if (name == BackendNames.Knowledge || _catalog.Breaker(name).State == CircuitState.Open)
            {
                continue;
            }

            var status = await _catalog.StatusAsync(name, cancellationToken).ConfigureAwait(false);
            if (!status.Available)
            {
                continue;
            }

            var backend = _catalog.Get(name);
            LastKnown = new TranslationChat(backend.Client, $"{name}/{backend.Model}", o => backend.Configure(o, _options.ContextWindow));
            return LastKnown;
        }

        LastKnown = null;
        return null;
    }
}
