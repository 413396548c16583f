using System.Security.Cryptography;
using System.Text;

namespace SigmaNex.Core.Knowledge;

/// <summary>
/// The protocol library shipped in <c>knowledge/protocols/&lt;language&gt;/&lt;id&gt;.yaml</c>.
/// Loading is strict: every protocol must have all its fields and exist in every language.
/// </summary>
public static class ProtocolLibrary
{
    public const string SourceUri = "builtin:knowledge";

    public static readonly IReadOnlyList<string> Languages = ["en", "it"];

    public static string ProtocolsFolder(string knowledgeDirectory) => Path.Combine(knowledgeDirectory, "protocols");

    public static bool Exists(string knowledgeDirectory) => Directory.Exists(ProtocolsFolder(knowledgeDirectory));

    /// <summary>A hash of every protocol file's name and content: when it changes, the store reloads.</summary>
    public static string Fingerprint(string knowledgeDirectory)
    {
        var root = ProtocolsFolder(knowledgeDirectory);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in Files(root))
        {
            sha.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(root, file).Replace('\\', '/') + "\n"));
            sha.AppendData(File.ReadAllBytes(file));
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>Loads the whole library; the first problem found is thrown (for rebuilds and the content test).</summary>
    public static IReadOnlyList<Protocol> Load(string knowledgeDirectory)
    {
        var (protocols, problems) = LoadLenient(knowledgeDirectory);
        return problems.Count > 0 ? throw SigmaException.Input(problems[0]) : protocols;
    }

    /// <summary>
    /// Loads every protocol that is well-formed and complete; the rest are left out and described in
    /// <c>Problems</c> (file, line, field), so one bad file never stops SIGMA-NEX answering.
    /// </summary>
    public static (IReadOnlyList<Protocol> Protocols, IReadOnlyList<string> Problems) LoadLenient(string knowledgeDirectory)
    {
        var root = ProtocolsFolder(knowledgeDirectory);
        if (!Directory.Exists(root))
        {
            throw SigmaException.NotFound($"the protocol library was not found at {root}");
        }

        var protocols = new List<Protocol>();
        var problems = new List<string>();
        foreach (var file in Files(root))
        {
            var folder = Path.GetFileName(Path.GetDirectoryName(file)!);
            var name = Path.GetFileNameWithoutExtension(file);
            try
            {
                var read = ProtocolReader.ReadFile(file, strict: true);
                var p = read.Count == 1 ? read[0] : throw SigmaException.Input($"{file}: a library file must hold exactly one protocol");
                if (p.Id != name)
                {
                    throw SigmaException.Input($"{file} line 1: field 'id' is '{p.Id}' but the file is named '{name}.yaml'");
                }

                if (p.Language != folder)
                {
                    throw SigmaException.Input($"{file}: field 'language' is '{p.Language}' but the file is in the '{folder}' folder");
                }

                protocols.Add(p);
            }
            catch (SigmaException ex)
            {
                problems.Add(ex.Message);
            }
        }

        return (Validate(protocols, root, problems), problems);
    }

    private static List<Protocol> Validate(List<Protocol> protocols, string root, List<string> problems)
    {
        var valid = new List<Protocol>();
        foreach (var group in protocols.GroupBy(p => p.Id))
        {
            var langs = group.Select(p => p.Language).ToHashSet();
            var missing = Languages.Where(l => !langs.Contains(l)).ToList();
            if (missing.Count > 0)
            {
                problems.Add($"{root}: protocol '{group.Key}' has no {string.Join(", ", missing)} version");
                continue;
            }

            var first = group.First();
            if (group.Skip(1).Any(o => o.Category != first.Category || o.Priority != first.Priority))
            {
                problems.Add($"{root}: protocol '{group.Key}' has different category or priority in its translations");
                continue;
            }

            valid.AddRange(group);
        }

        var ids = valid.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var p in valid)
        {
            foreach (var r in p.Related.Where(r => !ids.Contains(r)))
            {
                problems.Add($"{root}/{p.Language}/{p.Id}.yaml: field 'related' names unknown protocol '{r}'");
            }
        }

        return valid;
    }

    private static IEnumerable<string> Files(string root) =>
        Directory.Exists(root)
            ? Directory.EnumerateFiles(root, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            : [];
}
