namespace SigmaNex.Core.Llm;

/// <summary>
/// Stops sending questions to a backend that keeps failing: after <c>threshold</c> consecutive failures the
/// circuit opens for <c>openFor</c>; then one request is let through (half-open) and its outcome closes
/// or re-opens the circuit. Thread-safe.
/// </summary>
public sealed class CircuitBreaker
{
    private readonly int _threshold;
    private readonly TimeSpan _openFor;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private int _failures;
    private DateTimeOffset? _openedAt;
    private bool _probing;

    public CircuitBreaker(int threshold, TimeSpan openFor, TimeProvider time)
    {
        _threshold = threshold;
        _openFor = openFor;
        _time = time;
    }

    public CircuitState State
    {
        get
        {
            lock (_gate)
            {
                return StateLocked();
            }
        }
    }

    public int ConsecutiveFailures
    {
        get
        {
            lock (_gate)
            {
                return _failures;
            }
        }
    }

    /// <summary>Time until an open circuit lets a probe through.</summary>
    public TimeSpan RetryAfter
    {
        get
        {
            lock (_gate)
            {
                return _openedAt is { } at ? (at + _openFor - _time.GetUtcNow()) is var left && left > TimeSpan.Zero ? left : TimeSpan.Zero : TimeSpan.Zero;
            }
        }
    }

    /// <summary>Asks to send a request: true when closed, or when this caller gets the half-open probe.</summary>
    public bool TryAcquire()
    {
        lock (_gate)
        {
            switch (StateLocked())
            {
                case CircuitState.Closed:
                    return true;
                case CircuitState.HalfOpen when !_probing:
                    _probing = true;
                    return true;
                default:
                    return false;
            }
        }
    }

    public void RecordSuccess()
    {
        lock (_gate)
        {
            _failures = 0;
            _openedAt = null;
            _probing = false;
        }
    }

    public void RecordFailure()
    {
        lock (_gate)
        {
            _failures++;
            if (_probing || _failures >= _threshold)
            {
                _openedAt = _time.GetUtcNow();
            }

            _probing = false;
        }
    }

    private CircuitState StateLocked() => _openedAt switch
    {
        null => CircuitState.Closed,
        { } at when _time.GetUtcNow() - at >= _openFor => CircuitState.HalfOpen,
        _ => CircuitState.Open,
    };
}
