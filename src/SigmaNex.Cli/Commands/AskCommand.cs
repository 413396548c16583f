using System.CommandLine;
using SigmaNex.Cli.Output;
using SigmaNex.Core.Contracts;
using SigmaNex.Core.Pipeline;
using SigmaNex.Core.Security;

namespace SigmaNex.Cli.Commands;

internal static class AskCommand
{
    public static Command Create(Func<CliContext> context)
    {
        var question = QuestionInput.Argument("question", "Your question (or '-' to read it from standard input)");
        var json = CommonOptions.Json();
        var top = CommonOptions.Top();
        var lang = CommonOptions.Lang();
        var noRetrieval = new Option<bool>("--no-retrieval") { Description = "Do not search the knowledge base" };
        var backend = CommonOptions.Backend();
        var model = CommonOptions.Model();
        var conversation = new Option<string?>("--conversation") { Description = "Continue this conversation (see 'sigma history list')" };
        var noSave = new Option<bool>("--no-save") { Description = "Do not keep this question in the history" };
        var command = new Command("ask", "Ask one question and print the answer with its sources")
        {
            question, json, top, lang, noRetrieval, backend, model, conversation, noSave,
        };
        command.SetAction(async (parse, ct) =>
        {
            var ctx = context();
            CommonOptions.ApplyModel(ctx, parse.GetValue(backend), parse.GetValue(model));
            var text = QuestionInput.Read(ctx, parse, parse.GetValue(question) ?? [], "question", ctx.Config.Options.Security.MaxQueryLength);
            var request = new AskRequest
            {
                Question = QueryValidator.Validate(text, ctx.Config.Options.Security.MaxQueryLength),
                Language = CommonOptions.ValidLang(parse.GetValue(lang)),
                TopK = CommonOptions.ValidTop(parse.GetValue(top)),
                RetrievalEnabled = !parse.GetValue(noRetrieval),
                Backend = parse.GetValue(backend) ?? (ctx.Overrides.ContainsKey("llama:model_path") ? "llama" : null),
                ConversationId = parse.GetValue(conversation),
                Persist = !parse.GetValue(noSave),
            };
            await ctx.ReadyAsync(ct).ConfigureAwait(false);
            var runner = ctx.Get<Runner>();
            if (parse.GetValue(json))
            {
                var result = await runner.AskAsync(request, ct).ConfigureAwait(false);
                foreach (var notice in result.Notices)
                {
                    ctx.Output.Notice(notice);
                }

                ctx.Output.Json(ContractMapper.ToResponse(result), ContractsJson.Default.AskResponse);
                return ExitCodes.Ok;
            }

            var renderer = new AnswerRenderer(ctx.Output);
            await foreach (var e in runner.StreamAsync(request, ct).ConfigureAwait(false))
            {
                renderer.Render(e);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
