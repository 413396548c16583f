using System.CommandLine;
using System.Text.Json.Nodes;
using SigmaNex.Core;
using SigmaNex.Core.Configuration;

namespace SigmaNex.Cli.Commands;

internal static class ConfigCommand
{
    public static Command Create(Func<CliContext> context)
    {
        var command = new Command("config", "Show where configuration comes from, show it, or write a commented default");
        command.Subcommands.Add(Show(context));
        command.Subcommands.Add(PathCommand(context));
        command.Subcommands.Add(Init(context));
        return command;
    }

    private static Command Show(Func<CliContext> context)
    {
        var json = CommonOptions.Json();
        var command = new Command("show", "Print the effective configuration (file, environment and defaults merged)") { json };
        command.SetAction(parse =>
        {
            var ctx = context();
            var config = ctx.Config;
            var values = EffectiveValues(config);
            if (parse.GetValue(json))
            {
                ctx.Output.Json(new JsonObject
                {
                    ["file"] = config.SourceFile,
                    ["data_dir"] = config.Paths.DataDirectory,
                    ["knowledge_dir"] = config.Paths.KnowledgeDirectory,
                    ["values"] = new JsonObject(values.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))),
                    ["unknown_keys"] = new JsonArray(config.UnknownKeys.Select(k => (JsonNode?)k).ToArray()),
                });
                return ExitCodes.Ok;
            }

            ctx.Output.Line($"# file: {config.SourceFile ?? "(none: defaults, environment and flags)"}");
            ctx.Output.Line($"# data folder: {config.Paths.DataDirectory}");
            ctx.Output.Line($"# knowledge: {config.Paths.KnowledgeDirectory}");
            foreach (var (k, v) in values)
            {
                ctx.Output.Line($"{k}: {v}");
            }

            if (config.UnknownKeys.Count > 0)
            {
                ctx.Output.Notice($"ignored keys (not used by this version): {string.Join(", ", config.UnknownKeys)}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command PathCommand(Func<CliContext> context)
    {
        var command = new Command("path", "Print the configuration file in use and the places searched");
        command.SetAction(_ =>
        {
            var ctx = context();
            var config = ctx.Config;
            ctx.Output.Line(config.SourceFile ?? "(no config file: using defaults)");
            foreach (var f in config.SearchedFiles)
            {
                ctx.Output.Markup($"[grey]  searched: {Spectre.Console.Markup.Escape(f)}{(File.Exists(f) ? string.Empty : " (not found)")}[/]");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Init(Func<CliContext> context)
    {
        var force = new Option<bool>("--force") { Description = "Overwrite an existing file" };
        var path = new Option<string?>("--path") { Description = "Write here instead of the user config folder" };
        var command = new Command("init", "Write a commented default config.yaml to ~/.config/sigma-nex/") { force, path };
        command.SetAction(parse =>
        {
            var ctx = context();
            var target = parse.GetValue(path) is { } p
                ? Path.GetFullPath(p, ctx.Environment.CurrentDirectory)
                : SigmaPaths.UserConfigFile(ctx.Environment);
            if (File.Exists(target) && !parse.GetValue(force))
            {
                throw SigmaException.Input($"{target} already exists; use --force to overwrite it");
            }

            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                var temp = target + ".tmp";
                File.WriteAllText(temp, DefaultConfig.Text);
                File.Move(temp, target, overwrite: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw SigmaException.Input($"cannot write {target}: {ex.Message}");
            }

            ctx.Output.Line($"Wrote {target}");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Every setting with its effective value, secrets masked.</summary>
    private static SortedDictionary<string, string> EffectiveValues(LoadedConfig config)
    {
        var o = config.Options;
        var values = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["model_name"] = o.ModelName,
            ["temperature"] = o.Temperature.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["max_tokens"] = o.MaxTokens.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["context_window"] = o.ContextWindow.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["request_timeout"] = o.RequestTimeout.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["max_history"] = o.MaxHistory.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["retrieval_enabled"] = o.RetrievalEnabled ? "true" : "false",
            ["translation_enabled"] = o.TranslationEnabled ? "true" : "false",
            ["debug"] = o.Debug ? "true" : "false",
            ["language"] = o.Language,
            ["default_language"] = o.DefaultLanguage,
            ["region"] = o.Region,
            ["backend"] = o.Backend,
            ["retrieval.top_k"] = o.Retrieval.TopK.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["retrieval.embedder"] = o.Retrieval.Embedder,
            ["retrieval.hybrid"] = o.Retrieval.Hybrid ? "true" : "false",
            ["security.max_query_length"] = o.Security.MaxQueryLength.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["security.max_file_size_mb"] = o.Security.MaxFileSizeMb.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["system_prompt"] = o.SystemPrompt is null ? "(built-in)" : $"({o.SystemPrompt.Length} characters from config)",
        };
        return values;
    }
}
