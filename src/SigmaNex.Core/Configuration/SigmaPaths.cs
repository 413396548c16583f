namespace SigmaNex.Core.Configuration;

/// <summary>Where things live. Data is always outside the install.</summary>
public sealed record SigmaPaths
{
    public const string HomeVariable = "SIGMA_NEX_HOME";
    public const string RootVariable = "SIGMA_NEX_ROOT";

    public required string DataDirectory { get; init; }

    public required string KnowledgeDirectory { get; init; }

    public string DatabasePath => Path.Combine(DataDirectory, "sigma.db");

    public string ModelsDirectory => Path.Combine(DataDirectory, "models");

    public string IndexDirectory => Path.Combine(DataDirectory, "index");

    /// <summary>The per-user configuration file <c>sigma config init</c> writes.</summary>
    public static string UserConfigFile(SigmaEnvironment env)
    {
        var xdg = env.Get("XDG_CONFIG_HOME");
        var root = xdg ?? Path.Combine(env.HomeDirectory, ".config");
        return Path.Combine(root, "sigma-nex", "config.yaml");
    }

    public static SigmaPaths Resolve(SigmaOptions options, SigmaEnvironment env, string? configFile)
    {
        var data = env.Get(HomeVariable)
            ?? ResolveRelative(options.DataDir, configFile, env)
            ?? Path.Combine(env.Get("XDG_DATA_HOME") ?? Path.Combine(env.HomeDirectory, ".local", "share"), "sigma-nex");

        var knowledge = ResolveRelative(options.KnowledgeDir, configFile, env)
            ?? FirstExisting(
                env.Get(RootVariable) is { } root ? Path.Combine(root, "knowledge") : null,
                Path.Combine(env.BaseDirectory, "knowledge"))
            ?? Path.Combine(env.BaseDirectory, "knowledge");

        return new SigmaPaths { DataDirectory = Path.GetFullPath(data), KnowledgeDirectory = Path.GetFullPath(knowledge) };
    }

    private static string? ResolveRelative(string? value, string? configFile, SigmaEnvironment env)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (value.StartsWith('~'))
        {
            value = env.HomeDirectory + value[1..];
        }

        // Relative paths in a config file are relative to that file, as people expect.
        var baseDir = configFile is null ? env.CurrentDirectory : Path.GetDirectoryName(configFile)!;
        return Path.GetFullPath(value, baseDir);
    }

    private static string? FirstExisting(params string?[] dirs) =>
        dirs.FirstOrDefault(d => d is not null && Directory.Exists(d));
}
