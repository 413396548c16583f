namespace SigmaNex.Tests;

/// <summary>Where the repository and the shared datasets are, found from the test's own location.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Knowledge => Path.Combine(Root, "knowledge");

    /// <summary>The shared datasets beside the checkout (<c>../shared/datasets</c>).</summary>
    public static string Datasets => Path.GetFullPath(Path.Combine(Root, "..", "shared", "datasets"));

    public static string OriginalConfig => Path.Combine(Datasets, "sigma-original", "config.yaml");

    public static string OriginalFramework => Path.Combine(Datasets, "sigma-original", "Framework_SIGMA.json");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SigmaNex.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("cannot find the repository root (SigmaNex.slnx)");
    }
}
