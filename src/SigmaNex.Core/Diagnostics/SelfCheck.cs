using SigmaNex.Core.Configuration;
using SigmaNex.Core.Knowledge;
using SigmaNex.Core.Llm;
using SigmaNex.Core.Retrieval;
using SigmaNex.Core.Storage;
using SigmaNex.Core.Translation;
using SigmaNex.Core.Triage;

namespace SigmaNex.Core.Diagnostics;

/// <summary>
/// Checks everything SIGMA-NEX needs, in the order a problem would show: configuration, data folder,
/// store integrity, the protocol library, the vector index, triage and the answer backends.
/// </summary>
public sealed class SelfCheck
{
    private readonly LoadedConfig _config;
    private readonly Func<KnowledgeStore> _store;
    private readonly Func<SigmaNex.Core.Retrieval.Embeddings.EmbeddingSetup> _embeddings;
    private readonly Func<BackendCatalog> _backends;
    private readonly Func<MarianModelCatalog>? _marian;

    public SelfCheck(LoadedConfig config, Func<KnowledgeStore> store, Func<SigmaNex.Core.Retrieval.Embeddings.EmbeddingSetup> embeddings, Func<BackendCatalog> backends,
        Func<MarianModelCatalog>? marian = null)
    {
        _config = config;
        _store = store;
        _embeddings = embeddings;
        _backends = backends;
        _marian = marian;
    }

    public async Task<IReadOnlyList<CheckResult>> RunAsync(CancellationToken cancellationToken)
    {
        var results = new List<CheckResult>
        {
            new("config", CheckStatus.Ok, _config.SourceFile is null ? "no config file; defaults in use" : $"loaded {_config.SourceFile}"),
        };
        if (_config.UnknownKeys.Count > 0)
        {
            results.Add(new("config keys", CheckStatus.Warning,
                $"{_config.UnknownKeys.Count} key(s) not used by this version: {string.Join(", ", _config.UnknownKeys.Take(12))}{(_config.UnknownKeys.Count > 12 ? ", ..." : string.Empty)}",
                "harmless; remove them to silence this"));
        }

        results.Add(DataFolder());
        KnowledgeStore? store = null;
        try
        {
            store = _store();
            var problems = store.Database.CheckIntegrity();
            results.Add(problems.Count == 0
                ? new("store", CheckStatus.Ok, $"{store.Database.Path} (schema v{store.Database.SchemaVersion()}{(store.Database.ReadOnly ? ", read-only" : string.Empty)}), integrity ok")
                : new("store", CheckStatus.Failed, $"{store.Database.Path}: {string.Join("; ", problems.Take(3))}", "move the file aside and run 'sigma kb rebuild'"));
        }
        catch (SigmaException ex)
        {
            results.Add(new("store", CheckStatus.Failed, ex.Message, "move the file aside and run 'sigma kb rebuild'"));
        }

        results.Add(Library());
        if (store is not null)
        {
            results.AddRange(Contents(store));
        }

        results.Add(new("triage", CheckStatus.Ok, $"rules for {string.Join(", ", TriageClassifier.Default.Languages)}{(TriageClassifier.Default.HasLearnedStage ? "; learned stage loaded" : "; no learned stage (rules alone)")}"));
        if (_marian is not null)
        {
            results.AddRange(Translation(_marian()));
        }

        results.AddRange(await BackendsAsync(cancellationToken).ConfigureAwait(false));
        return results;
    }

    /// <summary>
    /// Every backend of the configured order, probed now. An unavailable backend is a warning in auto mode
    /// (the next one answers) and a failure when it is the one the configuration insists on.
    /// </summary>
    private async Task<IEnumerable<CheckResult>> BackendsAsync(CancellationToken cancellationToken)
    {
        var catalog = _backends();
        var forced = _config.Options.Backend.ToLowerInvariant();
        var results = new List<CheckResult>();
        foreach (var name in catalog.Order(null))
        {
            var status = await catalog.Get(name).ProbeAsync(TimeSpan.FromSeconds(_config.Options.Resilience.ProbeTimeout), cancellationToken).ConfigureAwait(false);
            var latency = status.LatencyMs is { } ms && name != BackendNames.Knowledge ? $", {ms:0} ms" : string.Empty;
            var state = status.Available ? CheckStatus.Ok : forced == name ? CheckStatus.Failed : CheckStatus.Warning;
            var reach = name == BackendNames.Knowledge ? string.Empty
                : $"reachable: {(status.Reachable ? "yes" : "no")}, model {status.Model}: {(status.ModelPresent ? "present" : "missing")}{latency} — ";
            results.Add(new CheckResult($"backend {name}", state, reach + status.Detail, status.Fix));
        }

        return results;
    }

