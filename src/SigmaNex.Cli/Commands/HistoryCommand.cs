using System.CommandLine;
using System.Text;
using System.Text.Json.Nodes;
using SigmaNex.Core;
using SigmaNex.Core.Storage;
using Spectre.Console;

namespace SigmaNex.Cli.Commands;

internal static class HistoryCommand
{
    public static Command Create(Func<CliContext> context)
    {
        var command = new Command("history", "List, show, export or delete saved conversations");
        command.Subcommands.Add(List(context));
        command.Subcommands.Add(Show(context));
        command.Subcommands.Add(Export(context));
        command.Subcommands.Add(Delete(context));
        return command;
    }

    private static Command List(Func<CliContext> context)
    {
        var json = CommonOptions.Json();
        var limit = new Option<int>("--limit", "-n") { Description = "How many (most recent first)", DefaultValueFactory = _ => 20 };
        var command = new Command("list", "The most recent conversations") { json, limit };
        command.SetAction(parse =>
        {
            var ctx = context();
            var n = parse.GetValue(limit);
            if (n is < 1 or > 10_000)
            {
                throw SigmaException.Input($"--limit must be between 1 and 10000 (got {n})");
            }

            var items = ctx.Get<ConversationStore>().List(n);
            if (parse.GetValue(json))
            {
                ctx.Output.Json(new JsonArray(items.Select(c => (JsonNode?)new JsonObject
                {
                    ["id"] = c.Id, ["title"] = c.Title, ["language"] = c.Language, ["turns"] = c.Turns,
                    ["updated_at"] = c.UpdatedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                }).ToArray()));
                return ExitCodes.Ok;
            }

            if (items.Count == 0)
            {
                ctx.Output.Line("No saved conversations.");
                return ExitCodes.Ok;
            }

            var table = new Table().Border(TableBorder.Rounded).AddColumns("Id", "Updated", "Turns", "Title");
            foreach (var c in items)
            {
                table.AddRow(c.Id, c.UpdatedAt.ToLocalTime().ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), c.Turns.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(c.Title));
            }

            ctx.Output.Console.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Show(Func<CliContext> context)
    {
        var id = new Argument<string>("id") { Description = "Conversation id" };
        var json = CommonOptions.Json();
        var command = new Command("show", "Print a conversation") { id, json };
        command.SetAction(parse =>
        {
            var ctx = context();
            var conversation = Load(ctx, parse.GetValue(id)!);
            if (parse.GetValue(json))
            {
                ctx.Output.Json(ToJson(conversation));
            }
            else
            {
                ctx.Output.Raw(ToMarkdown(conversation));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Export(Func<CliContext> context)
    {
        var id = new Argument<string>("id") { Description = "Conversation id" };
        var format = new Option<string>("--format", "-f") { Description = "md or json", DefaultValueFactory = _ => "md" };
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output" };
        var command = new Command("export", "Export a conversation as Markdown or JSON") { id, format, output };
        command.SetAction(parse =>
        {
            var ctx = context();
            var conversation = Load(ctx, parse.GetValue(id)!);
            var text = parse.GetValue(format)?.ToLowerInvariant() switch
            {
                "md" or "markdown" => ToMarkdown(conversation),
                "json" => ToJson(conversation).ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n",
                var other => throw SigmaException.Input($"--format must be md or json (got '{other}')"),
            };
            if (parse.GetValue(output) is { } file)
            {
                var path = Path.GetFullPath(file, ctx.Environment.CurrentDirectory);
                try
                {
                    File.WriteAllText(path, text);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    throw SigmaException.Input($"cannot write {path}: {ex.Message}");
                }

                ctx.Output.Line($"Wrote {path}");
            }
            else
            {
                ctx.Output.Raw(text);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Delete(Func<CliContext> context)
    {
        var id = new Argument<string?>("id") { Description = "Conversation id", Arity = ArgumentArity.ZeroOrOne };
        var all = new Option<bool>("--all") { Description = "Delete every saved conversation" };
        var command = new Command("delete", "Delete one conversation, or all of them with --all") { id, all };
        command.SetAction(parse =>
        {
            var ctx = context();
            var which = parse.GetValue(id);
            if (which is null && !parse.GetValue(all))
            {
                throw SigmaException.Input("give a conversation id, or --all to delete every conversation");
            }

            var removed = ctx.Get<ConversationStore>().Delete(parse.GetValue(all) ? null : which);
            if (removed == 0 && which is not null)
            {
                throw SigmaException.NotFound($"no conversation '{which}'");
            }

            ctx.Output.Line($"Deleted {removed} conversation(s).");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Conversation Load(CliContext ctx, string id) =>
        ctx.Get<ConversationStore>().Get(id) ?? throw SigmaException.NotFound($"no conversation '{id}' (see 'sigma history list')");

    private static JsonObject ToJson(Conversation c) => new()
    {
        ["id"] = c.Id,
        ["title"] = c.Title,
        ["language"] = c.Language,
        ["created_at"] = c.CreatedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        ["updated_at"] = c.UpdatedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        ["turns"] = new JsonArray(c.Turns.Select(t => (JsonNode?)new JsonObject
        {
            ["question"] = t.Question,
            ["answer"] = t.Answer,
            ["backend"] = t.Backend,
            ["language"] = t.Language,
            ["emergency"] = t.Emergency,
            ["sources"] = new JsonArray(t.Sources.Select(s => (JsonNode?)s).ToArray()),
            ["created_at"] = t.CreatedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        }).ToArray()),
    };

    private static string ToMarkdown(Conversation c)
    {
        var sb = new StringBuilder();
        sb.Append("# ").AppendLine(c.Title).AppendLine();
        sb.AppendLine($"Conversation {c.Id}, {c.CreatedAt:yyyy-MM-dd HH:mm} UTC").AppendLine();
        foreach (var t in c.Turns)
        {
            sb.Append("## ").AppendLine(t.Question).AppendLine();
            sb.AppendLine(t.Answer.Trim()).AppendLine();
            sb.AppendLine($"_Answered by {t.Backend}; sources: {(t.Sources.Count == 0 ? "none" : string.Join(", ", t.Sources))}_").AppendLine();
        }

        return sb.ToString();
    }
}
