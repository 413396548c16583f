using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace SigmaNex.Core.Configuration;

/// <summary>
/// Builds the effective configuration: defaults, then the first config file found
/// (<c>--config</c>, <c>$SIGMA_NEX_ROOT/config.yaml</c>, <c>./config.yaml</c>, the user config folder),
/// then <c>SIGMA_*</c> environment variables, then command-line overrides.
/// </summary>
public static partial class ConfigLoader
{
    public const string EnvironmentPrefix = "SIGMA_";

    // Variables with the prefix that name paths, not configuration keys.
    private static readonly HashSet<string> s_reservedVariables = new(StringComparer.OrdinalIgnoreCase)
    {
        SigmaPaths.HomeVariable, SigmaPaths.RootVariable,
    };

    public static LoadedConfig Load(
        SigmaEnvironment env,
        string? explicitFile = null,
        IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var searched = new List<string>();
        string? file = null;
        if (explicitFile is not null)
        {
            var full = Path.GetFullPath(explicitFile, env.CurrentDirectory);
            searched.Add(full);
            if (Directory.Exists(full))
            {
                throw SigmaException.Config($"config path is a folder, not a file: {full}");
            }

            if (!File.Exists(full))
            {
                throw SigmaException.Config($"config file not found: {full}");
            }

            file = full;
        }
        else
        {
            foreach (var candidate in Candidates(env))
            {
                searched.Add(candidate);
                if (File.Exists(candidate))
                {
                    file = candidate;
                    break;
                }
            }
        }

        var fromFile = file is null ? new Dictionary<string, string?>() : YamlConfigReader.ReadFile(file);
        var fromEnv = FromEnvironment(env);
        var fromFlags = overrides ?? new Dictionary<string, string?>();

        var merged = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var layer in new IReadOnlyDictionary<string, string?>[] { fromFile, fromEnv, fromFlags })
        {
            foreach (var (k, v) in layer)
            {
                merged[k] = v;
            }
        }

        string SourceOf(string key) =>
            fromFlags.ContainsKey(key) ? "command line"
            : fromEnv.ContainsKey(key) ? "environment"
            : file ?? "configuration";

        CheckShape(merged, SourceOf);
        var options = Bind(merged, SourceOf);
        var errors = ConfigValidator.Validate(options);
        if (errors.Count > 0)
        {
            var first = errors[0];
            var more = errors.Count > 1 ? $" (and {errors.Count - 1} more)" : string.Empty;
            throw SigmaException.Config($"{SourceOf(first.Key)}: {first.Message}{more}");
        }

        return new LoadedConfig
        {
            Options = options,
            Paths = SigmaPaths.Resolve(options, env, file),
            SourceFile = file,
            SearchedFiles = searched,
            UnknownKeys = UnknownKeys(fromFile.Keys),
            Values = merged,
            Environment = env,
        };
    }

    public static IEnumerable<string> Candidates(SigmaEnvironment env)
    {
        if (env.Get(SigmaPaths.RootVariable) is { } root)
        {
            yield return Path.GetFullPath(Path.Combine(root, "config.yaml"), env.CurrentDirectory);
        }

        yield return Path.Combine(env.CurrentDirectory, "config.yaml");
        yield return SigmaPaths.UserConfigFile(env);
    }

    private static Dictionary<string, string?> FromEnvironment(SigmaEnvironment env)
    {
        // SIGMA_MODEL_NAME -> model_name, SIGMA_RETRIEVAL__TOP_K -> retrieval:top_k
        var result = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in env.Variables)
        {
            if (!name.StartsWith(EnvironmentPrefix, StringComparison.OrdinalIgnoreCase) || s_reservedVariables.Contains(name))
            {
                continue;
            }

            var key = name[EnvironmentPrefix.Length..].Replace("__", ":", StringComparison.Ordinal).ToLowerInvariant();
            if (IsKnown(key))
            {
                result[key] = value;
            }
        }

        return result;
    }

    private static SigmaOptions Bind(Dictionary<string, string?> values, Func<string, string> sourceOf)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        try
        {
            return config.Get<SigmaOptions>() ?? new SigmaOptions();
        }
        catch (InvalidOperationException ex)
        {
            // "Failed to convert configuration value 'hot' at 'temperature' to type 'System.Double'."
            var m = ConversionError().Match(ex.Message);
            if (!m.Success)
            {
                throw SigmaException.Config($"configuration: {ex.Message}", ex);
            }

            var key = m.Groups["key"].Value;
            values.TryGetValue(key, out var raw);
            var expected = m.Groups["type"].Value switch
            {
                "System.Double" => "a number",
                "System.Int32" => "a whole number",
                "System.Boolean" => "true or false",
                var t => t,
            };
            throw SigmaException.Config($"{sourceOf(key)}: {Dotted(key)} must be {expected} (got '{raw}')", ex);
        }
    }

    private static void CheckShape(Dictionary<string, string?> values, Func<string, string> sourceOf)
    {
        foreach (var section in Sections())
        {
            if (values.TryGetValue(section, out var v) && v is not null)
            {
                throw SigmaException.Config($"{sourceOf(section)}: {section} must be a mapping of keys to values (got '{v}')");
            }
        }
    }

    internal static string Dotted(string key) => key.Replace(':', '.');

    private static List<string> UnknownKeys(IEnumerable<string> keys) =>
        keys.Where(k => !IsKnown(k))
            .Select(k => Dotted(KnownPrefixPlusOne(k)))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal)
            .ToList();

    // For "logging:handlers:file" report "logging"; for "retrieval:engine" report "retrieval.engine".
    private static string KnownPrefixPlusOne(string key)
    {
        var parts = key.Split(':');
        for (var i = 1; i <= parts.Length; i++)
        {
            var prefix = string.Join(':', parts.Take(i));
            if (!IsKnown(prefix) && !Sections().Contains(prefix, StringComparer.OrdinalIgnoreCase))
            {
                return prefix;
            }
        }

        return key;
    }

    private static readonly Lazy<(HashSet<string> Leaves, HashSet<string> Sections)> s_schema = new(() =>
    {
        var leaves = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var sections = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        Walk(typeof(SigmaOptions), null, leaves, sections);
        return (leaves, sections);
    });

    private static bool IsKnown(string key)
    {
        var (leaves, _) = s_schema.Value;
        if (leaves.Contains(key))
        {
            return true;
        }

        // Entries of a list-valued key ("security:allowed_ips:0").
        var colon = key.LastIndexOf(':');
        return colon > 0 && int.TryParse(key[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out _) && leaves.Contains(key[..colon]);
    }

    private static IReadOnlySet<string> Sections() => s_schema.Value.Sections;

    private static void Walk(Type type, string? prefix, HashSet<string> leaves, HashSet<string> sections)
    {
        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = p.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name ?? p.Name;
            var key = prefix is null ? name : $"{prefix}:{name}";
            var t = p.PropertyType;
            if (t.IsClass && t != typeof(string) && !typeof(System.Collections.IEnumerable).IsAssignableFrom(t))
            {
                sections.Add(key);
                Walk(t, key, leaves, sections);
            }
            else
            {
                leaves.Add(key);
            }
        }
    }

    [GeneratedRegex("at '(?<key>[^']+)' to type '(?<type>[^']+)'")]
    private static partial Regex ConversionError();
}
