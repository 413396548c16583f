using Microsoft.Extensions.DependencyInjection;
using SigmaNex.Cli.Output;
using SigmaNex.Core;
using SigmaNex.Core.Configuration;
using SigmaNex.Core.Knowledge;
using SigmaNex.Core.Retrieval;

namespace SigmaNex.Cli;

/// <summary>
/// What a command runs with: the terminal, the environment, the global options, and the engine,
/// built on first use so that <c>sigma --version</c> or <c>sigma config path</c> never opens the store.
/// </summary>
public sealed class CliContext : IAsyncDisposable
{
    private LoadedConfig? _config;
    private ServiceProvider? _services;
    private bool _ready;

    public CliContext(CliIO io, SigmaEnvironment environment, string? configFile, bool debug)
    {
        IO = io;
        Environment = environment;
        ConfigFile = configFile;
        Debug = debug;
        Output = new Renderer(io);
    }

    public CliIO IO { get; }

    public SigmaEnvironment Environment { get; }

    public string? ConfigFile { get; }

    public bool Debug { get; }

    public Renderer Output { get; }

    /// <summary>Overrides set by command flags, applied over the file and the environment.</summary>
    public Dictionary<string, string?> Overrides { get; } = new(StringComparer.OrdinalIgnoreCase);

    public LoadedConfig Config => _config ??= ConfigLoader.Load(Environment, ConfigFile, Overrides);

    public T Get<T>()
        where T : notnull
    {
        _services ??= new ServiceCollection().AddSigmaNex(Config).BuildServiceProvider();
        return _services.GetRequiredService<T>();
    }

    /// <summary>Makes sure the store holds the library and current vectors; shows progress for long work.</summary>
    public async Task ReadyAsync(CancellationToken cancellationToken)
    {
        if (_ready)
        {
            return;
        }

        var kb = Get<KnowledgeBase>();
        var notices = await Output.WithProgressAsync(
            "Preparing the knowledge base",
            progress => kb.EnsureReadyAsync(Get<Retriever>(), progress, cancellationToken)).ConfigureAwait(false);
        foreach (var n in notices)
        {
            Output.Notice(n);
        }

        _ready = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync().ConfigureAwait(false);
        }
    }
}
