namespace SigmaNex.Core.Llm;

public enum CircuitState
{
    Closed,
    Open,
    HalfOpen,
}
