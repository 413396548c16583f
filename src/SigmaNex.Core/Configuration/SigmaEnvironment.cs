namespace SigmaNex.Core.Configuration;

/// <summary>
/// The process's surroundings (environment variables, working folder, home), passed in rather than read
/// from globals so that configuration precedence can be tested without touching the real process.
/// </summary>
public sealed record SigmaEnvironment
{
    public required IReadOnlyDictionary<string, string> Variables { get; init; }

    public required string CurrentDirectory { get; init; }

    public required string HomeDirectory { get; init; }

    /// <summary>The folder the program runs from (its install), where the shipped knowledge sits.</summary>
    public required string BaseDirectory { get; init; }

    public string? Get(string name) => Variables.TryGetValue(name, out var v) && !string.IsNullOrEmpty(v) ? v : null;

    public static SigmaEnvironment FromProcess()
    {
        var vars = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry e in Environment.GetEnvironmentVariables())
        {
            if (e.Key is string k && e.Value is string v)
            {
                vars[k] = v;
            }
        }

        return new SigmaEnvironment
        {
            Variables = vars,
            CurrentDirectory = Environment.CurrentDirectory,
            HomeDirectory = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile),
            BaseDirectory = AppContext.BaseDirectory,
        };
    }
}
