namespace SigmaNex.Core.Ingestion;

/// <summary>
/// Lists the files under a folder that may be ingested: regular files whose real location is inside
/// the folder. Links that lead outside it, and hidden files, are left out with a warning.
/// </summary>
public static class SafePaths
{
    public static List<string> EnumerateFiles(string root, List<string> warnings)
    {
        var realRoot = RealPath(root);
        var files = new List<string>();
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            IEnumerable<string> entries;
            try
            {
                entries = Directory.EnumerateFileSystemEntries(dir).Order(StringComparer.Ordinal).ToList();
            }
            catch (UnauthorizedAccessException)
            {
                if (dir == root)
                {
                    throw SigmaException.Input($"cannot read folder {dir}: permission denied");
                }

                warnings.Add($"skipped folder {dir}: permission denied");
                continue;
            }
            catch (IOException ex)
            {
                warnings.Add($"skipped folder {dir}: {ex.Message}");
                continue;
            }

            foreach (var entry in entries)
            {
                var name = Path.GetFileName(entry);
                if (name.StartsWith('.'))
                {
                    continue;
                }

                var info = new FileInfo(entry);
                var isDir = Directory.Exists(entry);
                if (info.LinkTarget is not null || (isDir && new DirectoryInfo(entry).LinkTarget is not null))
                {
                    var target = RealPath(entry);
                    if (!IsInside(target, realRoot))
                    {
                        warnings.Add($"refused {entry}: it links outside {root}");
                        continue;
                    }
                }

                if (isDir)
                {
                    pending.Push(entry);
                }
                else if (File.Exists(entry))
                {
                    files.Add(entry);
                }
            }
        }

        files.Sort(StringComparer.Ordinal);
        return files;
    }

    /// <summary>True when <paramref name="path"/>, resolved, is <paramref name="root"/> or below it.</summary>
    public static bool IsInside(string path, string root)
    {
        var p = Path.GetFullPath(path).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var r = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return p.StartsWith(r, StringComparison.Ordinal);
    }

    /// <summary>Follows every link in a path to where it really is.</summary>
    public static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var parts = full.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        var current = Path.DirectorySeparatorChar.ToString();
        var hops = 0;
        for (var i = 0; i < parts.Length; i++)
        {
            current = Path.Combine(current, parts[i]);
            FileSystemInfo fsi = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
            while (fsi.LinkTarget is { } target && hops++ < 40)
            {
                current = Path.GetFullPath(target, Path.GetDirectoryName(current)!);
                fsi = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
            }
        }

        return current;
    }
}
