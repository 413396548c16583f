using Microsoft.Extensions.AI;

namespace SigmaNex.Core.Llm.Backends;

/// <summary>Answers composed from the protocols themselves; needs nothing and is always there.</summary>
public sealed class KnowledgeBackend : ChatBackend
{
    private readonly KnowledgeChatClient _client = new();

    public override string Name => BackendNames.Knowledge;

    public override string Model => "protocols";

    public override IChatClient Client => _client;

    public override Task<BackendStatus> ProbeAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        Task.FromResult(new BackendStatus
        {
            Backend = Name,
            Model = Model,
            Reachable = true,
            ModelPresent = true,
            LatencyMs = 0,
            Detail = "always available (answers from the protocols, no model)",
        });
}
