using SigmaNex.Core.Llm;

namespace SigmaNex.Core.Tests.Llm;

public sealed class CircuitBreakerTests
{
    private readonly ManualTimeProvider _time = new();

    [Fact]
    public void Breaker_OpensAfterThreshold_HalfOpensAfterTheWait_AndClosesOnSuccess()
    {
        var breaker = new CircuitBreaker(3, TimeSpan.FromSeconds(30), _time);
        for (var i = 0; i < 3; i++)
        {
            Assert.True(breaker.TryAcquire());
            breaker.RecordFailure();
        }

        Assert.Equal(CircuitState.Open, breaker.State);
        Assert.False(breaker.TryAcquire());
        _time.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(CircuitState.HalfOpen, breaker.State);
        Assert.True(breaker.TryAcquire());
        Assert.False(breaker.TryAcquire());
        breaker.RecordSuccess();
        Assert.Equal(CircuitState.Closed, breaker.State);
    }

    [Fact]
    public void Breaker_FailedProbe_ReopensAtOnce()
    {
        var breaker = new CircuitBreaker(2, TimeSpan.FromSeconds(10), _time);
        breaker.RecordFailure();
        breaker.RecordFailure();
        _time.Advance(TimeSpan.FromSeconds(11));

        Assert.True(breaker.TryAcquire());
        breaker.RecordFailure();

        Assert.Equal(CircuitState.Open, breaker.State);
        Assert.Equal(TimeSpan.FromSeconds(10), breaker.RetryAfter);
    }
}
