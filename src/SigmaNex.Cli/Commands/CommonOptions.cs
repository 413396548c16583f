using System.CommandLine;

namespace SigmaNex.Cli.Commands;

/// <summary>Options several commands share, so they read the same everywhere.</summary>
internal static class CommonOptions
{
    public static Option<bool> Json() => new("--json") { Description = "Print the result as JSON" };

    public static Option<int?> Top() => new("--top", "-k") { Description = "How many results (1-50)" };

    public static Option<string?> Lang() => new("--lang", "-l") { Description = "Answer in this language (two-letter code), instead of detecting it" };

    public static int? ValidTop(int? top) => top switch
    {
        null => null,
        < 1 or > 50 => throw Core.SigmaException.Input($"--top must be between 1 and 50 (got {top})"),
        _ => top,
    };

    public static string? ValidLang(string? lang)
    {
        if (lang is null)
        {
            return null;
        }

        var l = lang.Trim().ToLowerInvariant();
        return l.Length == 2 && l.All(char.IsAsciiLetterLower)
            ? l
            : throw Core.SigmaException.Input($"--lang must be a two-letter language code such as en, it, es (got '{lang}')");
    }
}
