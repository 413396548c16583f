using System.Diagnostics;
using Microsoft.Data.Sqlite;
using SigmaNex.Tests;

namespace SigmaNex.Cli.Tests;

/// <summary>Behaviour only a real process shows: being killed mid-write, running without privileges.</summary>
public sealed class ProcessTests : IDisposable
{
    private readonly CliHarness _cli = new("proc");

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void KillDuringIngest_LeavesPreviousContentIntact_AndTheIngestCanBeRerun()
    {
        var small = _cli.Temp.Write("small.yaml", "id: alpha-marker\nlanguage: en\ntitle: Alpha marker\ncategory: water\nsteps: [Zymurgical alpha marker step.]\n");
        Assert.Equal(0, SigmaProcess.Run(_cli, "ingest", small).ExitCode);
        var big = _cli.Temp.Write("big.yaml", BigProtocolFile(30_000));

        using (var p = ProcessRunner.Start("dotnet", [SigmaProcess.Dll, "ingest", big], SigmaProcess.Environment(_cli)))
        {
            // Kill as soon as the first batch of the big file is committed.
            var clock = Stopwatch.StartNew();
            while (!p.HasExited && clock.Elapsed < TimeSpan.FromSeconds(60) && !HasPartialSource())
            {
                Thread.Sleep(20);
            }

            Assert.False(p.HasExited, "the ingest finished before it could be interrupted");
            p.Kill(entireProcessTree: true);
            p.WaitForExit();
        }

        SqliteConnection.ClearAllPools();
        var check = SigmaProcess.Run(_cli, "self-check");
        var alpha = SigmaProcess.Run(_cli, "search", "--json", "zymurgical alpha marker");
        Assert.True(check.ExitCode == 0, check.Out + check.Error);
        Assert.Contains("partly ingested", check.Out, StringComparison.Ordinal);
        Assert.Contains("alpha-marker.en", alpha.Out, StringComparison.Ordinal);

        var rerun = SigmaProcess.Run(_cli, "ingest", "--json", big);
        Assert.True(rerun.ExitCode == 0, rerun.Error);
        Assert.Contains("\"documents\": 30000", rerun.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("partly ingested", SigmaProcess.Run(_cli, "self-check").Out, StringComparison.Ordinal);
    }

    [Fact]
    public void KillDuringArchiveIngest_LeavesTheStoreConsistent_AndTheIngestCanBeRerun()
    {
        var archive = MedQuadFixtures.Archive(_cli.Temp.File("medquad.tar.gz"), MedQuadFixtures.Many(8000));

        using (var p = ProcessRunner.Start("dotnet", [SigmaProcess.Dll, "ingest", archive], SigmaProcess.Environment(_cli)))
        {
            var clock = Stopwatch.StartNew();
            while (!p.HasExited && clock.Elapsed < TimeSpan.FromSeconds(60) && !HasPartialSource())
            {
                Thread.Sleep(20);
            }

            Assert.False(p.HasExited, "the ingest finished before it could be interrupted");
            p.Kill(entireProcessTree: true);
            p.WaitForExit();
        }

        SqliteConnection.ClearAllPools();
        var check = SigmaProcess.Run(_cli, "self-check");
        Assert.True(check.ExitCode == 0, check.Out + check.Error);
        Assert.Contains("partly ingested", check.Out, StringComparison.Ordinal);

        var rerun = SigmaProcess.Run(_cli, "ingest", "--json", archive);
        Assert.True(rerun.ExitCode == 0, rerun.Error);
        Assert.Contains("\"documents\": 16000", rerun.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("partly ingested", SigmaProcess.Run(_cli, "self-check").Out, StringComparison.Ordinal);
    }

    [Fact]
    public void IngestFolderWithoutPermission_ExitsTwoWithOneLine()
    {
        // Root ignores permissions, so this runs as the unprivileged 'nobody'.
        var data = _cli.Temp.Folder("nobody-data");
        var locked = _cli.Temp.Folder("locked");
        _cli.Temp.Write("locked/a.yaml", "id: a\n");
        ProcessRunner.Run("chmod", ["777", data, _cli.Temp.Path]);
        ProcessRunner.Run("chmod", ["000", locked]);
        var env = SigmaProcess.Environment(_cli);
        env[Core.Configuration.SigmaPaths.HomeVariable] = data;
        env["HOME"] = data;
        env["DOTNET_CLI_HOME"] = data;

        // A copy of the program where 'nobody' can read it, wherever the checkout is.
        var program = _cli.Temp.Folder("program");
        Assert.Equal(0, ProcessRunner.Run("cp", ["-a", SigmaProcess.Folder + "/.", program]).ExitCode);
        ProcessRunner.Run("chmod", ["-R", "a+rX", program]);

        var r = ProcessRunner.Run("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", "dotnet", Path.Combine(program, "sigma.dll"), "ingest", locked], env);

        Assert.True(r.ExitCode == 2, $"{r.ExitCode}: {r.Out} {r.Error}");
        Assert.Contains($"cannot read folder {locked}: permission denied", r.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidUtf8Argument_IsRefused()
    {
        var r = ProcessRunner.Run("bash", ["-c", $"dotnet '{SigmaProcess.Dll}' ask \"$(printf 'bleed\\xff\\xfe')\""], SigmaProcess.Environment(_cli));

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("not valid UTF-8", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_AsAProcess_PrintsTheAnswerAndExitsZero()
    {
        var r = SigmaProcess.Run(_cli, "ask", "How do I stop severe bleeding?");

        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Contains("Severe bleeding", r.Out, StringComparison.Ordinal);
    }

    private bool HasPartialSource()
    {
        if (!File.Exists(_cli.DatabasePath))
        {
            return false;
        }

        try
        {
            using var c = new SqliteConnection($"Data Source={_cli.DatabasePath};Mode=ReadOnly;Pooling=False");
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT count(*) FROM sources WHERE status = 'partial' AND documents = 0 AND EXISTS (SELECT 1 FROM documents d WHERE d.source_id = sources.id)";
            return Convert.ToInt32(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    private static string BigProtocolFile(int count)
    {
        var sb = new System.Text.StringBuilder("protocols:\n");
        for (var i = 0; i < count; i++)
        {
            sb.Append("  - id: bulk-").Append(i).Append("\n    language: en\n    title: Bulk item ").Append(i)
              .Append("\n    category: water\n    steps: [\"Step one of bulk item ").Append(i).Append(" with some words.\", \"Step two.\"]\n");
        }

        return sb.ToString();
    }
}
