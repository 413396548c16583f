using System.CommandLine;
using System.CommandLine.Parsing;
using SigmaNex.Cli.Commands;
using SigmaNex.Core;
using SigmaNex.Core.Configuration;

namespace SigmaNex.Cli;

/// <summary>The <c>sigma</c> command: parses, runs one command, and turns every failure into one line and an exit code.</summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args, CliIO io, SigmaEnvironment environment, CancellationToken cancellationToken = default)
    {
        var globals = new GlobalOptions();
        CliContext? context = null;
        var root = new RootCommand("SIGMA-NEX: offline first-aid and survival assistant. Ask in your own language; emergencies come first.");
        root.Options.Add(globals.Config);
        root.Options.Add(globals.Debug);
        CliContext Context() => context!;
        foreach (var command in Commands(Context))
        {
            root.Subcommands.Add(command);
        }

        var parse = root.Parse(args);
        var renderer = new Output.Renderer(io);
        if (parse.Errors.Count > 0)
        {
            // The most specific message first: an unknown word says more than "a command is required".
            var error = parse.Errors.FirstOrDefault(e => e.Message.StartsWith("Unrecognized", StringComparison.Ordinal)) ?? parse.Errors[0];
            renderer.Error(error.Message);
            var name = parse.CommandResult.Command == root ? "sigma" : $"sigma {parse.CommandResult.Command.Name}";
            io.Error.WriteLine($"Try '{name} --help' for usage.");
            return ExitCodes.Usage;
        }

        var debug = parse.GetValue(globals.Debug);
        context = new CliContext(io, environment, parse.GetValue(globals.Config), debug);
        await using (context.ConfigureAwait(false))
        {
            try
            {
                // Ctrl-C cancels the running work cleanly (an ingest keeps what it committed); a second one kills.
                using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                using var registration = io.InterceptInterrupt ? Interrupts.Register(interrupt) : null;
                var config = new InvocationConfiguration
                {
                    Output = io.Out,
                    Error = io.Error,
                    EnableDefaultExceptionHandler = false,
                    ProcessTerminationTimeout = null,
                };
                return await parse.InvokeAsync(config, interrupt.Token).ConfigureAwait(false);
            }
            catch (SigmaException ex)
            {
                renderer.Error(ex.Message);
                if (debug)
                {
                    io.Error.WriteLine(ex.ToString());
                }

                return ExitCodes.For(ex.Kind);
            }
            catch (OperationCanceledException)
            {
                renderer.Error("interrupted");
                return ExitCodes.Interrupted;
            }
            catch (Exception ex)
            {
                renderer.Error(debug ? $"unexpected error: {ex.Message}" : $"unexpected error: {ex.Message} (run with --debug for details)");
                if (debug)
                {
                    io.Error.WriteLine(ex.ToString());
                }

                return ExitCodes.Failed;
            }
        }
    }

    private static IEnumerable<Command> Commands(Func<CliContext> context) =>
    [
        AskCommand.Create(context),
        SearchCommand.Create(context),
        StartCommand.Create(context),
        HistoryCommand.Create(context),
        TriageCommand.Create(context),
        DetectCommand.Create(context),
        TranslateCommand.Create(context),
        IngestCommand.Create(context),
        IngestCommand.CreateLoadFramework(context),
        KbCommand.Create(context),
        ConfigCommand.Create(context),
        SelfCheckCommand.Create(context),
        EvalCommand.Create(context),
    ];

    private sealed class GlobalOptions
    {
        public Option<string?> Config { get; } = new("--config", "-c")
        {
            Description = "Configuration file to use (default: $SIGMA_NEX_ROOT/config.yaml, ./config.yaml, ~/.config/sigma-nex/config.yaml)",
            Recursive = true,
        };

        public Option<bool> Debug { get; } = new("--debug")
        {
            Description = "Show stack traces and details on errors",
            Recursive = true,
        };
    }
}
