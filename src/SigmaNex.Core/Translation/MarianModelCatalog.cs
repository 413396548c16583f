using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace SigmaNex.Core.Translation;

/// <summary>A Marian model folder for one language pair.</summary>
public sealed record MarianPair(string From, string To, string Folder)
{
    public string Name => $"{From}-{To}";
}

/// <summary>
/// The Marian models installed under <c>&lt;models&gt;/marian/&lt;src&gt;-&lt;tgt&gt;/</c>. Each is loaded once, on first use,
/// and shared (its sessions are thread-safe); all are disposed with the catalog. A folder that fails to load keeps
/// failing with the same message until the process restarts.
/// </summary>
public sealed partial class MarianModelCatalog : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<MarianModel>> _models = new(StringComparer.Ordinal);
    private bool _disposed;

    /// <param name="root">The folder holding one sub-folder per pair (normally <c>$SIGMA_NEX_HOME/models/marian</c>).</param>
    public MarianModelCatalog(string root) => Root = Path.GetFullPath(root);

    public string Root { get; }

    /// <summary>The catalog of a models folder: its <c>marian</c> sub-folder.</summary>
    public static MarianModelCatalog ForModels(string modelsDirectory) => new(Path.Combine(modelsDirectory, "marian"));

    /// <summary>Every folder named like a language pair (<c>en-es</c>), sorted; not yet checked.</summary>
    public IReadOnlyList<MarianPair> List()
    {
        if (!Directory.Exists(Root))
        {
            return [];
        }

        return Directory.EnumerateDirectories(Root)
            .Select(d => (Dir: d, Match: PairName().Match(Path.GetFileName(d))))
            .Where(x => x.Match.Success)
            .Select(x => new MarianPair(x.Match.Groups[1].Value, x.Match.Groups[2].Value, x.Dir))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The folder a pair's model belongs in (it may not exist).</summary>
    public string FolderFor(string from, string to) => Path.Combine(Root, $"{from}-{to}");

    /// <summary>True when the pair's folder exists; whether it loads is known only from <see cref="Get"/>.</summary>
    public bool Has(string from, string to) => Directory.Exists(FolderFor(from, to));

    /// <summary>The pair's model, loaded on first use; a <see cref="SigmaException"/> names the missing or broken file.</summary>
    public MarianModel Get(string from, string to)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var folder = FolderFor(from, to);
        return _models.GetOrAdd(folder, f => new Lazy<MarianModel>(() => MarianModel.Load(f), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }

    /// <summary>Loads every installed pair and reports it: the model, or the error that stops it loading.</summary>
    public IReadOnlyList<(MarianPair Pair, MarianModel? Model, string? Error)> Check()
    {
        var results = new List<(MarianPair, MarianModel?, string?)>();
        foreach (var pair in List())
        {
            try
            {
                results.Add((pair, Get(pair.From, pair.To), null));
            }
            catch (SigmaException ex)
            {
                results.Add((pair, null, ex.Message));
            }
        }

        return results;
    }

    public void Dispose()
    {
        _disposed = true;
        foreach (var lazy in _models.Values)
        {
            if (lazy.IsValueCreated)
            {
                lazy.Value.Dispose();
            }
        }

        _models.Clear();
    }

    [GeneratedRegex("^([a-z]{2,3})-([a-z]{2,3})$")]
    private static partial Regex PairName();
}
