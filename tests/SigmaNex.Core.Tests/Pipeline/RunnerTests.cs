using SigmaNex.Core;
using SigmaNex.Core.Pipeline;

namespace SigmaNex.Core.Tests.Pipeline;

public sealed class RunnerTests : IAsyncLifetime
{
    private TestEngine _engine = null!;

    public async Task InitializeAsync() => _engine = await TestEngine.StartAsync();

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task Stream_Emergency_CardIsTheFirstItem()
    {
        var events = await Collect("My friend is bleeding heavily from the leg");

        var card = Assert.IsType<EmergencyCardEvent>(events[0]);
        Assert.Equal("severe_bleeding", card.Triage.Category);
        Assert.Equal("severe-bleeding", card.Card.ProtocolId);
        Assert.Contains("112", card.Card.CallLine, StringComparison.Ordinal);
        Assert.IsType<CompletedEvent>(events[^1]);
    }

    [Fact]
    public async Task Ask_KnowledgeOnly_AnswersWithStepsWarningsHelpAndSources()
    {
        var result = await _engine.Get<Runner>().AskAsync(new AskRequest { Question = "How do I purify water by boiling?" }, CancellationToken.None);

        Assert.Equal("knowledge", result.Backend);
        Assert.Equal("en", result.Language);
        Assert.False(result.Emergency.Detected);
        Assert.Contains("1. ", result.Answer, StringComparison.Ordinal);
        Assert.Contains("**Do not**", result.Answer, StringComparison.Ordinal);
        Assert.Contains("**Get help**", result.Answer, StringComparison.Ordinal);
        Assert.Equal("water-boiling.en", result.Sources[0].Id);
        Assert.True(result.TimingsMs.ContainsKey("total"));
    }

    [Fact]
    public async Task Ask_ItalianQuestion_GetsItalianProtocolAndHeadings()
    {
        var result = await _engine.Get<Runner>().AskAsync(new AskRequest { Question = "Come si fa a bollire l'acqua per renderla potabile?" }, CancellationToken.None);

        Assert.Equal("it", result.Language);
        Assert.Equal("water-boiling.it", result.Sources[0].Id);
        Assert.Contains("**Cosa fare**", result.Answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_OutsideTheKnowledgeBase_SaysSoInsteadOfGuessing()
    {
        var result = await _engine.Get<Runner>().AskAsync(new AskRequest { Question = "What is the capital of Mongolia and its stock exchange index?" }, CancellationToken.None);

        Assert.Contains("does not cover this question", result.Answer, StringComparison.Ordinal);
        Assert.Empty(result.Sources);
    }

    [Fact]
    public async Task Ask_RetrievalOff_SaysTheKnowledgeBaseWasNotSearched()
    {
        var result = await _engine.Get<Runner>().AskAsync(new AskRequest { Question = "how to light a fire", RetrievalEnabled = false }, CancellationToken.None);

        Assert.Contains(result.Notices, n => n.Contains("retrieval is off", StringComparison.Ordinal));
        Assert.Empty(result.Sources);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \t ")]
    [InlineData("bleeding\u0007")]
    public async Task Ask_BadQuestion_IsRefusedAsInput(string question)
    {
        var ex = await Assert.ThrowsAsync<SigmaException>(() => _engine.Get<Runner>().AskAsync(new AskRequest { Question = question }, CancellationToken.None));

        Assert.Equal(SigmaErrorKind.InvalidInput, ex.Kind);
    }

    [Fact]
    public async Task Ask_FollowUp_IsSearchedWithTheQuestionItFollows()
    {
        var runner = _engine.Get<Runner>();
        var first = await runner.AskAsync(new AskRequest { Question = "How do I purify river water?" }, CancellationToken.None);

        var alone = await runner.AskAsync(new AskRequest { Question = "which one is the quickest?", Persist = false }, CancellationToken.None);
        var followUp = await runner.AskAsync(new AskRequest { Question = "which one is the quickest?", ConversationId = first.ConversationId }, CancellationToken.None);
        var next = await runner.AskAsync(new AskRequest { Question = "and if I have no fire?", ConversationId = first.ConversationId }, CancellationToken.None);

        Assert.DoesNotContain(alone.Sources, s => s.Id.StartsWith("water-", StringComparison.Ordinal));
        Assert.StartsWith("water-", followUp.Sources[0].Id, StringComparison.Ordinal);
        Assert.True(followUp.TimingsMs.ContainsKey("retrieval.follow_up"));
        Assert.StartsWith("water-", next.Sources[0].Id, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_NewTopicInAConversation_StandsAlone()
    {
        var runner = _engine.Get<Runner>();
        var first = await runner.AskAsync(new AskRequest { Question = "How do I purify river water?" }, CancellationToken.None);

        var result = await runner.AskAsync(new AskRequest { Question = "my friend has a nosebleed, what do I do", ConversationId = first.ConversationId }, CancellationToken.None);

        Assert.Equal("nosebleed.en", result.Sources[0].Id);
        Assert.False(result.TimingsMs.ContainsKey("retrieval.follow_up"));
    }

    [Theory]
    [InlineData("how long does it take?", "en", 2, true)]
    [InlineData("and if I have no fire?", "en", 2, true)]
    [InlineData("quickest?", "en", 1, true)]
    [InlineData("my friend has a nosebleed", "en", 2, false)]
    [InlineData("my son has a nosebleed, should he lean forward or back?", "en", 4, false)]
    [InlineData("e se non ho il fuoco?", "it", 1, true)]
    [InlineData("quanto dura questo?", "it", 2, true)]
    [InlineData("und wie lange dauert das?", "de", 2, true)]
    [InlineData("mon fils saigne du nez", "fr", 3, false)]
    public void FollowUp_Continues(string question, string language, int contentWords, bool expected) =>
        Assert.Equal(expected, FollowUp.Continues(question, language, contentWords));

    private async Task<List<AnswerEvent>> Collect(string question)
    {
        var list = new List<AnswerEvent>();
        await foreach (var e in _engine.Get<Runner>().StreamAsync(new AskRequest { Question = question }, CancellationToken.None))
        {
            list.Add(e);
        }

        return list;
    }
}
