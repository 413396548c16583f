using System.Globalization;
using Microsoft.Extensions.AI;
using SigmaNex.Core.Context;

namespace SigmaNex.Core.Translation;

/// <summary>
/// Translates through a chat model (<see cref="IChatClient"/>) at temperature 0 with a strict instruction.
/// Protected terms become [[n]] markers the model is told to keep; when a marker is lost, repeated or a number
/// appears from nowhere, the whole text is returned untranslated with a notice. A model error is reported the
/// same way rather than thrown.
/// </summary>
public sealed class LlmTranslator : ITranslator
{
    private readonly TranslationChat _chat;
    private readonly TermProtector _protector;

    public LlmTranslator(TranslationChat chat, TermProtector protector)
    {
        _chat = chat;
        _protector = protector;
    }

    public string Engine => $"llm:{_chat.Name}";

    public string ModelKey => _chat.Name;

    /// <summary>The instruction sent as the system message.</summary>
    public static string Instruction(string from, string to) =>
        $"""
        You translate first-aid instructions from {LanguageNames.Describe(from)} to {LanguageNames.Describe(to)}.
        Translate the user's message. Output only the translation: no notes, no quotes, no explanations, no preamble.
        Markers written like [[1]], [[2]] stand for doses, numbers, drug names and emergency numbers: copy every
        marker exactly as written, once, where it belongs in the sentence. Do not add, remove or change any number,
        dose, unit or drug name. Keep the line breaks, lists and punctuation of the original.
        """;

    public async Task<TranslationResult> TranslateAsync(TranslationRequest request, CancellationToken cancellationToken)
    {
        var masked = _protector.Protect(request.Text, request.From, request.To, PlaceholderStyle.Marker);
        if (!masked.NeedsTranslation)
        {
            return Result(masked.Restore(masked.Masked).Text ?? request.Text, false, []);
        }

        var options = new ChatOptions
        {
            Temperature = 0f,
            MaxOutputTokens = Math.Max(256, masked.Masked.Length),
        };
        _chat.Configure?.Invoke(options);
        string reply;
        try
        {
            var response = await _chat.Client.GetResponseAsync(
                [new ChatMessage(ChatRole.System, Instruction(request.From, request.To)), new ChatMessage(ChatRole.User, masked.Masked)],
                options,
                cancellationToken).ConfigureAwait(false);
            reply = Clean(response.Text);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return Result(request.Text, true, [$"the text was left in {LanguageNames.English(request.From)}: the translation model failed ({ex.Message.Split('\n')[0]})"]);
        }

        if (reply.Length == 0)
        {
            return Result(request.Text, true, [$"the text was left in {LanguageNames.English(request.From)}: the translation model gave an empty answer"]);
        }

        var restored = masked.Restore(reply);
        return restored.Ok
            ? Result(restored.Text!, false, [])
            : Result(request.Text, true, [string.Create(CultureInfo.InvariantCulture, $"the text was left in {LanguageNames.English(request.From)}: {restored.Problem}")]);

        TranslationResult Result(string text, bool fellBack, IReadOnlyList<string> notices) =>
            new(text, request.From, request.To, Engine, fellBack, notices);
    }

    /// <summary>Removes what chat models wrap answers in: surrounding whitespace, a code fence, quotes.</summary>
    private static string Clean(string text)
    {
        var t = text.Trim();
        if (t.StartsWith("```", StringComparison.Ordinal) && t.EndsWith("```", StringComparison.Ordinal) && t.Length >= 6)
        {
            t = t[3..^3];
            var newline = t.IndexOf('\n', StringComparison.Ordinal);
            if (newline >= 0 && !t[..newline].Contains(' ', StringComparison.Ordinal))
            {
                t = t[(newline + 1)..];
            }

            t = t.Trim();
        }

        if (t.Length >= 2 && t[0] == '"' && t[^1] == '"' && t.Count(c => c == '"') == 2)
        {
            t = t[1..^1].Trim();
        }

        return t;
    }
}
