using System.CommandLine;
using SigmaNex.Cli.Output;
using SigmaNex.Core;
using SigmaNex.Core.Pipeline;
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
          /clear          forget this session's questions
          /lang <code>    answer in this language (/lang auto to detect)
          /exit           leave (also /quit or Ctrl-D)
        Ctrl-C stops the current answer.
        """;

    public static Command Create(Func<CliContext> context)
    {
        var lang = CommonOptions.Lang();
        var command = new Command("start", "Start an interactive session") { lang };
        command.SetAction(async (parse, ct) =>
        {
            var ctx = context();
            var language = CommonOptions.ValidLang(parse.GetValue(lang));
            await ctx.ReadyAsync(ct).ConfigureAwait(false);
            var runner = ctx.Get<Runner>();
            var history = new List<string>();
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
                            ctx.Output.Line("Session cleared.");
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
                last = await AnswerAsync(ctx, runner, line, language, ct).ConfigureAwait(false) ?? last;
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<AnswerResult?> AnswerAsync(CliContext ctx, Runner runner, string question, string? language, CancellationToken ct)
    {
        // Ctrl-C during an answer stops that answer only.
        using var answer = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var registration = ctx.IO.InterceptInterrupt ? Interrupts.Register(answer) : null;
        var renderer = new AnswerRenderer(ctx.Output);
        try
        {
            await foreach (var e in runner.StreamAsync(new AskRequest { Question = question, Language = language }, answer.Token).ConfigureAwait(false))
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
