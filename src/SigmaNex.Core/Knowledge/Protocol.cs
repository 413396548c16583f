namespace SigmaNex.Core.Knowledge;

/// <summary>One first-aid or survival protocol in one language.</summary>
public sealed record Protocol
{
    /// <summary>The language-neutral id shared by all translations ("severe-bleeding").</summary>
    public required string Id { get; init; }

    public required string Language { get; init; }

    public required string Title { get; init; }

    public required string Category { get; init; }

    public required Priority Priority { get; init; }

    public required string Summary { get; init; }

    public required IReadOnlyList<string> Steps { get; init; }

    public IReadOnlyList<ProtocolWarning> Warnings { get; init; } = [];

    public IReadOnlyList<string> CallForHelp { get; init; } = [];

    /// <summary>What changes for a child, infant, pregnancy, elderly person or other group.</summary>
    public IReadOnlyDictionary<string, string> SpecialCases { get; init; } = new Dictionary<string, string>();

    /// <summary>What to do when supplies are missing.</summary>
    public IReadOnlyList<string> Improvised { get; init; } = [];

    public IReadOnlyList<string> Tags { get; init; } = [];

    public IReadOnlyList<string> Related { get; init; } = [];

    public string Source { get; init; } = string.Empty;

    /// <summary>The store key of this language version ("severe-bleeding.en").</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string DocumentId => DocumentIdFor(Id, Language);

    public static string DocumentIdFor(string id, string language) => $"{id}.{language}";
}
