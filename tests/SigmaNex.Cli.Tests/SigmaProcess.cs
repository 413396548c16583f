using SigmaNex.Core.Configuration;
using SigmaNex.Tests;

namespace SigmaNex.Cli.Tests;

/// <summary>Runs the built <c>sigma</c> program as a separate process, for what only a process can show.</summary>
public static class SigmaProcess
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "sigma.dll");

    public static Dictionary<string, string> Environment(CliHarness h) => new()
    {
        [SigmaPaths.HomeVariable] = h.DataDirectory,
        [SigmaPaths.RootVariable] = h.Environment.Get(SigmaPaths.RootVariable)!,
        ["XDG_CONFIG_HOME"] = h.Environment.Get("XDG_CONFIG_HOME")!,
        ["HOME"] = h.Environment.HomeDirectory,
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["NO_COLOR"] = "1",
    };

    public static ProcessRunner.Result Run(CliHarness h, params string[] args) =>
        ProcessRunner.Run("dotnet", [Dll, .. args], Environment(h), workingDirectory: h.Environment.CurrentDirectory);
}
