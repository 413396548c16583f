using Microsoft.Extensions.AI;

namespace SigmaNex.Core.Llm;

/// <summary>
/// One way of producing answers. Generation goes through <see cref="Client"/>, a standard
/// <see cref="IChatClient"/>; this class adds what the Runner needs around it: a name, the model, a quick
/// availability probe, and backend-specific request options.
/// </summary>
public abstract class ChatBackend : IAsyncDisposable
{
    public abstract string Name { get; }

    public abstract string Model { get; }

    /// <summary>The client; created on first use (loading a local model is expensive).</summary>
    public abstract IChatClient Client { get; }

    /// <summary>Checks reachability and model presence within <paramref name="timeout"/>; never throws.</summary>
    public abstract Task<BackendStatus> ProbeAsync(TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>Adds backend-specific options (context size, keep-alive) to a request.</summary>
    public virtual void Configure(ChatOptions options, int contextSize)
    {
    }

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    /// <summary>Turns a probe exception into a short reason a person understands.</summary>
    protected static string Describe(Exception ex) => ex switch
    {
        TaskCanceledException or OperationCanceledException or TimeoutException => "no answer in time",
        HttpRequestException { StatusCode: { } code } => $"HTTP {(int)code} {code}",
        HttpRequestException { InnerException: System.Net.Sockets.SocketException s } => s.SocketErrorCode switch
        {
            System.Net.Sockets.SocketError.ConnectionRefused => "connection refused",
            System.Net.Sockets.SocketError.HostNotFound or System.Net.Sockets.SocketError.NoData => "host not found",
            _ => s.Message,
        },
        HttpRequestException h => h.InnerException?.Message ?? h.Message,
        System.Text.Json.JsonException => "the reply was not valid JSON",
        _ => ex.Message,
    };
}
