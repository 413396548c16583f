using System.ClientModel;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.AI;
using SigmaNex.Core.Configuration;
using SigmaNex.Core.Pipeline;
using SigmaNex.Core.Retrieval;

namespace SigmaNex.Core.Llm;

/// <summary>
/// Streams an answer from the first backend that can give one. A backend is skipped when its circuit is
/// open or its probe fails; a transient error before the first token is retried with jittered backoff;
/// any other failure, a broken stream or the deadline moves on — and the knowledge base, always last,
/// always answers. Every skip and fallback is reported as a notice saying which backend and why.
/// </summary>
public sealed class AnswerGenerator
{
    private readonly BackendCatalog _catalog;
    private readonly ResilienceOptions _resilience;
    private readonly TimeProvider _time;

    public AnswerGenerator(BackendCatalog catalog, ResilienceOptions resilience, TimeProvider time)
    {
        _catalog = catalog;
        _resilience = resilience;
        _time = time;
    }

    public async IAsyncEnumerable<AnswerEvent> GenerateAsync(
        GenerationRequest request, GenerationOutcome outcome, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var modelsDone = false;
        foreach (var name in request.Order)
        {
            if (name == BackendNames.Knowledge)
            {
                await foreach (var e in KnowledgeAsync(request, outcome, cancellationToken).ConfigureAwait(false))
                {
                    yield return e;
                }

                yield break;
            }

            if (modelsDone)
            {
                continue;
            }

            var breaker = _catalog.Breaker(name);
            if (!breaker.TryAcquire())
            {
                yield return Notice(outcome, $"{name} skipped: it failed {breaker.ConsecutiveFailures} times in a row; trying it again in {Math.Ceiling(breaker.RetryAfter.TotalSeconds)} s");
                continue;
            }

            var status = await _catalog.StatusAsync(name, cancellationToken).ConfigureAwait(false);
            if (!status.Available)
            {
                breaker.RecordFailure();
                yield return Notice(outcome, $"{name} skipped: {status.Detail}{(status.Fix is null ? string.Empty : $" (fix: {status.Fix})")}");
                continue;
            }

            var backend = _catalog.Get(name);
            for (var attempt = 0; ; attempt++)
            {
                var remaining = request.Deadline - _time.GetUtcNow();
                if (remaining <= TimeSpan.Zero)
                {
                    yield return Notice(outcome, $"{name} skipped: the time for this question is used up");
                    modelsDone = true;
                    break;
                }

                var text = new StringBuilder();
                Exception? error = null;
                using var attemptToken = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                attemptToken.CancelAfter(remaining);
                var stream = backend.Client.GetStreamingResponseAsync(request.Messages, Options(request, backend), attemptToken.Token);
                var updates = stream.GetAsyncEnumerator(attemptToken.Token);
                try
                {
                    while (true)
                    {
                        ChatResponseUpdate? update = null;
                        try
                        {
                            if (!await updates.MoveNextAsync().ConfigureAwait(false))
                            {
                                break;
                            }

                            update = updates.Current;
                        }
                        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                        {
                            error = ex;
                            break;
                        }

                        if (!string.IsNullOrEmpty(update.Text))
                        {
                            text.Append(update.Text);
                            yield return new TextEvent(update.Text, Streamed: true);
                        }
                    }
                }
                finally
                {
                    await DisposeQuietlyAsync(updates).ConfigureAwait(false);
                }

                // Some clients end their stream quietly when cancelled; a cancelled answer is not an answer.
                cancellationToken.ThrowIfCancellationRequested();
                if (error is null && text.ToString().Trim().Length > 0)
                {
                    breaker.RecordSuccess();
                    _catalog.MarkHealthy(name);
                    outcome.Backend = name;
                    outcome.Model = backend.Model;
                    outcome.Text = text.ToString();
                    yield break;
                }

                error ??= new InvalidDataException("the model returned an empty answer");
                var deadlineHit = error is OperationCanceledException;
                if (!deadlineHit && text.Length == 0 && attempt < _resilience.Retries && IsTransient(error))
                {
                    await Task.Delay(Backoff(attempt), _time, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                breaker.RecordFailure();
                _catalog.Invalidate(name);
                var reason = deadlineHit ? "it did not finish in time" : Describe(error);
                if (text.Length > 0)
                {
                    yield return Notice(outcome, $"{name} stopped mid-answer ({reason}); answering from the knowledge base instead");
                    modelsDone = true;
                }
                else
                {
                    yield return Notice(outcome, $"{name} failed ({reason})");
                    modelsDone |= deadlineHit;
                }

                break;
            }
        }

        // The order always ends with the knowledge base; this is reached only if a caller removed it.
        await foreach (var e in KnowledgeAsync(request, outcome, cancellationToken).ConfigureAwait(false))
        {
            yield return e;
        }
    }

    private async IAsyncEnumerable<AnswerEvent> KnowledgeAsync(GenerationRequest request, GenerationOutcome outcome, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var backend = _catalog.Get(BackendNames.Knowledge);
        var text = new StringBuilder();
        await foreach (var update in backend.Client.GetStreamingResponseAsync(request.Messages, Options(request, backend), cancellationToken).ConfigureAwait(false))
        {
            text.Append(update.Text);
            if (update.AdditionalProperties?.TryGetValue(Grounding.UsedKey, out var used) == true && used is IReadOnlyList<SearchHit> hits)
            {
                outcome.Used = hits;
            }

            if (!string.IsNullOrEmpty(update.Text))
            {
                yield return new TextEvent(update.Text, Streamed: false);
            }
        }

        outcome.Backend = BackendNames.Knowledge;
        outcome.Model = backend.Model;
        outcome.Text = text.ToString();
    }

    private static ChatOptions Options(GenerationRequest request, ChatBackend backend)
    {
        var options = new ChatOptions
        {
            ModelId = backend.Model,
            Temperature = (float)request.Temperature,
            MaxOutputTokens = request.MaxTokens,
            StopSequences = request.Stop.Count > 0 ? request.Stop.ToList() : null,
            AdditionalProperties = new AdditionalPropertiesDictionary { [Grounding.Key] = request.Grounding },
        };
        backend.Configure(options, request.ContextWindow);
        return options;
    }

    private TimeSpan Backoff(int attempt)
    {
        // 250 ms, 500 ms, 1 s ... each with ±50 % jitter so retrying clients do not synchronise.
        var baseMs = 250 * Math.Pow(2, attempt);
        return TimeSpan.FromMilliseconds(baseMs * (0.5 + Random.Shared.NextDouble()));
    }

    /// <summary>Worth retrying: the server said "busy" or a gateway failed, or the connection dropped.</summary>
    public static bool IsTransient(Exception error) => error switch
    {
        HttpRequestException { StatusCode: { } code } => IsTransient(code),
        ClientResultException { Status: > 0 } c => IsTransient((HttpStatusCode)c.Status),
        HttpRequestException { InnerException: IOException } => true,
        IOException => true,
        _ => false,
    };

    private static bool IsTransient(HttpStatusCode code) =>
        code is HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable
            or HttpStatusCode.GatewayTimeout or HttpStatusCode.RequestTimeout;

    private static string Describe(Exception error) => error switch
    {
        HttpRequestException { StatusCode: { } code } => $"HTTP {(int)code}",
        ClientResultException c when c.Status > 0 => $"HTTP {c.Status}",
        HttpRequestException { InnerException: System.Net.Sockets.SocketException s } => s.SocketErrorCode == System.Net.Sockets.SocketError.ConnectionRefused ? "connection refused" : s.Message,
        System.Text.Json.JsonException => "the server sent a malformed stream",
        IOException io => $"the connection broke: {io.Message}",
        InvalidDataException d => d.Message,
        _ => error.Message,
    };

    private static NoticeEvent Notice(GenerationOutcome outcome, string message)
    {
        outcome.Notices.Add(message);
        return new NoticeEvent(message);
    }

    private static async ValueTask DisposeQuietlyAsync(IAsyncEnumerator<ChatResponseUpdate> updates)
    {
        try
        {
            await updates.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or HttpRequestException or IOException)
        {
            // The request is being abandoned; its cleanup errors say nothing new.
        }
    }
}
