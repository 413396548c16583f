using SigmaNex.Core.Context;

namespace SigmaNex.Core.Tests.Context;

public sealed class ContextBuilderTests
{
    private readonly ContextBuilder _builder = new(new PromptTemplates());

    [Fact]
    public void Build_ThousandTurnConversation_StaysWithinBudget_KeepingTheNewestTurns()
    {
        var history = Enumerable.Range(1, 1000)
            .Select(i => new ConversationTurn($"Question number {i} about water, fire and shelter?", $"Answer number {i}: " + new string('x', 300)))
            .ToList();

        var context = _builder.Build(Request(history, contextWindow: 4096, maxTokens: 1024));

        Assert.True(context.EstimatedTokens <= context.Budget, $"{context.EstimatedTokens} > {context.Budget}");
        Assert.Equal(4096 - 1024, context.Budget);
        Assert.True(context.HistoryIncluded > 0);
        Assert.Equal(1000, context.HistoryIncluded + context.HistoryDropped);
        Assert.Contains("Question number 1000 ", context.Messages[^3].Text, StringComparison.Ordinal);
        Assert.DoesNotContain(context.Messages, m => m.Text.Contains("Question number 1 ", StringComparison.Ordinal));
        Assert.Contains("What do I do?", context.Messages[^1].Text, StringComparison.Ordinal);
        Assert.Contains("[top.en]", context.Messages[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_TinyContext_StillKeepsTheQuestionAndTheTopProtocol()
    {
        var grounding = new[] { new GroundingItem("top.en", "Top", new string('t', 20_000)), new GroundingItem("second.en", "Second", "second text") };

        var context = _builder.Build(Request([new ConversationTurn("old", "old answer")], contextWindow: 512, maxTokens: 256) with { Grounding = grounding });

        Assert.True(context.TopTruncated);
        Assert.Equal(["top.en"], context.GroundingIncluded);
        Assert.Equal(0, context.HistoryIncluded);
        Assert.Contains("What do I do?", context.Messages[^1].Text, StringComparison.Ordinal);
        Assert.Contains("[top.en]", context.Messages[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_Strategies_AddTheirInstructions_AndEmergencyKeepsTheAnswerShort()
    {
        var emergency = _builder.Build(Request([], 4096, 1024) with { Strategy = Strategy.Emergency, Values = new Dictionary<string, string> { ["emergency_number"] = "112", ["card_title"] = "Severe bleeding" } });
        var medical = _builder.Build(Request([], 4096, 1024) with { Strategy = Strategy.Medical });

        Assert.Contains("Severe bleeding", emergency.Messages[0].Text, StringComparison.Ordinal);
        Assert.Contains("call\n112 now", emergency.Messages[0].Text.Replace(" 112", "\n112", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(ContextBuilder.EmergencyAnswerTokens, emergency.AnswerTokens);
        Assert.Contains("This is a medical question", medical.Messages[0].Text, StringComparison.Ordinal);
        Assert.Contains("Answer in Italian (italiano)", _builder.Build(Request([], 4096, 1024) with { Language = "it" }).Messages[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Templates_FromAFolder_OverrideTheBuiltInOnes_AndConfigOverridesTheSystemPrompt()
    {
        using var temp = new SigmaNex.Tests.TempDirectory("prompts");
        temp.Write("general.md", "CUSTOM GENERAL {{language_name}}");
        var builder = new ContextBuilder(new PromptTemplates(temp.Path, systemPrompt: "Sei SIGMA-NEX."));

        var context = builder.Build(Request([], 4096, 1024));

        Assert.StartsWith("Sei SIGMA-NEX.\n\nCUSTOM GENERAL English", context.Messages[0].Text, StringComparison.Ordinal);
    }

    private static PromptRequest Request(IReadOnlyList<ConversationTurn> history, int contextWindow, int maxTokens) => new()
    {
        Question = "What do I do?",
        Language = "en",
        Strategy = Strategy.General,
        Grounding = [new GroundingItem("top.en", "Top protocol", "Step one. Step two."), new GroundingItem("second.en", "Second", "More.")],
        History = history,
        ContextWindow = contextWindow,
        MaxTokens = maxTokens,
    };
}
