using System.CommandLine;

namespace SigmaNex.Cli.Commands;

/// <summary>Options several commands share, so they read the same everywhere.</summary>
internal static class CommonOptions
{
    public static Option<bool> Json() => new("--json") { Description = "Print the result as JSON" };

    public static Option<int?> Top() => new("--top", "-k") { Description = "How many results (1-50)" };

    public static Option<string?> Lang() => new("--lang", "-l") { Description = "Answer in this language (two-letter code), instead of detecting it" };

    public static Option<string?> Backend() => new("--backend", "-b")
    {
        Description = "Answer with this backend: auto, knowledge, ollama, openai or llama (falls back to the knowledge base)",
    };

    public static Option<string?> Model() => new("--model", "-m")
    {
        Description = "The model: a name for ollama/openai, or a path to a .gguf file for llama",
    };

    /// <summary>Turns --backend/--model into configuration overrides ("--model x.gguf" means the llama backend's file).</summary>
    public static void ApplyModel(CliContext ctx, string? backend, string? model)
    {
        if (backend is not null && !Core.Configuration.ConfigValidator.Backends.Contains(backend.ToLowerInvariant()))
        {
            throw Core.SigmaException.Input($"--backend must be one of {string.Join(", ", Core.Configuration.ConfigValidator.Backends)} (got '{backend}')");
        }

        if (model is null)
        {
            return;
        }

        var isFile = model.EndsWith(".gguf", StringComparison.OrdinalIgnoreCase) || File.Exists(Path.GetFullPath(model, ctx.Environment.CurrentDirectory));
        if (isFile)
        {
            var path = Path.GetFullPath(model, ctx.Environment.CurrentDirectory);
            if (!File.Exists(path))
            {
                throw Core.SigmaException.Input($"--model: no such file {path}");
            }

            ctx.Overrides["llama:model_path"] = path;
        }
        else
        {
            ctx.Overrides["model_name"] = model;
        }
    }

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