    /// <summary>Each Marian model folder, loaded: ok with its settings, or failed with the file that stops it.</summary>
    private static IEnumerable<CheckResult> Translation(MarianModelCatalog catalog)
    {
        var checks = catalog.Check();
        if (checks.Count == 0)
        {
            yield return new("translation", CheckStatus.Ok, $"no Marian models in {catalog.Root}; translating with the chat model when one is available",
                "to translate offline, export an opus-mt model to ONNX into models/marian/<from>-<to>/ (docs/LANGUAGE.md)");
            yield break;
        }

        foreach (var (pair, model, error) in checks)
        {
            yield return model is not null
                ? new($"marian {pair.Name}", CheckStatus.Ok,
                    $"{pair.Folder}: ok (vocabulary {model.Config.VocabSize?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}, beams {model.Config.NumBeams}, max length {model.Config.MaxLength}{(model.UsesMergedDecoder ? ", merged decoder" : string.Empty)})")
                : new($"marian {pair.Name}", CheckStatus.Failed, error!, "replace the file named above, or remove the folder");
        }
    }

    private CheckResult DataFolder()
    {
        var dir = _config.Paths.DataDirectory;
        try
        {
            Directory.CreateDirectory(dir);
            var probe = Path.Combine(dir, $".self-check-{Environment.ProcessId}");
            File.WriteAllText(probe, "ok");
            File.Delete(probe);
            var free = new DriveInfo(dir).AvailableFreeSpace;
            return free < 200L * 1024 * 1024
                ? new("data folder", CheckStatus.Warning, $"{dir}: only {free / 1024 / 1024} MB free", "free some disk space")
                : new("data folder", CheckStatus.Ok, $"{dir} (writable, {free / 1024 / 1024 / 1024} GB free)");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new("data folder", CheckStatus.Failed, $"{dir}: {ex.Message}", $"make it writable or set {SigmaPaths.HomeVariable}");
        }
    }

    private CheckResult Library()
    {
        var dir = _config.Paths.KnowledgeDirectory;
        if (!ProtocolLibrary.Exists(dir))
        {
            return new("library", CheckStatus.Warning, $"no protocol library at {dir}", "set knowledge_dir, or reinstall SIGMA-NEX");
        }

        try
        {
            var protocols = ProtocolLibrary.Load(dir);
            var byLang = protocols.GroupBy(p => p.Language).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}");
            return new("library", CheckStatus.Ok, $"{dir}: {string.Join(", ", byLang)}");
        }
        catch (SigmaException ex)
        {
            return new("library", CheckStatus.Failed, ex.Message, "fix the file named above");
        }
    }

    private IEnumerable<CheckResult> Contents(KnowledgeStore store)
    {
        StoreStats stats;
        try
        {
            stats = store.GetStats();
        }
        catch (SigmaException)
        {
            yield break;
        }

        var protocols = stats.ProtocolsByLanguage.Values.Sum();
        yield return protocols == 0
            ? new("knowledge", CheckStatus.Warning, "the store holds no protocols yet", "run 'sigma kb rebuild'")
            : new("knowledge", CheckStatus.Ok, $"{stats.Documents:N0} documents ({protocols} protocols), {stats.Chunks:N0} chunks, {stats.Sources.Count} source(s)");
        var partial = stats.Sources.Where(s => s.Status != "complete").ToList();
        if (partial.Count > 0)
        {
            yield return new("ingest", CheckStatus.Warning, $"{partial.Count} source(s) only partly ingested: {string.Join(", ", partial.Select(p => p.Uri))}", "run the same 'sigma ingest' again to finish");
        }

        SigmaNex.Core.Retrieval.Embeddings.EmbeddingSetup? setup = null;
        string? failure = null;
        try
        {
            setup = _embeddings();
        }
        catch (SigmaException ex)
        {
            failure = ex.Message;
        }

        if (setup is null)
        {
            yield return new("vectors", CheckStatus.Failed, failure ?? "no embedder", "fix retrieval.embedder / retrieval.embedding_model");
        }
        else if (setup.Space is not { } space)
        {
            yield return new("vectors", CheckStatus.Warning, setup.Problem ?? "no embedder", "searching with keywords only until it is fixed");
        }
        else if (stats.VectorSpace is null || stats.VectorSpace != space)
        {
            yield return new("vectors", CheckStatus.Warning, $"stored vectors are {stats.VectorSpace?.ToString() ?? "missing"}, configured {space}", "they are rebuilt on the next question, or run 'sigma kb rebuild'");
        }
        else if (stats.Vectors < stats.Chunks)
        {
            yield return new("vectors", CheckStatus.Warning, $"{stats.Chunks - stats.Vectors:N0} chunk(s) without a vector", "they are embedded on the next question");
        }
        else
        {
            yield return new("vectors", CheckStatus.Ok, $"{stats.Vectors:N0} vectors, {space}");
        }
    }
}
