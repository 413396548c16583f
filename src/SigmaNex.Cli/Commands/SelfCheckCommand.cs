using System.CommandLine;
using System.Text.Json.Nodes;
using SigmaNex.Core.Diagnostics;
using SigmaNex.Core.Llm;
using SigmaNex.Core.Storage;
using SigmaNex.Core.Translation;
using Spectre.Console;

namespace SigmaNex.Cli.Commands;

internal static class SelfCheckCommand
{
    public static Command Create(Func<CliContext> context)
    {
        var json = CommonOptions.Json();
        var command = new Command("self-check", "Check configuration, data folder, store, knowledge and backends; exit 1 if something is broken") { json };
        command.SetAction(async (parse, ct) =>
        {
            var ctx = context();
            var results = await new SelfCheck(ctx.Config, ctx.Get<KnowledgeStore>, ctx.Get<SigmaNex.Core.Retrieval.Embeddings.EmbeddingSetup>, ctx.Get<BackendCatalog>, ctx.Get<MarianModelCatalog>).RunAsync(ct).ConfigureAwait(false);
            var failed = results.Any(r => r.Status == CheckStatus.Failed);
            if (parse.GetValue(json))
            {
                ctx.Output.Json(new JsonObject
                {
                    ["ok"] = !failed,
                    ["checks"] = new JsonArray(results.Select(r => (JsonNode?)new JsonObject
                    {
                        ["name"] = r.Name,
                        ["status"] = r.Status.ToString().ToLowerInvariant(),
                        ["detail"] = r.Detail,
                        ["fix"] = r.Fix,
                    }).ToArray()),
                });
            }
            else
            {
                foreach (var r in results)
                {
                    var mark = r.Status switch
                    {
                        CheckStatus.Ok => "[green]ok  [/]",
                        CheckStatus.Warning => "[yellow]warn[/]",
                        _ => "[red]FAIL[/]",
                    };
                    var fix = r.Fix is null ? string.Empty : $" [grey]→ {Markup.Escape(r.Fix)}[/]";
                    ctx.Output.Markup($"{mark} {Markup.Escape(r.Name),-18} {Markup.Escape(r.Detail)}{fix}");
                }
            }

            return failed ? ExitCodes.Failed : ExitCodes.Ok;
        });
        return command;
    }
}
