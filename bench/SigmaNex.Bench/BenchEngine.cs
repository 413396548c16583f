using Microsoft.Extensions.DependencyInjection;
using SigmaNex.Core;
using SigmaNex.Core.Configuration;
using SigmaNex.Core.Knowledge;
using SigmaNex.Core.Retrieval;
using SigmaNex.Tests;

namespace SigmaNex.Bench;

/// <summary>The real engine over a store in a temp folder (or a given data folder), for benchmarks.</summary>
public sealed class BenchEngine : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly TempDirectory? _temp;

    private BenchEngine(ServiceProvider services, TempDirectory? temp)
    {
        _services = services;
        _temp = temp;
    }

    public static string RepoRoot { get; } = FindRoot();

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public static async Task<BenchEngine> StartAsync(string? dataDirectory = null, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var temp = dataDirectory is null ? new TempDirectory("bench") : null;
        var env = SigmaEnvironment.FromProcess() with
        {
            Variables = new Dictionary<string, string>(SigmaEnvironment.FromProcess().Variables)
            {
                [SigmaPaths.HomeVariable] = dataDirectory ?? temp!.Path,
                [SigmaPaths.RootVariable] = RepoRoot,
            },
        };
        var config = ConfigLoader.Load(env, null, overrides);
        var services = new ServiceCollection().AddSigmaNex(config).BuildServiceProvider();
        var engine = new BenchEngine(services, temp);
        await engine.Get<KnowledgeBase>().EnsureReadyAsync(engine.Get<Retriever>(), null, CancellationToken.None).ConfigureAwait(false);
        return engine;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync().ConfigureAwait(false);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _temp?.Dispose();
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SigmaNex.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("run the bench from inside the repository");
    }
}
