using Microsoft.Extensions.DependencyInjection;
using SigmaNex.Core.Configuration;
using SigmaNex.Core.Knowledge;
using SigmaNex.Core.Pipeline;
using SigmaNex.Core.Retrieval;
using SigmaNex.Tests;

namespace SigmaNex.Core.Tests;

/// <summary>The real engine over a store in a temp folder, with the shipped library loaded.</summary>
public sealed class TestEngine : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private TestEngine(TempDirectory temp, ServiceProvider services, LoadedConfig config)
    {
        Temp = temp;
        _services = services;
        Config = config;
    }

    public TempDirectory Temp { get; }

    public LoadedConfig Config { get; }

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public static async Task<TestEngine> StartAsync(string? configYaml = null, string? knowledge = null, Action<IServiceCollection>? services = null)
    {
        var temp = new TempDirectory("engine");
        var env = TestEnvironments.Create(temp, knowledge: knowledge);
        var file = configYaml is null ? null : temp.Write("config.yaml", configYaml);
        var config = ConfigLoader.Load(env, file);
        var collection = new ServiceCollection().AddSigmaNex(config);
        services?.Invoke(collection);
        var provider = collection.BuildServiceProvider();
        var engine = new TestEngine(temp, provider, config);
        await engine.Get<KnowledgeBase>().EnsureReadyAsync(engine.Get<Retriever>(), null, CancellationToken.None);
        return engine;
    }

    /// <summary>Runs one question through the Runner's stream: every event in order, and the final result.</summary>
    public async Task<(List<AnswerEvent> Events, AnswerResult Result)> CollectAsync(AskRequest request)
    {
        var events = new List<AnswerEvent>();
        await foreach (var e in Get<Runner>().StreamAsync(request, CancellationToken.None))
        {
            events.Add(e);
        }

        return (events, ((CompletedEvent)events[^1]).Result);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Temp.Dispose();
    }
}
