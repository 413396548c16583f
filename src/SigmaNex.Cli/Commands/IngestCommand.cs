using System.CommandLine;
using System.Text.Json.Nodes;
using SigmaNex.Core;
using SigmaNex.Core.Ingestion;

namespace SigmaNex.Cli.Commands;

internal static class IngestCommand
{
    public static Command Create(Func<CliContext> context)
    {
        var path = new Argument<string>("path") { Description = "A file or folder to add to the knowledge base" };
        var format = new Option<string?>("--format", "-f") { Description = "Force the format instead of detecting it" };
        var json = CommonOptions.Json();
        var command = new Command("ingest", "Add documents (protocol files, framework files, and more) to the knowledge base") { path, format, json };
        command.SetAction((parse, ct) => RunAsync(context(), parse.GetValue(path)!, parse.GetValue(format), parse.GetValue(json), ct));
        return command;
    }

    public static Command CreateLoadFramework(Func<CliContext> context)
    {
        var file = new Argument<string>("file") { Description = "A Framework_SIGMA.json file of the Python SIGMA-NEX" };
        var json = CommonOptions.Json();
        var command = new Command("load-framework", "Import a Framework_SIGMA.json (the original's module format)") { file, json };
        command.SetAction((parse, ct) => RunAsync(context(), parse.GetValue(file)!, "framework", parse.GetValue(json), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliContext ctx, string path, string? format, bool json, CancellationToken ct)
    {
        var full = Path.GetFullPath(path, ctx.Environment.CurrentDirectory);
        if (!File.Exists(full) && !Directory.Exists(full))
        {
            throw SigmaException.Input($"no such file or folder: {full}");
        }

        await ctx.ReadyAsync(ct).ConfigureAwait(false);
        var options = new IngestOptions
        {
            Format = format,
            MaxFileBytes = ctx.Config.Options.Security.MaxFileSizeMb * 1024L * 1024L,
        };
        var ingestor = ctx.Get<Ingestor>();
        var report = await ctx.Output.WithProgressAsync("Ingesting", p => ingestor.IngestAsync(full, options, p, ct)).ConfigureAwait(false);
        if (json)
        {
            ctx.Output.Json(new JsonObject
            {
                ["path"] = full,
                ["files"] = report.Files,
                ["files_unchanged"] = report.FilesUnchanged,
                ["files_skipped"] = report.FilesSkipped,
                ["documents"] = report.Documents,
                ["documents_written"] = report.DocumentsWritten,
                ["documents_removed"] = report.DocumentsRemoved,
                ["chunks"] = report.Chunks,
                ["formats"] = new JsonObject(report.Formats.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))),
                ["cancelled"] = report.Cancelled,
                ["elapsed_ms"] = report.ElapsedMs,
                ["warnings"] = new JsonArray(report.Warnings.Select(w => (JsonNode?)w).ToArray()),
            });
        }
        else
        {
            foreach (var w in report.Warnings)
            {
                ctx.Output.Notice(w);
            }

            var rate = report.ElapsedMs > 0 ? report.Documents / (report.ElapsedMs / 1000) : 0;
            ctx.Output.Line(
                $"{(report.Cancelled ? "Stopped" : "Done")}: {report.Files} file(s), {report.Documents:N0} document(s) " +
                $"({report.DocumentsWritten:N0} new or changed, {report.DocumentsRemoved:N0} removed, {report.FilesUnchanged} file(s) unchanged, " +
                $"{report.FilesSkipped} skipped), {report.Chunks:N0} chunk(s) in {report.ElapsedMs / 1000:0.0} s ({rate:N0} docs/s).");
        }

        if (report.Cancelled)
        {
            return ExitCodes.Interrupted;
        }

        return report.FilesSkipped > 0 && report.Documents == 0 ? ExitCodes.Usage : ExitCodes.Ok;
    }
}
