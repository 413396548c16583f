using SigmaNex.Core.Knowledge;
using SigmaNex.Core.Retrieval;

namespace SigmaNex.Server;

/// <summary>Loads the library and vectors before the first request, so the first answer is as fast as the rest.</summary>
internal sealed partial class KnowledgeWarmup(KnowledgeBase knowledge, Retriever retriever, ILogger<KnowledgeWarmup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var notice in await knowledge.EnsureReadyAsync(retriever, null, cancellationToken).ConfigureAwait(false))
        {
            LogNotice(logger, notice);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Notice}")]
    private static partial void LogNotice(ILogger logger, string notice);
}
