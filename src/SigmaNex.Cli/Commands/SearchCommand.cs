using System.CommandLine;
using SigmaNex.Core.Contracts;
using SigmaNex.Core.Knowledge;
using SigmaNex.Core.Pipeline;
using SigmaNex.Core.Retrieval;
using SigmaNex.Core.Security;
using SigmaNex.Core.Triage;
using Spectre.Console;

namespace SigmaNex.Cli.Commands;

internal static class SearchCommand
{
    public static Command Create(Func<CliContext> context)
    {
        var query = QuestionInput.Argument("query", "What to look for (or '-' to read it from standard input)");
        var json = CommonOptions.Json();
        var top = CommonOptions.Top();
        var lang = CommonOptions.Lang();
        var keywordOnly = new Option<bool>("--keyword-only") { Description = "Use only the keyword (BM25) index, not vectors" };
        var command = new Command("search", "Search the knowledge base and list the best matches with scores")
        {
            query, json, top, lang, keywordOnly,
        };
        command.SetAction(async (parse, ct) =>
        {
            var ctx = context();
            var max = ctx.Config.Options.Security.MaxQueryLength;
            var text = QueryValidator.Validate(QuestionInput.Read(ctx, parse, parse.GetValue(query) ?? [], "query", max), max, "query");
            await ctx.ReadyAsync(ct).ConfigureAwait(false);
            var language = ctx.Get<Runner>().ResolveLanguage(CommonOptions.ValidLang(parse.GetValue(lang)), text);
            var request = new SearchRequest
            {
                Query = text,
                TopK = CommonOptions.ValidTop(parse.GetValue(top)) ?? ctx.Config.Options.Retrieval.TopK,
                Languages = new[] { language }.Concat(ProtocolLibrary.Languages).Distinct(StringComparer.Ordinal).ToList(),
                Hybrid = ctx.Config.Options.Retrieval.Hybrid && !parse.GetValue(keywordOnly),
            };
            var triage = ctx.Get<TriageClassifier>().Classify(text, language);
            request = request with { Medical = triage.Detected, Hints = triage.ProtocolId is { } hint ? [hint] : [] };
            var result = await ctx.Get<Retriever>().SearchAsync(request, ct).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                ctx.Output.Json(ContractMapper.ToResponse(result), ContractsJson.Default.SearchResponse);
                return ExitCodes.Ok;
            }

            if (result.Hits.Count == 0)
            {
                ctx.Output.Line("No matches.");
                return ExitCodes.Ok;
            }

            var table = new Table().Border(TableBorder.Rounded).AddColumns("#", "Score", "Id", "Title", "Snippet");
            var i = 0;
            foreach (var h in result.Hits)
            {
                table.AddRow(
                    (++i).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    h.Score.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
                    Markup.Escape(h.DocumentId),
                    Markup.Escape(h.Title),
                    h.Attribution is { } credit
                        ? $"[grey]{Markup.Escape(h.Snippet)}[/]\n[italic grey]{Markup.Escape(credit)}[/]"
                        : $"[grey]{Markup.Escape(h.Snippet)}[/]");
            }

            ctx.Output.Console.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }
}
