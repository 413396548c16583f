using System.Text;
using Microsoft.Extensions.AI;

namespace SigmaNex.Core.Context;

/// <summary>
/// Builds the messages for a model: the system prompt and the strategy's instructions, the conversation
/// so far, and the question with the retrieved protocols (each with its id, for citation) — all within a
/// token budget computed from the model's context size. Always kept: the system prompt, the question and
/// the top protocol (shortened if it must be). Then, while they fit: the other protocols in rank order,
/// and the history from the newest turn back.
/// </summary>
public sealed class ContextBuilder
{
    /// <summary>The emergency strategy keeps the model's part short: the card has said the essential.</summary>
    public const int EmergencyAnswerTokens = 300;

    private const int MinTopTokens = 120;

    private readonly PromptTemplates _templates;

    public ContextBuilder(PromptTemplates templates) => _templates = templates;

    public PromptContext Build(PromptRequest request)
    {
        var values = new Dictionary<string, string>(request.Values, StringComparer.Ordinal)
        {
            ["language_name"] = LanguageNames.Describe(request.Language),
            ["question"] = request.Question,
        };
        values.TryAdd("emergency_number", "the local emergency number");
        values.TryAdd("category", "emergency");
        values.TryAdd("card_title", "the protocol");

        var system = _templates.Render("system", values) + "\n\n" + _templates.Render(StrategyTemplate(request.Strategy), values);
        var answerTokens = Math.Min(
            request.Strategy == Strategy.Emergency ? Math.Min(request.MaxTokens, EmergencyAnswerTokens) : request.MaxTokens,
            request.ContextWindow / 2);
        var budget = request.ContextWindow - answerTokens;

        // Fixed costs: system prompt and the question template without grounding.
        values["grounding"] = string.Empty;
        var used = TokenEstimator.Message(system) + TokenEstimator.Message(_templates.Render("question", values));

        var included = new List<GroundingItem>();
        var truncated = false;
        for (var i = 0; i < request.Grounding.Count; i++)
        {
            var item = request.Grounding[i];
            var cost = TokenEstimator.Count(Format(item)) + 2;
            if (used + cost <= budget)
            {
                included.Add(item);
                used += cost;
            }
            else if (i == 0)
            {
                // The top protocol always goes in, shortened to what is left (but never to nothing).
                var room = Math.Max(MinTopTokens, budget - used - 2);
                var shortened = item with { Text = Shorten(item.Text, room * 3) };
                included.Add(shortened);
                used += TokenEstimator.Count(Format(shortened)) + 2;
                truncated = true;
            }
        }

        // History: newest first while it fits; whole turns only.
        var kept = new List<ConversationTurn>();
        for (var i = request.History.Count - 1; i >= 0; i--)
        {
            var turn = request.History[i];
            var cost = TokenEstimator.Message(turn.Question) + TokenEstimator.Message(turn.Answer);
            if (used + cost > budget)
            {
                break;
            }

            kept.Insert(0, turn);
            used += cost;
        }

        values["grounding"] = included.Count == 0 ? "(none found)" : string.Join("\n\n", included.Select(Format));
        var messages = new List<ChatMessage> { new(ChatRole.System, system) };
        foreach (var turn in kept)
        {
            messages.Add(new ChatMessage(ChatRole.User, turn.Question));
            messages.Add(new ChatMessage(ChatRole.Assistant, turn.Answer));
        }

        messages.Add(new ChatMessage(ChatRole.User, _templates.Render("question", values)));
        return new PromptContext
        {
            Messages = messages,
            EstimatedTokens = messages.Sum(m => TokenEstimator.Message(m.Text)),
            Budget = budget,
            AnswerTokens = answerTokens,
            HistoryIncluded = kept.Count,
            HistoryDropped = request.History.Count - kept.Count,
            GroundingIncluded = included.Select(g => g.Id).ToList(),
            TopTruncated = truncated,
        };
    }

    private static string StrategyTemplate(Strategy strategy) => strategy switch
    {
        Strategy.Emergency => "emergency",
        Strategy.Medical => "medical",
        _ => "general",
    };

    private static string Format(GroundingItem item) => $"[{item.Id}] {item.Title}\n{item.Text}";

    private static string Shorten(string text, int maxChars)
    {
        if (text.Length <= maxChars)
        {
            return text;
        }

        var cut = text.LastIndexOf('\n', Math.Max(0, maxChars - 1));
        return text[..(cut > maxChars / 2 ? cut : maxChars)] + "\n[…]";
    }
}
