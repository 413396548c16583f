using System.CommandLine;
using System.Text.Json.Nodes;
using SigmaNex.Core.Contracts;
using SigmaNex.Core.Pipeline;
using SigmaNex.Core.Security;
using SigmaNex.Core.Triage;
using Spectre.Console;

namespace SigmaNex.Cli.Commands;

internal static class TriageCommand
{
    public static Command Create(Func<CliContext> context)
    {
        var text = QuestionInput.Argument("text", "The situation or question to classify");
        var json = CommonOptions.Json();
        var command = new Command("triage", "Tell whether a message describes a life-threatening emergency, and which") { text, json };
        command.SetAction((parse, ct) =>
        {
            var ctx = context();
            var max = ctx.Config.Options.Security.MaxQueryLength;
            var input = QueryValidator.Validate(QuestionInput.Read(ctx, parse, parse.GetValue(text) ?? [], "text", max), max, "text");
            var language = ctx.Get<Runner>().ResolveLanguage(null, input);
            var result = ctx.Get<TriageClassifier>().Classify(input, language);
            var info = ContractMapper.ToEmergency(result);
            if (parse.GetValue(json))
            {
                var node = new JsonObject
                {
                    ["detected"] = info.Detected,
                    ["category"] = info.Category,
                    ["severity"] = info.Severity ?? "none",
                    ["protocol"] = info.Protocol,
                    ["evidence"] = new JsonArray(info.Evidence.Select(e => (JsonNode?)e).ToArray()),
                    ["language"] = result.Language,
                    ["also_matched"] = new JsonArray(result.AlsoMatched.Select(e => (JsonNode?)e).ToArray()),
                    ["decision"] = result.Decision,
                    ["learned_score"] = result.LearnedScore is { } score ? Math.Round(score, 3) : null,
                };
                ctx.Output.Json(node);
                return Task.FromResult(ExitCodes.Ok);
            }

            if (!result.Detected)
            {
                ctx.Output.Line(result.Severity != Severity.Minor
                    ? "No emergency detected."
                    : result.Decision == "veto"
                        ? $"No emergency detected: the learned stage overruled the pattern ({string.Join(", ", result.Evidence.Select(e => $"\"{e}\""))}, {result.Category}), p={result.LearnedScore:F3}; protocol {result.ProtocolId} hinted."
                        : $"No emergency detected (minor {result.Category}; protocol {result.ProtocolId}).");
                return Task.FromResult(ExitCodes.Ok);
            }

            var colour = result.Severity == Severity.Critical ? "red" : "yellow";
            ctx.Output.Markup($"[bold {colour}]{result.Severity.ToString().ToUpperInvariant()}[/] {Markup.Escape(result.Category!)} → protocol {Markup.Escape(result.ProtocolId ?? "-")}");
            var source = result.Decision == "learned" ? $"learned stage, no pattern matched, p={result.LearnedScore:F2}" : "patterns";
            ctx.Output.Markup($"[grey]evidence ({Markup.Escape(source)}):[/] {Markup.Escape(string.Join(", ", result.Evidence.Select(e => $"\"{e}\"")))}");
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }
}
