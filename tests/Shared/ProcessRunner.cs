using System.Diagnostics;

namespace SigmaNex.Tests;

/// <summary>Runs a program to completion and captures what it printed.</summary>
public static class ProcessRunner
{
    public sealed record Result(int ExitCode, string Out, string Error);

    public static Result Run(string file, IEnumerable<string> args, IDictionary<string, string>? env = null, string? stdin = null, TimeSpan? timeout = null, string? workingDirectory = null)
    {
        using var p = Start(file, args, env, workingDirectory, redirectInput: stdin is not null);
        if (stdin is not null)
        {
            p.StandardInput.Write(stdin);
            p.StandardInput.Close();
        }

        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeout ?? TimeSpan.FromMinutes(2)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish");
        }

        return new Result(p.ExitCode, stdout.Result, stderr.Result);
    }

    public static Process Start(string file, IEnumerable<string> args, IDictionary<string, string>? env = null, string? workingDirectory = null, bool redirectInput = false)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectInput,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        if (env is not null)
        {
            foreach (var (k, v) in env)
            {
                psi.Environment[k] = v;
            }
        }

        return Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {file}");
    }
}
