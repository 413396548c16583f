using Spectre.Console;

namespace SigmaNex.Cli;

/// <summary>The terminal the CLI talks to; tests pass writers and a stdin stream of their own.</summary>
public sealed class CliIO
{
    public required TextWriter Out { get; init; }

    public required TextWriter Error { get; init; }

    /// <summary>Raw standard input (bytes, so that invalid UTF-8 can be reported, not silently replaced).</summary>
    public required Stream Input { get; init; }

    /// <summary>Standard input as lines, for the interactive session.</summary>
    public required TextReader Lines { get; init; }

    /// <summary>True when standard input is not a terminal (a pipe or a file).</summary>
    public required bool InputRedirected { get; init; }

    /// <summary>True when output goes to a terminal that understands colours and progress bars.</summary>
    public required bool Ansi { get; init; }

    public bool ErrorAnsi { get; init; }

    /// <summary>Whether Ctrl-C should cancel work instead of killing the process (the real console only).</summary>
    public bool InterceptInterrupt { get; init; }

    private IAnsiConsole? _console;
    private IAnsiConsole? _errorConsole;

    public IAnsiConsole Console => _console ??= Create(Out, Ansi);

    public IAnsiConsole ErrorConsole => _errorConsole ??= Create(Error, ErrorAnsi);

    public static CliIO FromConsole()
    {
        System.Console.OutputEncoding = System.Text.Encoding.UTF8;
        var noColor = Environment.GetEnvironmentVariable("NO_COLOR") is { Length: > 0 };
        var term = Environment.GetEnvironmentVariable("TERM");
        var dumb = term is null or "dumb";
        return new CliIO
        {
            Out = System.Console.Out,
            Error = System.Console.Error,
            Input = System.Console.OpenStandardInput(),
            Lines = System.Console.In,
            InputRedirected = System.Console.IsInputRedirected,
            Ansi = !System.Console.IsOutputRedirected && !noColor && !dumb,
            ErrorAnsi = !System.Console.IsErrorRedirected && !noColor && !dumb,
            InterceptInterrupt = true,
        };
    }

    private static IAnsiConsole Create(TextWriter writer, bool ansi)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = ansi ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = ansi ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = ansi ? InteractionSupport.Yes : InteractionSupport.No,
        });

        // Piped or redirected output is not wrapped: a line of text stays one line.
        if (!ansi)
        {
            console.Profile.Width = 4096;
        }

        return console;
    }
}
