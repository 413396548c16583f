using System.Reflection;

namespace SigmaNex.Core.Resources;

/// <summary>Text files compiled into the Core assembly (stop words, phrases, prompts, profiles).</summary>
internal static class EmbeddedResources
{
    private const string Prefix = "SigmaNex.Core.Resources.";

    public static string? TryReadText(string relativePath)
    {
        using var stream = Open(relativePath);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static string ReadText(string relativePath) =>
        TryReadText(relativePath) ?? throw new InvalidOperationException($"missing embedded resource {relativePath}");

    public static Stream? Open(string relativePath) =>
        typeof(EmbeddedResources).Assembly.GetManifestResourceStream(Prefix + relativePath.Replace('\\', '/'));

    public static IEnumerable<string> List(string folder)
    {
        var prefix = Prefix + folder.TrimEnd('/') + "/";
        return typeof(EmbeddedResources).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .Select(n => n[Prefix.Length..]);
    }
}
