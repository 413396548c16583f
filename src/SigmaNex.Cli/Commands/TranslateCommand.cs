using System.CommandLine;
using System.Text.Json.Nodes;
using SigmaNex.Core;
using SigmaNex.Core.Language;
using SigmaNex.Core.Security;
using SigmaNex.Core.Translation;

namespace SigmaNex.Cli.Commands;

internal static class TranslateCommand
{
    public static Command Create(Func<CliContext> context)
    {
        var text = QuestionInput.Argument("text", "The text to translate (or - to read standard input)");
        var to = new Option<string>("--to", "-t") { Description = "The language to translate into (two-letter code)", Required = true };
        var from = new Option<string?>("--from", "-f") { Description = "The language of the text (default: detected)" };
        var beam = new Option<int?>("--beam") { Description = "Beam width for Marian models, 1 (greedy) to 16 (default: the model's num_beams)" };
        var json = CommonOptions.Json();
        var command = new Command("translate", "Translate a text offline with a Marian model (models/marian/<from>-<to>/), or else the chat model; doses, drug names and emergency numbers are kept")
        {
            text, to, from, beam, json,
        };
        command.SetAction(async (parse, ct) =>
        {
            var ctx = context();
            var max = ctx.Config.Options.Security.MaxQueryLength;
            var input = QueryValidator.Validate(QuestionInput.Read(ctx, parse, parse.GetValue(text) ?? [], "text", max), max, "text");
            var target = TranslationService.Normalize(parse.GetValue(to)!, "--to");
            var beamWidth = parse.GetValue(beam) is { } b and (< 1 or > 16)
                ? throw SigmaException.Input($"--beam must be between 1 and 16 (got {b})")
                : parse.GetValue(beam);
            var source = parse.GetValue(from) is { } given ? TranslationService.Normalize(given, "--from") : Detect(ctx, input);

            var service = ctx.Get<TranslationService>();
            var result = await service.TranslateAsync(new TranslationRequest(input, source, target, beamWidth), ct).ConfigureAwait(false);
            if (result.Engine == TranslationResult.NoEngine)
            {
                throw new SigmaException(SigmaErrorKind.Backend,
                    $"no translator for {source} → {target}: put a Marian model (ONNX export) in {service.Marian.FolderFor(source, target)}/ or start a chat model backend (see docs/LANGUAGE.md)");
            }

            if (parse.GetValue(json))
            {
                ctx.Output.Json(new JsonObject
                {
                    ["text"] = result.Text,
                    ["source"] = input,
                    ["from"] = result.From,
                    ["to"] = result.To,
                    ["engine"] = result.Engine,
                    ["fell_back"] = result.FellBack,
                    ["cached"] = result.Cached,
                    ["notices"] = new JsonArray(result.Notices.Select(n => (JsonNode?)n).ToArray()),
                });
                return ExitCodes.Ok;
            }

            ctx.Output.Raw(result.Text.EndsWith('\n') ? result.Text : result.Text + "\n");
            // Only the translation on standard output, so it can be redirected; the rest on standard error.
            ctx.IO.Error.WriteLine($"engine: {result.Engine} ({result.From} → {result.To}{(result.Cached ? ", cached" : string.Empty)})");
            foreach (var notice in result.Notices)
            {
                ctx.Output.Notice(notice);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Detect(CliContext ctx, string input)
    {
        var guess = ctx.Get<ILanguageDetector>().Detect(input);
        return guess.IsKnown
            ? TranslationService.Normalize(guess.Language, "the detected language")
            : throw SigmaException.Input("cannot tell the language of the text; give it with --from (e.g. --from en)");
    }
}
