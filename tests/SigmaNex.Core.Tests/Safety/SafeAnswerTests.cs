using SigmaNex.Core.Pipeline;
using SigmaNex.Tests;

namespace SigmaNex.Core.Tests.Safety;

/// <summary>The safety checks on a real model stream, through the Runner.</summary>
public sealed class SafeAnswerTests : IAsyncLifetime
{
    private FakeModelServer _server = null!;
    private TestEngine _engine = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeModelServer.StartAsync();
        _engine = await TestEngine.StartAsync(
            $"""
            backend: auto
            backend_order: [ollama, knowledge]
            request_timeout: 5
            ollama:
              host: {_server.BaseUri}
            """);
    }

    public async Task DisposeAsync()
    {
        await _engine.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task ModelRecommendingButterOnABurn_IsCorrected_BeforeTheReaderSeesIt()
    {
        _server.Answer = "Cool the burn under cool running water for 20 minutes [burns-scalds.en]. Then rub some butter on it to soothe the pain. Cover it loosely with cling film.";

        var (events, result) = await Collect("I spilled boiling water on my arm, what do I do?");

        Assert.Equal("ollama", result.Backend);
        var shown = string.Concat(events.OfType<TextEvent>().Where(t => t.Streamed).Select(t => t.Text));
        Assert.DoesNotContain("butter on it", shown, StringComparison.Ordinal);
        Assert.Contains("⚠ Do not put butter", shown, StringComparison.Ordinal);
        Assert.Contains("Cool the burn under cool running water", shown, StringComparison.Ordinal);
        Assert.Equal(shown.Trim(), result.Answer[result.Answer.IndexOf("Cool the burn under cool", StringComparison.Ordinal)..].Trim());
        var correction = Assert.Single(result.Safety);
        Assert.Equal("contradiction", correction.Kind);
        Assert.Contains(result.Notices, n => n.StartsWith("safety: replaced a sentence", StringComparison.Ordinal));
        Assert.Contains(events.OfType<NoticeEvent>(), n => n.Message.StartsWith("safety: replaced", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ModelInventingADose_LosesTheSentence_AndTheAnswerEndsWithHowToGetHelp()
    {
        _server.Answer = "Cool the burn under running water [burns-scalds.en]. Take 800 mg of ibuprofen every four hours.";

        var (_, result) = await Collect("How do I treat a small burn on my hand?");

        Assert.DoesNotContain("800 mg", result.Answer, StringComparison.Ordinal);
        Assert.Contains(result.Safety, c => c.Kind == "dose" && c.Reason.Contains("800 mg", StringComparison.Ordinal));
        Assert.Contains("112", result.Answer[result.Answer.IndexOf("Cool the burn under running", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    [Fact]
    public async Task NonMedicalAnswer_GetsNoDisclaimer()
    {
        _server.Answer = "Keep the freezer door shut; a full freezer stays cold for about 48 hours [blackout-food.en].";

        var (_, result) = await Collect("How long does food in the freezer last in a power cut?");

        Assert.Equal("general", result.Strategy);
        Assert.Empty(result.Safety);
        Assert.Equal(_server.Answer, result.Answer.Trim());
    }

    private Task<(List<AnswerEvent> Events, AnswerResult Result)> Collect(string question) =>
        _engine.CollectAsync(new AskRequest { Question = question });
}
