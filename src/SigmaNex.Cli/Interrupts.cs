namespace SigmaNex.Cli;

/// <summary>
/// Ctrl-C handling: the first press cancels the current token (so work stops cleanly), a second press
/// within the same operation ends the process as usual.
/// </summary>
public static class Interrupts
{
    private static readonly Lock s_gate = new();
    private static CancellationTokenSource? s_current;

    static Interrupts() => Console.CancelKeyPress += (_, e) =>
    {
        lock (s_gate)
        {
            if (s_current is { IsCancellationRequested: false } cts)
            {
                e.Cancel = true;
                cts.Cancel();
            }
        }
    };

    /// <summary>Routes Ctrl-C to <paramref name="source"/> until the returned handle is disposed.</summary>
    public static IDisposable Register(CancellationTokenSource source)
    {
        CancellationTokenSource? previous;
        lock (s_gate)
        {
            previous = s_current;
            s_current = source;
        }

        return new Handle(previous);
    }

    private sealed class Handle(CancellationTokenSource? previous) : IDisposable
    {
        public void Dispose()
        {
            lock (s_gate)
            {
                s_current = previous;
            }
        }
    }
}
