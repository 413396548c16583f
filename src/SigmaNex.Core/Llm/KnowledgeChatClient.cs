using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace SigmaNex.Core.Llm;

/// <summary>
/// The knowledge-only backend as an <see cref="IChatClient"/>: it does not read the messages' prose but
/// composes the answer from the <see cref="Grounding"/> the Runner passes in the options. Always
/// available; the last resort of every fallback chain.
/// </summary>
public sealed class KnowledgeChatClient : IChatClient
{
    private static readonly ChatClientMetadata s_metadata = new(BackendNames.Knowledge, null, "protocols");

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var updates = new List<ChatResponseUpdate>();
        await foreach (var u in GetStreamingResponseAsync(messages, options, cancellationToken).ConfigureAwait(false))
        {
            updates.Add(u);
        }

        return updates.ToChatResponse();
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (options?.AdditionalProperties?.TryGetValue(Grounding.Key, out var value) != true || value is not Grounding grounding)
        {
            throw new InvalidOperationException("the knowledge backend needs the retrieval results (Grounding) in ChatOptions.AdditionalProperties");
        }

        var composed = KnowledgeComposer.Compose(grounding.Hits, grounding.Load, grounding.Phrases, grounding.ShownProtocol);
        await Task.CompletedTask.ConfigureAwait(false);
        yield return new ChatResponseUpdate(ChatRole.Assistant, composed.Text)
        {
            ModelId = "protocols",
            FinishReason = ChatFinishReason.Stop,
            AdditionalProperties = new AdditionalPropertiesDictionary { [Grounding.UsedKey] = composed.Used },
        };
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(ChatClientMetadata) ? s_metadata
        : serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
    }
}
