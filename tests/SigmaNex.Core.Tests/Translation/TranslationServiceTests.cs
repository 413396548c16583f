using Microsoft.Extensions.AI;
using SigmaNex.Core.Translation;
using SigmaNex.Tests;

namespace SigmaNex.Core.Tests.Translation;

/// <summary>Choosing a translator, the chat-model translator and its checks, and the cache.</summary>
public sealed class TranslationServiceTests : IDisposable
{
    private readonly TempDirectory _temp = new("translate");
    private readonly MarianModelCatalog _catalog;

    public TranslationServiceTests()
    {
        TranslationFixtures.CopyModel(_temp);
        _catalog = MarianModelCatalog.ForModels(_temp.File("models"));
    }

    public void Dispose()
    {
        _catalog.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task MarianPair_IsUsed_AndTheSecondCallComesFromTheCache()
    {
        var service = new TranslationService(_catalog, TermProtector.Default, TranslationFixtures.NewCache());

        var first = await service.TranslateAsync("take 500 mg of paracetamol.", "en", "es", CancellationToken.None);
        var runs = _catalog.Get("en", "es").EncoderRuns;
        var second = await service.TranslateAsync("take 500 mg of paracetamol.", "en", "es", CancellationToken.None);

        Assert.Equal("tomar 500 mg de paracetamol.", first.Text);
        Assert.Equal("marian:en-es", first.Engine);
        Assert.False(first.Cached);
        Assert.Equal(first.Text, second.Text);
        Assert.True(second.Cached);
        Assert.Equal(runs, _catalog.Get("en", "es").EncoderRuns);
        Assert.True(service.CanTranslate("en", "es"));
    }

    [Fact]
    public async Task NoTranslator_GivesTheSourceBackWithANotice()
    {
        var service = new TranslationService(_catalog, TermProtector.Default, TranslationFixtures.NewCache(), new FixedChatProvider(null));

        var result = await service.TranslateAsync("Call 112.", "en", "de", CancellationToken.None);

        Assert.Equal("Call 112.", result.Text);
        Assert.Equal(TranslationResult.NoEngine, result.Engine);
        Assert.True(result.FellBack);
        Assert.Contains(Path.Combine(_catalog.Root, "en-de"), Assert.Single(result.Notices));
        Assert.False(service.CanTranslate("en", "de"));
    }

    [Fact]
    public async Task BadInput_IsRefused()
    {
        var service = new TranslationService(_catalog, TermProtector.Default, TranslationFixtures.NewCache());

        Assert.Equal(SigmaErrorKind.InvalidInput, (await Assert.ThrowsAsync<SigmaException>(() => service.TranslateAsync(" ", "en", "es", CancellationToken.None))).Kind);
        Assert.Contains("unknown language code 'xx'", (await Assert.ThrowsAsync<SigmaException>(() => service.TranslateAsync("hi", "xx", "es", CancellationToken.None))).Message);
        await Assert.ThrowsAsync<SigmaException>(() => service.TranslateAsync(new TranslationRequest("hi", "en", "es", 0), CancellationToken.None));
    }

    [Fact]
    public async Task ChatModel_TranslatesWithMarkers_AtTemperatureZero()
    {
        var client = new ScriptedChatClient(text => text.Replace("Take", "Prendere", StringComparison.Ordinal).Replace(" of ", " di ", StringComparison.Ordinal)
            .Replace("call", "chiamare", StringComparison.Ordinal).Replace(" and ", " e ", StringComparison.Ordinal));
        var service = new TranslationService(_catalog, TermProtector.Default, TranslationFixtures.NewCache(), new FixedChatProvider(new TranslationChat(client, "fake/scripted")));

        var result = await service.TranslateAsync("Take 500 mg of adrenaline and call 112", "en", "it", CancellationToken.None);

        Assert.Equal("Prendere 500 mg di adrenalina e chiamare 112", result.Text);
        Assert.Equal("llm:fake/scripted", result.Engine);
        Assert.False(result.FellBack);
        Assert.Equal(0f, client.LastOptions?.Temperature);
        Assert.Equal("Take [[1]] of [[2]] and call [[3]]", client.Requests[0][^1].Text);
        Assert.Contains("Output only the translation", client.Requests[0][0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChatModel_ThatManglesADose_FallsBackToTheSource_AndIsNotCached()
    {
        var client = new ScriptedChatClient(_ => "Prendere 50 mg di [[2]]");
        var service = new TranslationService(_catalog, TermProtector.Default, TranslationFixtures.NewCache(), new FixedChatProvider(new TranslationChat(client, "fake/bad")));

        var result = await service.TranslateAsync("Take 500 mg of adrenaline", "en", "it", CancellationToken.None);
        await service.TranslateAsync("Take 500 mg of adrenaline", "en", "it", CancellationToken.None);

        Assert.Equal("Take 500 mg of adrenaline", result.Text);
        Assert.True(result.FellBack);
        Assert.Equal("the text was left in English: the translation lost \"500 mg\"", Assert.Single(result.Notices));
        Assert.Equal(2, client.Calls);
    }

    [Fact]
    public async Task ChatModel_ThatDropsAMarker_FallsBack()
    {
        var client = new ScriptedChatClient(_ => "Chiamare subito");
        var service = new TranslationService(_catalog, TermProtector.Default, TranslationFixtures.NewCache(), new FixedChatProvider(new TranslationChat(client, "fake/bad")));

        var result = await service.TranslateAsync("Call 112 now", "en", "it", CancellationToken.None);

        Assert.Equal("Call 112 now", result.Text);
        Assert.Equal("the text was left in English: the translation lost \"112\"", Assert.Single(result.Notices));
    }

    [Fact]
    public async Task ChatModel_ThatFails_FallsBackWithoutThrowing()
    {
        var client = new ScriptedChatClient(_ => throw new HttpRequestException("connection refused"));
        var service = new TranslationService(_catalog, TermProtector.Default, TranslationFixtures.NewCache(), new FixedChatProvider(new TranslationChat(client, "fake/down")));

        var result = await service.TranslateAsync("Call 112 now", "en", "it", CancellationToken.None);

        Assert.True(result.FellBack);
        Assert.Contains("connection refused", Assert.Single(result.Notices));
    }

    [Fact]
    public void MarianSentenceThatLosesATerm_IsLeftInTheSourceLanguage()
    {
        // The tiny model copies digits but drops "<unk>"; a placeholder made of an unknown character would be lost.
        var model = _catalog.Get("en", "es");
        var protector = TermProtector.Default;
        var masked = protector.Protect("take 500 mg of paracetamol.", "en", "es", PlaceholderStyle.Number);
        var translated = model.Translate([masked.Masked.Replace("901", "Q", StringComparison.Ordinal)], 1, CancellationToken.None)[0];

        var restored = masked.Restore(translated);

        Assert.Equal("tomar  de 902.", translated);
        Assert.Equal("the translation lost \"500 mg\"", restored.Problem);
    }

    [Fact]
    public async Task SameLanguage_IsReturnedAsIs()
    {
        var service = new TranslationService(_catalog, TermProtector.Default, TranslationFixtures.NewCache());

        var result = await service.TranslateAsync("Call 112", "EN", "en", CancellationToken.None);

        Assert.Equal(TranslationResult.IdentityEngine, result.Engine);
        Assert.False(result.FellBack);
    }
}
