namespace SigmaNex.Core;

/// <summary>What went wrong, in terms an interface can map to an exit code or an HTTP status.</summary>
public enum SigmaErrorKind
{
    /// <summary>The user's input (question, file, flag) is not acceptable. CLI exit 2, HTTP 400.</summary>
    InvalidInput,
    /// <summary>A configuration file or value is wrong. CLI exit 2, HTTP 500 (the operator must fix it).</summary>
    Configuration,
    /// <summary>Something asked for does not exist. CLI exit 2, HTTP 404.</summary>
    NotFound,
    /// <summary>The store cannot be opened, read or written. CLI exit 1, HTTP 503.</summary>
    Storage,
    /// <summary>A model or embedding backend failed. CLI exit 1, HTTP 502.</summary>
    Backend,
    /// <summary>The operation was refused for safety (size, entity or path limits). CLI exit 2, HTTP 400/413.</summary>
    Refused,
}

/// <summary>
/// An expected failure with a message fit to show a user as one line. Anything else that escapes is a bug.
/// </summary>
public sealed class SigmaException : Exception
{
    public SigmaException(SigmaErrorKind kind, string message, Exception? inner = null)
        : base(message, inner) => Kind = kind;

    public SigmaErrorKind Kind { get; }

    public static SigmaException Input(string message) => new(SigmaErrorKind.InvalidInput, message);

    public static SigmaException Config(string message, Exception? inner = null) => new(SigmaErrorKind.Configuration, message, inner);

    public static SigmaException NotFound(string message) => new(SigmaErrorKind.NotFound, message);

    public static SigmaException Storage(string message, Exception? inner = null) => new(SigmaErrorKind.Storage, message, inner);
}
