using SigmaNex.Core.Configuration;

namespace SigmaNex.Tests;

/// <summary>Builds an isolated <see cref="SigmaEnvironment"/>: its own home, data folder and working folder.</summary>
public static class TestEnvironments
{
    public static SigmaEnvironment Create(TempDirectory temp, IDictionary<string, string>? variables = null, string? knowledge = null)
    {
        var vars = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [SigmaPaths.HomeVariable] = temp.Folder("data"),
            ["XDG_CONFIG_HOME"] = temp.Folder("xdg-config"),
            [SigmaPaths.RootVariable] = temp.Folder("root"),
        };
        var root = vars[SigmaPaths.RootVariable];
        if (!Directory.Exists(Path.Combine(root, "knowledge")))
        {
            // The shipped library, through a link, as an install would carry it.
            Directory.CreateSymbolicLink(Path.Combine(root, "knowledge"), knowledge ?? RepoPaths.Knowledge);
        }

        if (variables is not null)
        {
            foreach (var (k, v) in variables)
            {
                vars[k] = v;
            }
        }

        return new SigmaEnvironment
        {
            Variables = vars,
            CurrentDirectory = temp.Folder("cwd"),
            HomeDirectory = temp.Folder("home"),
            BaseDirectory = temp.Folder("install"),
        };
    }
}
