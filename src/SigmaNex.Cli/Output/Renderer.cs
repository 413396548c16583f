using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using SigmaNex.Core.Ingestion;
using Spectre.Console;

namespace SigmaNex.Cli.Output;

/// <summary>The one formatter of human output (colour when the terminal has it) and of JSON.</summary>
public sealed class Renderer
{
    private static readonly JsonSerializerOptions s_nodeOptions = new() { WriteIndented = true };

    private readonly CliIO _io;

    public Renderer(CliIO io) => _io = io;

    public IAnsiConsole Console => _io.Console;

    public void Json<T>(T value, JsonTypeInfo<T> type)
    {
        _io.Out.WriteLine(JsonSerializer.Serialize(value, type));
        _io.Out.Flush();
    }

    public void Json(JsonNode node)
    {
        _io.Out.WriteLine(node.ToJsonString(s_nodeOptions));
        _io.Out.Flush();
    }

    public void Line(string text = "") => _io.Console.WriteLine(text);

    public void Markup(string markup) => _io.Console.MarkupLine(markup);

    // Messages are one line each: never wrapped by the console, so logs and scripts can rely on them.
    public void Notice(string message) => ErrorLine("yellow", "note:", message);

    public void Error(string message) => ErrorLine("red", "sigma:", message);

    private void ErrorLine(string colour, string label, string message)
    {
        var flat = message.ReplaceLineEndings(" ");
        if (_io.ErrorAnsi)
        {
            _io.Error.WriteLine($"\u001b[{(colour == "red" ? "31" : "33")}m{label}\u001b[0m {flat}");
        }
        else
        {
            _io.Error.WriteLine($"{label} {flat}");
        }

        _io.Error.Flush();
    }

    public void Raw(string text)
    {
        _io.Out.Write(text);
        _io.Out.Flush();
    }

    /// <summary>Runs long work with a progress bar on stderr when it is a terminal; silently otherwise.</summary>
    public async Task<T> WithProgressAsync<T>(string title, Func<IProgress<ProgressUpdate>, Task<T>> work)
    {
        if (!_io.ErrorAnsi)
        {
            return await work(new Progress<ProgressUpdate>(_ => { })).ConfigureAwait(false);
        }

        T result = default!;
        await _io.ErrorConsole.Progress()
            .AutoClear(true)
            .HideCompleted(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn { Width = 20 }, new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                var tasks = new Dictionary<string, ProgressTask>(StringComparer.Ordinal);
                var sink = new SynchronousProgress(u =>
                {
                    if (!tasks.TryGetValue(u.Stage, out var task))
                    {
                        task = ctx.AddTask($"{title}: {u.Stage}", maxValue: Math.Max(1, u.Total ?? 1));
                        task.IsIndeterminate = u.Total is null;
                        tasks[u.Stage] = task;
                    }

                    if (u.Total is { } total)
                    {
                        task.IsIndeterminate = false;
                        task.MaxValue = Math.Max(1, total);
                    }

                    task.Value = u.Done;
                    var detail = u.Detail is null ? string.Empty : $" [grey]{Spectre.Console.Markup.Escape(Short(u.Detail))}[/]";
                    var amount = u.Unit == "bytes"
                        ? $"{Megabytes(u.Done)}{(u.Total is { } tb ? $"/{Megabytes(tb)}" : string.Empty)} MB"
                        : $"{u.Done:N0}{(u.Total is { } t ? $"/{t:N0}" : string.Empty)}";
                    task.Description = $"{Spectre.Console.Markup.Escape(title)}: {Spectre.Console.Markup.Escape(u.Stage)} {amount}{detail}";
                });
                result = await work(sink).ConfigureAwait(false);
                foreach (var t in tasks.Values)
                {
                    t.Value = t.MaxValue;
                }
            }).ConfigureAwait(false);
        return result;
    }

    private static string Short(string s) => s.Length <= 60 ? s : "…" + s[^59..];

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Reports on the caller's thread (Progress&lt;T&gt; would post to the thread pool, out of order).</summary>
    private sealed class SynchronousProgress(Action<ProgressUpdate> report) : IProgress<ProgressUpdate>
    {
        private readonly Lock _gate = new();

        public void Report(ProgressUpdate value)
        {
            lock (_gate)
            {
                report(value);
            }
        }
    }
}
