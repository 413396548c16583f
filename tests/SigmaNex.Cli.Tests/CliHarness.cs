using System.Text;
using SigmaNex.Tests;

namespace SigmaNex.Cli.Tests;

/// <summary>Runs the real CLI in-process with its own environment, data folder and captured output.</summary>
public sealed class CliHarness : IDisposable
{
    public CliHarness(string prefix = "cli")
    {
        Temp = new TempDirectory(prefix);
        Environment = TestEnvironments.Create(Temp);
    }

    public TempDirectory Temp { get; }

    public Core.Configuration.SigmaEnvironment Environment { get; set; }

    public string DataDirectory => Environment.Get(Core.Configuration.SigmaPaths.HomeVariable)!;

    public string DatabasePath => Path.Combine(DataDirectory, "sigma.db");

    public sealed record Result(int ExitCode, string Out, string Error)
    {
        public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
    }

    public Task<Result> RunAsync(params string[] args) => RunAsync(args, stdin: null);

    public async Task<Result> RunAsync(string[] args, byte[]? stdin, CancellationToken cancellationToken = default)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var io = new CliIO
        {
            Out = output,
            Error = error,
            Input = new MemoryStream(stdin ?? []),
            Lines = new StreamReader(new MemoryStream(stdin ?? []), Encoding.UTF8),
            InputRedirected = stdin is not null,
            Ansi = false,
        };
        var code = await CliApp.RunAsync(args, io, Environment, cancellationToken);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return new Result(code, output.ToString(), error.ToString());
    }

    public Task<Result> RunWithInputAsync(string stdin, params string[] args) => RunAsync(args, Encoding.UTF8.GetBytes(stdin));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Temp.Dispose();
    }
}
