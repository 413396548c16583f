using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;
using SigmaNex.Tests;

namespace SigmaNex.Core.Tests.Translation;

/// <summary>The tiny Marian test model and helpers shared by the translation tests.</summary>
internal static class TranslationFixtures
{
    public static string Models { get; } = Path.Combine(RepoPaths.Root, "tests", "models");

    public static string EnEs { get; } = Path.Combine(Models, "marian", "en-es");

    /// <summary>A models folder of its own holding a copy of the en-es model: <c>&lt;temp&gt;/models/marian/en-es</c>.</summary>
    public static string CopyModel(TempDirectory temp) => CopyModelTo(temp.Folder("models"));

    /// <summary>Copies the en-es model into <c>&lt;models&gt;/marian/en-es</c> (the layout the catalog reads).</summary>
    public static string CopyModelTo(string models)
    {
        var target = Path.Combine(models, "marian", "en-es");
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(EnEs))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
        }

        return target;
    }

    public static HybridCache NewCache() =>
        new ServiceCollection().AddHybridCache().Services.BuildServiceProvider().GetRequiredService<HybridCache>();
}

/// <summary>A chat model that answers with a scripted function of the user's message, and counts its calls.</summary>
internal sealed class ScriptedChatClient(Func<string, string> reply) : IChatClient
{
    public int Calls { get; private set; }

    public List<IList<ChatMessage>> Requests { get; } = [];

    public ChatOptions? LastOptions { get; private set; }

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Calls++;
        var list = messages.ToList();
        Requests.Add(list);
        LastOptions = options;
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, reply(list.Last(m => m.Role == ChatRole.User).Text))));
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("the translator does not stream");

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}

/// <summary>Hands out a fixed chat model (or none).</summary>
internal sealed class FixedChatProvider(Core.Translation.TranslationChat? chat) : Core.Translation.ITranslationChatProvider
{
    public Core.Translation.TranslationChat? LastKnown { get; private set; }

    public Task<Core.Translation.TranslationChat?> GetAsync(CancellationToken cancellationToken)
    {
        LastKnown = chat;
        return Task.FromResult(chat);
    }
}
