using System.Diagnostics;
using LLama;
using LLama.Abstractions;
using LLama.Common;
using Microsoft.Extensions.AI;
using SigmaNex.Core.Configuration;

namespace SigmaNex.Core.Llm.Backends;

/// <summary>
/// A GGUF model run inside the process by llama.cpp (LLamaSharp), on the CPU or offloading layers to a GPU
/// when the native backend has one. The model is loaded on first use and kept for the process's life.
/// </summary>
public sealed class LlamaBackend : ChatBackend
{
    private readonly LlamaOptions _options;
    private readonly string _modelsDirectory;
    private readonly int _contextSize;
    private readonly Lock _gate = new();
    private LLamaWeights? _weights;
    private IChatClient? _client;

    public LlamaBackend(LlamaOptions options, SigmaPaths paths, int contextSize)
    {
        _options = options;
        _modelsDirectory = paths.ModelsDirectory;
        _contextSize = contextSize;
        ModelPath = ResolveModel(options.ModelPath, _modelsDirectory);
    }

    /// <summary>The .gguf file to run, or null when none is configured or found.</summary>
    public string? ModelPath { get; }

    public override string Name => BackendNames.Llama;

    public override string Model => ModelPath is null ? "(none)" : Path.GetFileName(ModelPath);

    public override IChatClient Client
    {
        get
        {
            lock (_gate)
            {
                return _client ??= Load();
            }
        }
    }

    public static string? ResolveModel(string? configured, string modelsDirectory)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }

        return Directory.Exists(modelsDirectory)
            ? Directory.EnumerateFiles(modelsDirectory, "*.gguf", SearchOption.AllDirectories).Order(StringComparer.Ordinal).FirstOrDefault()
            : null;
    }

    public override Task<BackendStatus> ProbeAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        BackendStatus Status(bool ok, string detail, string? fix = null) => new()
        {
            Backend = Name,
            Model = Model,
            Reachable = ok,
            ModelPresent = ok,
            LatencyMs = Math.Round(clock.Elapsed.TotalMilliseconds, 1),
            Detail = detail,
            Fix = fix,
        };

        if (ModelPath is null)
        {
            return Task.FromResult(Status(false, $"no .gguf model in {_modelsDirectory}", $"put a GGUF model file in {_modelsDirectory}, or use --model path/to/model.gguf"));
        }

        if (!File.Exists(ModelPath))
        {
            return Task.FromResult(Status(false, $"the model file {ModelPath} does not exist", "fix llama.model_path or --model"));
        }

        try
        {
            Span<byte> magic = stackalloc byte[4];
            using (var f = File.OpenRead(ModelPath))
            {
                f.ReadExactly(magic);
            }

            return Task.FromResult("GGUF"u8.SequenceEqual(magic)
                ? Status(true, $"{ModelPath} ({new FileInfo(ModelPath).Length / 1024 / 1024} MB)")
                : Status(false, $"{ModelPath} is not a GGUF file", "convert the model to GGUF, or choose a .gguf file"));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Task.FromResult(Status(false, $"cannot read {ModelPath}: {ex.Message}", "check the file's permissions"));
        }
    }

    public override ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            _client?.Dispose();
            _weights?.Dispose();
            _client = null;
            _weights = null;
        }

        return base.DisposeAsync();
    }

    private IChatClient Load()
    {
        if (ModelPath is null || !File.Exists(ModelPath))
        {
            throw new SigmaException(SigmaErrorKind.Backend, $"no GGUF model to load (looked in {_modelsDirectory})");
        }

        var parameters = new ModelParams(ModelPath)
        {
            ContextSize = (uint)_contextSize,
            GpuLayerCount = _options.GpuLayers,
            Threads = _options.Threads > 0 ? _options.Threads : Environment.ProcessorCount,
            BatchThreads = _options.Threads > 0 ? _options.Threads : Environment.ProcessorCount,
        };
        try
        {
            _weights = LLamaWeights.LoadFromFile(parameters);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new SigmaException(SigmaErrorKind.Backend, $"llama.cpp could not load {ModelPath}: {ex.Message}", ex);
        }

        var executor = new StatelessExecutor(_weights, parameters);
        return executor.AsChatClient();
    }
}
