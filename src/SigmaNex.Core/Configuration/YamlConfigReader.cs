using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SigmaNex.Core.Configuration;

/// <summary>Reads a YAML configuration file into flat <c>section:key</c> pairs, with precise errors.</summary>
internal static class YamlConfigReader
{
    public static Dictionary<string, string?> ReadFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw SigmaException.Config($"cannot read config file {path}: {ex.Message}", ex);
        }

        return Read(text, path);
    }

    public static Dictionary<string, string?> Read(string text, string sourceName)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw SigmaException.Config(
                $"{sourceName} line {ex.Start.Line}, column {ex.Start.Column}: {Describe(ex)}", ex);
        }

        var result = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return result;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            var start = stream.Documents[0].RootNode.Start;
            throw SigmaException.Config($"{sourceName} line {start.Line}: the top level must be a mapping of keys to values");
        }

        Flatten(root, prefix: null, result);
        return result;
    }

    private static void Flatten(YamlNode node, string? prefix, Dictionary<string, string?> into)
    {
        switch (node)
        {
            case YamlMappingNode map:
                foreach (var (k, v) in map.Children)
                {
                    var key = (k as YamlScalarNode)?.Value ?? k.ToString();
                    Flatten(v, prefix is null ? key : $"{prefix}:{key}", into);
                }

                break;
            case YamlSequenceNode seq:
                for (var i = 0; i < seq.Children.Count; i++)
                {
                    Flatten(seq.Children[i], $"{prefix}:{i.ToString(CultureInfo.InvariantCulture)}", into);
                }

                break;
            case YamlScalarNode scalar:
                // "~" and an empty value both mean "not set": the default applies.
                var isNull = scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && (scalar.Value is null or "" or "~" or "null" or "Null" or "NULL");
                into[prefix!] = isNull ? null : scalar.Value;
                break;
        }
    }

    private static string Describe(YamlException ex)
    {
        var inner = ex.InnerException?.Message ?? ex.Message;
        // YamlDotNet prefixes messages with the position in parentheses; we already give it.
        var close = inner.IndexOf("): ", StringComparison.Ordinal);
        return close >= 0 && inner.StartsWith('(') ? inner[(close + 3)..] : inner;
    }
}
