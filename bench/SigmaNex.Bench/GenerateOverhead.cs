using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.AI;
using OllamaSharp;
using SigmaNex.Tests;

namespace SigmaNex.Bench;

/// <summary>What one chat request costs on the client side against the zero-latency fake server: raw HTTP vs OllamaSharp.</summary>
public static class GenerateOverhead
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 300;
        await using var server = await FakeModelServer.StartAsync().ConfigureAwait(false);
        server.Answer = "Answer.";
        var prompt = string.Join(' ', Enumerable.Repeat("Press hard on the wound with a clean cloth and keep pressing.", 100));
        using var http = new HttpClient { BaseAddress = server.BaseUri };
        var body = "{\"model\":\"mistral\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"" + prompt + "\"}]}";
        await TimeAsync("raw HttpClient POST /api/chat (stream, read to end)", count, async () =>
        {
            using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(new Uri("/api/chat", UriKind.Relative), content).ConfigureAwait(false);
            await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        }).ConfigureAwait(false);

        using var ollamaHttp = new HttpClient { BaseAddress = server.BaseUri, Timeout = Timeout.InfiniteTimeSpan };
        IChatClient client = new OllamaApiClient(ollamaHttp, "mistral");
        var messages = new List<ChatMessage> { new(ChatRole.System, "You are SIGMA-NEX."), new(ChatRole.User, prompt) };
        await TimeAsync("OllamaSharp IChatClient streaming", count, async () =>
        {
            await foreach (var _ in client.GetStreamingResponseAsync(messages, new ChatOptions { Temperature = 0.2f, MaxOutputTokens = 400 }).ConfigureAwait(false))
            {
            }
        }).ConfigureAwait(false);
        return 0;
    }

    private static async Task TimeAsync(string what, int count, Func<Task> action)
    {
        for (var i = 0; i < 30; i++)
        {
            await action().ConfigureAwait(false);
        }

        var ms = new List<double>();
        for (var i = 0; i < count; i++)
        {
            var sw = Stopwatch.StartNew();
            await action().ConfigureAwait(false);
            ms.Add(sw.Elapsed.TotalMilliseconds);
        }

        ms.Sort();
        Console.WriteLine($"| {what} | p50 {ms[count / 2]:0.00} ms | p99 {ms[(int)(count * 0.99)]:0.00} ms |");
    }
}

/// <summary>The Runner's stages against the zero-latency fake server over the shipped library.</summary>
public static class RunnerProfile
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 300;
        await using var server = await FakeModelServer.StartAsync().ConfigureAwait(false);
        server.Answer = args.Length > 1 ? args[1] : "Answer.";
        await using var engine = await BenchEngine.StartAsync(overrides: new Dictionary<string, string?>
        {
            ["ollama:host"] = server.BaseUri.ToString(),
            ["history:enabled"] = "false",
            ["retrieval:cache"] = "false",
        }).ConfigureAwait(false);
        var runner = engine.Get<SigmaNex.Core.Pipeline.Runner>();
        var questions = new[] { "How do I purify water by boiling?", "my friend is bleeding heavily from the leg", "how to keep food cold in a blackout", "what to do for a bee sting" };
        var stages = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        for (var i = 0; i < count + 30; i++)
        {
            var r = await runner.AskAsync(new SigmaNex.Core.Pipeline.AskRequest { Question = questions[i % questions.Length], Backend = "ollama", Persist = false }, CancellationToken.None).ConfigureAwait(false);
            if (i < 30)
            {
                continue;
            }

            foreach (var (k, v) in r.TimingsMs)
            {
                (stages.TryGetValue(k, out var l) ? l : stages[k] = []).Add(v);
            }
        }

        foreach (var (k, v) in stages)
        {
            v.Sort();
            Console.WriteLine($"{k}: p50 {v[v.Count / 2]:0.000} ms, mean {v.Average():0.000} ms");
        }

        return 0;
    }
}
