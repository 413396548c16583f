using System.Globalization;
using System.Text.Json.Nodes;
using System.CommandLine;
using SigmaNex.Core.Language;
using SigmaNex.Core.Security;

namespace SigmaNex.Cli.Commands;

/// <summary><c>sigma detect "&lt;text&gt;"</c>: the language of a text, its confidence and the runners-up.</summary>
internal static class DetectCommand
{
    public static Command Create(Func<CliContext> context)
    {
        var text = QuestionInput.Argument("text", "The text whose language to detect");
        var json = CommonOptions.Json();
        var command = new Command("detect", "Detect the language of a text (\"und\" when it cannot tell)") { text, json };
        command.SetAction((parse, ct) =>
        {
            var ctx = context();
            var max = ctx.Config.Options.Security.MaxQueryLength;
            var input = QueryValidator.Validate(QuestionInput.Read(ctx, parse, parse.GetValue(text) ?? [], "text", max), max, "text");
            var guess = ctx.Get<ILanguageDetector>().Detect(input);
            var top = guess.Candidates.Take(3).ToList();
            if (parse.GetValue(json))
            {
                ctx.Output.Json(new JsonObject
                {
                    ["language"] = guess.Language,
                    ["confidence"] = guess.Confidence,
                    ["candidates"] = new JsonArray(top.Select(c => (JsonNode?)new JsonObject { ["language"] = c.Language, ["score"] = c.Score }).ToArray()),
                });
                return Task.FromResult(ExitCodes.Ok);
            }

            ctx.Output.Line(string.Create(CultureInfo.InvariantCulture, $"{guess.Language} (confidence {guess.Confidence:0.000})"));
            if (top.Count > 0)
            {
                ctx.Output.Line("candidates: " + string.Join(", ", top.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Language} {c.Score:0.000}"))));
            }

            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }
}
