using SigmaNex.Core.Configuration;
using SigmaNex.Tests;

namespace SigmaNex.Cli.Tests;

/// <summary>Runs the built <c>sigma</c> program as a separate process, for what only a process can show.</summary>
public static class SigmaProcess
{
    /// <summary>
    /// The CLI as its own project built it (the test's output folder also carries ASP.NET for the fake
    /// servers, which a stand-alone sigma.dll must not rely on).
    /// </summary>
    public static string Dll { get; } = Path.Combine(
        RepoPaths.Root, "src", "SigmaNex.Cli", "bin",
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug",
        "net10.0", "sigma.dll");

    /// <summary>The folder holding <see cref="Dll"/> and everything it needs.</summary>
    public static string Folder => Path.GetDirectoryName(Dll)!;

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
