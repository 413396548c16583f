using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SigmaNex.Core.Knowledge;

/// <summary>
/// Reads protocols from YAML (or JSON, which this parser also accepts). Every problem is reported
/// with the file, line and field, so a reviewer can fix a protocol without guessing.
/// </summary>
public static partial class ProtocolReader
{
    public static readonly IReadOnlyList<string> SpecialCaseKeys = ["child", "infant", "pregnancy", "elderly", "other"];

    private static readonly HashSet<string> s_fields =
    [
        "id", "language", "title", "category", "priority", "summary", "steps", "warnings", "call_for_help",
        "special_cases", "improvised", "tags", "related", "source",
    ];

    /// <summary>Parses one file that holds a protocol, a list of protocols, or <c>{protocols: [...]}</c>.</summary>
    /// <param name="strict">Require every field the shipped library must have (warnings, help, tags, source).</param>
    public static IReadOnlyList<Protocol> ReadFile(string path, bool strict)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw SigmaException.Input($"cannot read {path}: {ex.Message}");
        }

        return Read(text, path, strict);
    }

    public static IReadOnlyList<Protocol> Read(string text, string sourceName, bool strict)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw SigmaException.Input($"{sourceName} line {ex.Start.Line}: {ex.InnerException?.Message ?? ex.Message}");
        }

        if (stream.Documents.Count == 0)
        {
            throw SigmaException.Input($"{sourceName}: the file is empty");
        }

        var root = stream.Documents[0].RootNode;
        IEnumerable<YamlNode> items = root switch
        {
            YamlSequenceNode seq => seq.Children,
            YamlMappingNode map when Child(map, "protocols") is YamlSequenceNode list => list.Children,
            YamlMappingNode map => [map],
            _ => throw SigmaException.Input($"{sourceName} line {root.Start.Line}: expected a protocol mapping or a list of protocols"),
        };

        return items.Select(n => ReadOne(n, sourceName, strict)).ToList();
    }

    private static Protocol ReadOne(YamlNode node, string source, bool strict)
    {
        if (node is not YamlMappingNode map)
        {
            throw Fail(source, node, "protocol", "must be a mapping of fields");
        }

        foreach (var (k, _) in map.Children)
        {
            var name = (k as YamlScalarNode)?.Value ?? string.Empty;
            if (!s_fields.Contains(name))
            {
                throw Fail(source, k, name, $"is not a protocol field (known: {string.Join(", ", s_fields)})");
            }
        }

        var id = RequiredString(map, "id", source);
        if (!IdPattern().IsMatch(id))
        {
            throw Fail(source, Child(map, "id")!, "id", $"must be a lower-case slug of letters, digits and '-' (got '{id}')");
        }

        var language = RequiredString(map, "language", source);
        if (language.Length != 2 || !language.All(char.IsAsciiLetterLower))
        {
            throw Fail(source, Child(map, "language")!, "language", $"must be a two-letter code such as en or it (got '{language}')");
        }

        var category = RequiredString(map, "category", source);
        if (strict && !Categories.IsKnown(category))
        {
            throw Fail(source, Child(map, "category")!, "category", $"'{category}' is not a known category");
        }

        var priorityText = strict ? RequiredString(map, "priority", source) : OptionalString(map, "priority", source) ?? "normal";
        var priority = priorityText switch
        {
            "critical" => Priority.Critical,
            "high" => Priority.High,
            "normal" => Priority.Normal,
            _ => throw Fail(source, Child(map, "priority")!, "priority", $"must be critical, high or normal (got '{priorityText}')"),
        };

        var steps = StringList(map, "steps", source, required: true);
        var warnings = Warnings(map, source, required: strict);
        var help = StringList(map, "call_for_help", source, required: strict);
        var tags = StringList(map, "tags", source, required: strict);
        return new Protocol
        {
            Id = id,
            Language = language,
            Title = RequiredString(map, "title", source),
            Category = category,
            Priority = priority,
            Summary = strict ? RequiredString(map, "summary", source) : OptionalString(map, "summary", source) ?? string.Empty,
            Steps = steps,
            Warnings = warnings,
            CallForHelp = help,
            SpecialCases = SpecialCases(map, source),
            Improvised = StringList(map, "improvised", source, required: false),
            Tags = tags,
            Related = StringList(map, "related", source, required: false),
            Source = strict ? RequiredString(map, "source", source) : OptionalString(map, "source", source) ?? string.Empty,
        };
    }

    private static IReadOnlyList<ProtocolWarning> Warnings(YamlMappingNode map, string source, bool required)
    {
        var node = Child(map, "warnings");
        if (node is null or YamlScalarNode { Value: null or "" })
        {
            return required ? throw Fail(source, map, "warnings", "is required") : [];
        }

        if (node is not YamlSequenceNode seq || seq.Children.Count == 0)
        {
            throw Fail(source, node, "warnings", "must be a non-empty list");
        }

        var result = new List<ProtocolWarning>();
        foreach (var item in seq.Children)
        {
            switch (item)
            {
                case YamlScalarNode { Value: { Length: > 0 } text }:
                    result.Add(new ProtocolWarning(text.Trim()));
                    break;
                case YamlMappingNode w:
                    var text2 = RequiredString(w, "text", source, "warnings[].text");
                    var forbid = StringList(w, "forbid", source, required: false, field: "warnings[].forbid");
                    result.Add(new ProtocolWarning(text2, forbid));
                    break;
                default:
                    throw Fail(source, item, "warnings", "each item must be a sentence or {text, forbid}");
            }
        }

        return result;
    }

    private static Dictionary<string, string> SpecialCases(YamlMappingNode map, string source)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var node = Child(map, "special_cases");
        if (node is null or YamlScalarNode { Value: null or "" })
        {
            return result;
        }

        if (node is not YamlMappingNode cases)
        {
            throw Fail(source, node, "special_cases", "must be a mapping such as {child: ..., elderly: ...}");
        }

        foreach (var (k, v) in cases.Children)
        {
            var key = (k as YamlScalarNode)?.Value ?? string.Empty;
            if (!SpecialCaseKeys.Contains(key))
            {
                throw Fail(source, k, "special_cases", $"'{key}' is not one of {string.Join(", ", SpecialCaseKeys)}");
            }

            if (v is not YamlScalarNode { Value: { Length: > 0 } text })
            {
                throw Fail(source, v, $"special_cases.{key}", "must be text");
            }

            result[key] = text.Trim();
        }

        return result;
    }

    private static string RequiredString(YamlMappingNode map, string key, string source, string? field = null) =>
        OptionalString(map, key, source, field) ?? throw Fail(source, map, field ?? key, "is required");

    private static string? OptionalString(YamlMappingNode map, string key, string source, string? field = null)
    {
        var node = Child(map, key);
        return node switch
        {
            null => null,
            YamlScalarNode { Value: null or "" } => null,
            YamlScalarNode s => s.Value!.Trim(),
            _ => throw Fail(source, node, field ?? key, "must be text"),
        };
    }

    private static List<string> StringList(YamlMappingNode map, string key, string source, bool required, string? field = null)
    {
        var node = Child(map, key);
        if (node is null or YamlScalarNode { Value: null or "" })
        {
            return required ? throw Fail(source, map, field ?? key, "is required") : [];
        }

        if (node is not YamlSequenceNode seq)
        {
            throw Fail(source, node, field ?? key, "must be a list");
        }

        if (required && seq.Children.Count == 0)
        {
            throw Fail(source, node, field ?? key, "must not be empty");
        }

        var result = new List<string>(seq.Children.Count);
        foreach (var item in seq.Children)
        {
            if (item is not YamlScalarNode { Value: { Length: > 0 } text } || string.IsNullOrWhiteSpace(text))
            {
                throw Fail(source, item, field ?? key, "items must be non-empty text");
            }

            result.Add(text.Trim());
        }

        return result;
    }

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;

    private static SigmaException Fail(string source, YamlNode at, string field, string problem) =>
        SigmaException.Input($"{source} line {at.Start.Line}: field '{field}' {problem}");

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();
}
