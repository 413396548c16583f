using System.CommandLine;
using SigmaNex.Cli.Output;
using SigmaNex.Core;
using SigmaNex.Core.Pipeline;
using SigmaNex.Core.Storage;
using Spectre.Console;

namespace SigmaNex.Cli.Commands;

/// <summary>The interactive session: questions one after another, with slash commands.</summary>
internal static class StartCommand
{
    private const string Help = """
        Type a question and press Enter. Emergencies are recognised and answered first.
          /help           this help
          /sources        sources of the last answer
          /history        questions asked in this session
          /clear          start a new conversation
          /lang <code>    answer in this language (/lang auto to detect)
          /exit           leave (also /quit or Ctrl-D)
        Ctrl-C stops the current answer.
        """;

    public static Command Create(Func<CliContext> context)
    {
        var lang = CommonOptions.Lang();
        var backend = CommonOptions.Backend();
        var model = CommonOptions.Model();
        var resume = new Option<string?>("--resume", "-r")
        {
            Description = "Continue a saved conversation: its id, or nothing for the most recent one",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("start", "Start an interactive session") { lang, backend, model, resume };
        command.SetAction(async (parse, ct) =>
        {
            var ctx = context();
            var language = CommonOptions.ValidLang(parse.GetValue(lang));
            CommonOptions.ApplyModel(ctx, parse.GetValue(backend), parse.GetValue(model));
            var backendName = parse.GetValue(backend) ?? (ctx.Overrides.ContainsKey("llama:model_path") ? "llama" : null);
            await ctx.ReadyAsync(ct).ConfigureAwait(false);
            var runner = ctx.Get<Runner>();
            var history = new List<string>();
            string? conversationId = null;
            if (parse.GetResult(resume) is not null)
            {
                var store = ctx.Get<ConversationStore>();
                var wanted = parse.GetValue(resume);
                var conversation = (wanted is null ? store.List(1).FirstOrDefault()?.Id : wanted) is { } id ? store.Get(id) : null;
                if (conversation is null)
                {
                    throw SigmaException.NotFound(wanted is null ? "there is no saved conversation to resume" : $"no conversation '{wanted}' (see 'sigma history list')");
                }

                conversationId = conversation.Id;
                history.AddRange(conversation.Turns.Select(t => t.Question));
                ctx.Output.Markup($"[grey]Resuming \"{Markup.Escape(conversation.Title)}\" ({conversation.Turns.Count} earlier question(s)).[/]");
            }

            AnswerResult? last = null;
            ctx.Output.Markup("[bold]SIGMA-NEX[/] offline first-aid and survival assistant. Type your question, or [bold]/help[/].");
            ctx.Output.Markup("[grey]In a life-threatening emergency, call your local emergency number first.[/]");
            while (!ct.IsCancellationRequested)
            {
                ctx.Output.Raw("\nsigma> ");
                var line = await ctx.IO.Lines.ReadLineAsync(ct).ConfigureAwait(false);
                if (line is null)
                {
                    ctx.Output.Line();
                    break;
                }

                line = line.Trim();
                if (line.Length == 0)
                {
                    continue;
                }

                if (line.StartsWith('/'))
                {
                    var parts = line.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    switch (parts[0].ToLowerInvariant())
                    {
                        case "/exit" or "/quit" or "/q":
                            return ExitCodes.Ok;
                        case "/help" or "/?":
                            ctx.Output.Line(Help);
                            break;
                        case "/history":
                            if (history.Count == 0)
                            {
                                ctx.Output.Line("No questions yet.");
                            }

                            for (var i = 0; i < history.Count; i++)
                            {
                                ctx.Output.Line($"{i + 1,3}. {history[i]}");
                            }

                            break;
                        case "/sources":
                            if (last is null || last.Sources.Count == 0)
                            {
                                ctx.Output.Line("No sources yet.");
                            }
                            else
                            {
                                foreach (var s in last.Sources)
                                {
                                    ctx.Output.Markup($"  [grey]{Markup.Escape(s.Id)}[/] {Markup.Escape(s.Title)} [grey](score {s.Score:0.00})[/]");
                                }
                            }

                            break;
                        case "/clear":
                            history.Clear();
                            last = null;
                            conversationId = null;
                            ctx.Output.Line("Session cleared; the next question starts a new conversation.");
                            break;
                        case "/lang":
                            var wanted = parts.Length > 1 ? parts[1] : "auto";
                            try
                            {
                                language = wanted.Equals("auto", StringComparison.OrdinalIgnoreCase) ? null : CommonOptions.ValidLang(wanted);
                                ctx.Output.Line(language is null ? "Language: detected from each question." : $"Language: {language}.");
                            }
                            catch (SigmaException ex)
                            {
                                ctx.Output.Error(ex.Message);
                            }

                            break;
                        default:
                            ctx.Output.Error($"unknown command {parts[0]}; type /help");
                            break;
                    }

                    continue;
                }

                history.Add(line);
                var answered = await AnswerAsync(ctx, runner, new AskRequest { Question = line, Language = language, Backend = backendName, ConversationId = conversationId }, ct).ConfigureAwait(false);
                if (answered is not null)
                {
                    last = answered;
                    conversationId = answered.ConversationId ?? conversationId;
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<AnswerResult?> AnswerAsync(CliContext ctx, Runner runner, AskRequest request, CancellationToken ct)
    {
        // Ctrl-C during an answer stops that answer only.
        using var answer = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var registration = ctx.IO.InterceptInterrupt ? Interrupts.Register(answer) : null;
        var renderer = new AnswerRenderer(ctx.Output);
        try
        {
            await foreach (var e in runner.StreamAsync(request, answer.Token).ConfigureAwait(false))
            {
                renderer.Render(e);
            }
        }
        catch (SigmaException ex) when (ex.Kind is SigmaErrorKind.InvalidInput)
        {
            ctx.Output.Error(ex.Message);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            ctx.Output.Notice("answer stopped");
        }

        return renderer.Result;
    }
}
