namespace SigmaNex.Core.Contracts;

/// <summary>The JSON contract of <c>sigma ask --json</c> (and the API's answer). Extend it; never break it.</summary>
public sealed record AskResponse
{
    public required string Answer { get; init; }

    public required string Language { get; init; }

    public required string Backend { get; init; }

    public string? Model { get; init; }

    public string? Strategy { get; init; }

    public string? ConversationId { get; init; }

    public required EmergencyInfo Emergency { get; init; }

    public required IReadOnlyList<SourceInfoDto> Sources { get; init; }

    public required IReadOnlyDictionary<string, double> TimingsMs { get; init; }

    public IReadOnlyList<string> Notices { get; init; } = [];

    public IReadOnlyList<SafetyCorrectionDto> Safety { get; init; } = [];
}

public sealed record SafetyCorrectionDto(string Kind, string Original, string Replacement, string Reason);

public sealed record EmergencyInfo
{
    public required bool Detected { get; init; }

    public string? Category { get; init; }

    public string? Severity { get; init; }

    public string? Protocol { get; init; }

    public IReadOnlyList<string> Evidence { get; init; } = [];

    public string? Language { get; init; }

    /// <summary>
    /// What raised the alarm: <c>rules</c> (lexicon patterns) or <c>learned</c> (the learned stage, where no pattern
    /// matched); or <c>veto</c> when it was not raised because the learned stage overruled a pattern in a long message.
    /// </summary>
    public string? Decision { get; init; }
}

public sealed record SourceInfoDto
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public string? Category { get; init; }

    public required double Score { get; init; }

    public required string Kind { get; init; }

    public required string Language { get; init; }

    public string? Attribution { get; init; }

    public string? Url { get; init; }
}
