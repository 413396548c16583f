using System.CommandLine;
using System.Text.Json.Nodes;
using SigmaNex.Cli.Output;
using SigmaNex.Core;
using SigmaNex.Core.Knowledge;
using SigmaNex.Core.Language;
using SigmaNex.Core.Llm;
using SigmaNex.Core.Storage;
using Spectre.Console;

namespace SigmaNex.Cli.Commands;

internal static class KbCommand
{
    public static Command Create(Func<CliContext> context)
    {
        var command = new Command("kb", "Browse and maintain the knowledge base");
        command.Subcommands.Add(List(context));
        command.Subcommands.Add(Show(context));
        command.Subcommands.Add(Stats(context));
        command.Subcommands.Add(Rebuild(context));
        return command;
    }

    private static Command List(Func<CliContext> context)
    {
        var json = CommonOptions.Json();
        var lang = new Option<string?>("--lang", "-l") { Description = "Only this language" };
        var category = new Option<string?>("--category") { Description = "Only this category" };
        var all = new Option<bool>("--all") { Description = "Include ingested documents, not only protocols" };
        var command = new Command("list", "List the protocols (and, with --all, every document)") { json, lang, category, all };
        command.SetAction(async (parse, ct) =>
        {
            var ctx = context();
            await ctx.ReadyAsync(ct).ConfigureAwait(false);
            var store = ctx.Get<KnowledgeStore>();
            var docs = store.ListDocuments(parse.GetValue(all) ? null : DocumentKind.Protocol, parse.GetValue(lang), parse.GetValue(category));
            var groups = docs.Where(d => d.GroupId is not null).GroupBy(d => d.GroupId!).ToDictionary(g => g.Key, g => g.Select(d => d.Id).ToList());
            if (parse.GetValue(json))
            {
                // Translations come from the whole store, not only the filtered list.
                var array = new JsonArray();
                foreach (var d in docs)
                {
                    var translations = d.GroupId is null ? [] : store.GetGroup(d.GroupId).Select(g => g.Id).Where(id => id != d.Id).ToList();
                    array.Add(new JsonObject
                    {
                        ["id"] = d.Id,
                        ["title"] = d.Title,
                        ["category"] = d.Category,
                        ["priority"] = d.Priority.ToString().ToLowerInvariant(),
                        ["language"] = d.Language,
                        ["kind"] = d.Kind.ToString(),
                        ["translations"] = new JsonArray(translations.Select(t => (JsonNode?)t).ToArray()),
                    });
                }

                ctx.Output.Json(array);
                return ExitCodes.Ok;
            }

            var table = new Table().Border(TableBorder.Rounded).AddColumns("Id", "Title", "Category", "Priority", "Lang");
            foreach (var d in docs)
            {
                var prio = d.Priority switch { Priority.Critical => "[red]critical[/]", Priority.High => "[yellow]high[/]", _ => "normal" };
                table.AddRow(Markup.Escape(d.Id), Markup.Escape(d.Title), Markup.Escape(d.Category ?? "-"), prio, d.Language);
            }

            ctx.Output.Console.Write(table);
            ctx.Output.Line($"{docs.Count} item(s).");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Show(Func<CliContext> context)
    {
        var id = new Argument<string>("id") { Description = "A protocol id (severe-bleeding, or severe-bleeding.it for one language) or document id" };
        var lang = CommonOptions.Lang();
        var json = CommonOptions.Json();
        var command = new Command("show", "Show one protocol or document in full") { id, lang, json };
        command.SetAction(async (parse, ct) =>
        {
            var ctx = context();
            await ctx.ReadyAsync(ct).ConfigureAwait(false);
            var store = ctx.Get<KnowledgeStore>();
            var wanted = parse.GetValue(id)!.Trim();
            var language = CommonOptions.ValidLang(parse.GetValue(lang)) ?? ctx.Config.Options.DefaultLanguage;
            var doc = store.GetDocument(wanted)
                ?? store.GetDocument(Protocol.DocumentIdFor(wanted, language))
                ?? store.GetGroup(wanted).Select(d => store.GetDocument(d.Id)).FirstOrDefault(d => d is not null)
                ?? throw SigmaException.NotFound($"no protocol or document '{wanted}' (see 'sigma kb list')");
            if (parse.GetValue(json))
            {
                var node = new JsonObject
                {
                    ["id"] = doc.Id, ["title"] = doc.Title, ["kind"] = doc.Kind.ToString(), ["language"] = doc.Language,
                    ["category"] = doc.Category, ["priority"] = doc.Priority.ToString().ToLowerInvariant(),
                    ["attribution"] = doc.Attribution, ["url"] = doc.Url,
                };
                if (doc.Protocol is { } p)
                {
                    node["protocol"] = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(p, Core.Knowledge.KnowledgeJsonPublic.Protocol));
                }

                ctx.Output.Json(node);
                return ExitCodes.Ok;
            }

            if (doc.Protocol is { } protocol)
            {
                foreach (var line in KnowledgeComposer.Render(protocol, Phrases.For(protocol.Language)).Split('\n'))
                {
                    ctx.Output.Markup(AnswerRenderer.ToMarkup(line));
                }

                ctx.Output.Markup($"\n[grey]{Markup.Escape(protocol.Source)}[/]");
            }
            else
            {
                ctx.Output.Markup($"[bold]{Markup.Escape(doc.Title)}[/] [grey]({Markup.Escape(doc.Id)})[/]");
                foreach (var (k, v) in doc.Metadata)
                {
                    ctx.Output.Markup($"[grey]{Markup.Escape(k)}:[/] {Markup.Escape(v)}");
                }

                if (doc.Attribution is { } credit)
                {
                    ctx.Output.Markup($"[grey]{Markup.Escape(credit)}[/]");
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Stats(Func<CliContext> context)
    {
        var json = CommonOptions.Json();
        var command = new Command("stats", "Counts of protocols, documents, chunks and vectors") { json };
        command.SetAction(async (parse, ct) =>
        {
            var ctx = context();
            await ctx.ReadyAsync(ct).ConfigureAwait(false);
            var s = ctx.Get<KnowledgeStore>().GetStats();
            if (parse.GetValue(json))
            {
                static JsonObject Counts(IReadOnlyDictionary<string, int> d) =>
                    new(d.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value)));
                ctx.Output.Json(new JsonObject
                {
                    ["schema_version"] = s.SchemaVersion,
                    ["documents"] = s.Documents,
                    ["chunks"] = s.Chunks,
                    ["vectors"] = s.Vectors,
                    ["vector_space"] = s.VectorSpace?.ToString(),
                    ["by_kind"] = Counts(s.ByKind),
                    ["protocols"] = Counts(s.ProtocolsByLanguage),
                    ["categories"] = Counts(s.ProtocolsByCategory),
                    ["sources"] = new JsonArray(s.Sources.Select(src => (JsonNode?)new JsonObject
                    {
                        ["uri"] = src.Uri, ["format"] = src.Format, ["status"] = src.Status, ["documents"] = src.Documents,
                        ["ingested_at"] = src.IngestedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                    }).ToArray()),
                    ["database_bytes"] = s.FileBytes,
                });
                return ExitCodes.Ok;
            }

            ctx.Output.Line($"Protocols: {string.Join(", ", s.ProtocolsByLanguage.Select(kv => $"{kv.Value} in {kv.Key}"))}");
            ctx.Output.Line($"Categories: {s.ProtocolsByCategory.Count} ({string.Join(", ", s.ProtocolsByCategory.Keys.Order(StringComparer.Ordinal))})");
            ctx.Output.Line($"Documents: {s.Documents:N0} ({string.Join(", ", s.ByKind.Select(kv => $"{kv.Value:N0} {kv.Key}"))}); chunks: {s.Chunks:N0}; vectors: {s.Vectors:N0} [{s.VectorSpace}]");
            ctx.Output.Line($"Sources: {s.Sources.Count}; database: {s.FileBytes / 1024.0 / 1024.0:0.0} MB, schema v{s.SchemaVersion}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Rebuild(Func<CliContext> context)
    {
        var command = new Command("rebuild", "Reload the protocol library and rebuild the vector index");
        command.SetAction(async (parse, ct) =>
        {
            var ctx = context();
            var kb = ctx.Get<KnowledgeBase>();
            var (loaded, _) = await ctx.Output.WithProgressAsync("Rebuilding", p => kb.LoadLibraryAsync(strict: true, p, ct)).ConfigureAwait(false);
            var vectors = await ctx.Output.WithProgressAsync("Rebuilding", p => kb.RebuildVectorsAsync(p, ct)).ConfigureAwait(false);
            ctx.Output.Line($"Loaded {loaded} protocol file(s); embedded {vectors:N0} chunk(s).");
            return ExitCodes.Ok;
        });
        return command;
    }
}
