using System.CommandLine;
using System.Text.Json.Nodes;
using SigmaNex.Core;
using SigmaNex.Core.Configuration;
using SigmaNex.Core.Evaluation;
using SigmaNex.Core.Language;
using SigmaNex.Core.Retrieval;
using SigmaNex.Core.Triage;
using Spectre.Console;

namespace SigmaNex.Cli.Commands;

/// <summary>
/// <c>sigma eval</c>: measures retrieval on a labelled query set (the default is the project's own
/// protocol set), and with other flags the other evaluations.
/// </summary>
internal static class EvalCommand
{
    public static Command Create(Func<CliContext> context)
    {
        var set = new Argument<string?>("set") { Description = "A labelled set (JSON lines or TSV); default: evals/retrieval/protocols.jsonl", Arity = ArgumentArity.ZeroOrOne };
        var json = CommonOptions.Json();
        var keywordOnly = new Option<bool>("--keyword-only") { Description = "Rank with BM25 only" };
        var misses = new Option<int>("--misses") { Description = "Print up to this many failures", DefaultValueFactory = _ => 0 };
        var triageFlag = new Option<bool>("--triage") { Description = "Measure emergency triage (recall, false positives, category accuracy) instead; default set: evals/triage/test.jsonl" };
        var rulesOnly = new Option<bool>("--rules-only") { Description = "With --triage: measure the lexicon rules without the learned stage" };
        var languageFlag = new Option<bool>("--language") { Description = "Measure language detection (accuracy overall, per language and kind, top confusions) instead; default sets: evals/language/sentences.tsv and queries.tsv" };
        var command = new Command("eval", "Measure search quality (hit@1, hit@3, MRR@10, nDCG@10), triage with --triage, or language detection with --language, on a labelled set") { set, json, keywordOnly, misses, triageFlag, rulesOnly, languageFlag };
        command.SetAction(async (parse, ct) =>
        {
            var ctx = context();
            if (parse.GetValue(triageFlag) && parse.GetValue(languageFlag))
            {
                throw SigmaException.Input("--triage and --language measure different things; give one");
            }

            if (parse.GetValue(rulesOnly) && !parse.GetValue(triageFlag))
            {
                throw SigmaException.Input("--rules-only goes with --triage");
            }

            if (parse.GetValue(languageFlag))
            {
                var paths = parse.GetValue(set) is { } one
                    ? [Resolve(ctx, one, "language/sentences.tsv")]
                    : new[] { Resolve(ctx, null, "language/sentences.tsv"), Resolve(ctx, null, "language/queries.tsv") };
                var languageReport = LanguageEvaluation.Evaluate(paths.SelectMany(LanguageEvaluation.Read).ToList(), ctx.Get<ILanguageDetector>());
                PrintLanguage(ctx, paths, languageReport, parse.GetValue(json), parse.GetValue(misses));
                return ExitCodes.Ok;
            }

            if (parse.GetValue(triageFlag))
            {
                var triageSet = Resolve(ctx, parse.GetValue(set), "triage/test.jsonl");
                var classifier = ctx.Get<TriageClassifier>();
                var triageReport = TriageEvaluator.Evaluate(TriageEvaluator.Read(triageSet), parse.GetValue(rulesOnly) ? classifier.RulesOnly : classifier);
                PrintTriage(ctx, triageSet, triageReport, parse.GetValue(json), parse.GetValue(misses));
                return ExitCodes.Ok;
            }

            var path = Resolve(ctx, parse.GetValue(set), "retrieval/protocols.jsonl");
            var cases = EvalSets.ReadRetrieval(path);
            await ctx.ReadyAsync(ct).ConfigureAwait(false);
            var triage = ctx.Get<TriageClassifier>();
            var evaluator = new RetrievalEvaluator(ctx.Get<Retriever>());
            var report = await evaluator.EvaluateAsync(cases, hybrid: !parse.GetValue(keywordOnly), q => triage.Classify(q) is var t ? (t.Detected, t.ProtocolId) : default, ct).ConfigureAwait(false);
            Print(ctx, path, parse.GetValue(keywordOnly) ? "bm25" : "hybrid", report, parse.GetValue(json), parse.GetValue(misses));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>An explicit set path, or the project's own set beside the protocol library.</summary>
    public static string Resolve(CliContext ctx, string? explicitPath, string defaultRelative)
    {
        if (explicitPath is not null)
        {
            return Path.GetFullPath(explicitPath, ctx.Environment.CurrentDirectory);
        }

        var candidates = new[]
        {
            ctx.Environment.Get(SigmaPaths.RootVariable) is { } root ? Path.Combine(root, "evals", defaultRelative) : null,
            Path.Combine(Path.GetDirectoryName(ctx.Config.Paths.KnowledgeDirectory)!, "evals", defaultRelative),
        };
        return candidates.FirstOrDefault(c => c is not null && File.Exists(c))
            ?? throw SigmaException.Input($"no evaluation set given and evals/{defaultRelative} was not found; pass the file");
    }

    public static JsonObject ToJson(RetrievalMetrics m) => new()
    {
        ["queries"] = m.Queries,
        ["hit@1"] = m.HitAt1,
        ["hit@3"] = m.HitAt3,
        ["mrr@10"] = m.MrrAt10,
        ["ndcg@10"] = m.NdcgAt10,
    };

    private static void Print(CliContext ctx, string path, string ranker, RetrievalEvaluator.Report report, bool json, int misses)
    {
        if (json)
        {
            ctx.Output.Json(new JsonObject
            {
                ["set"] = path,
                ["ranker"] = ranker,
                ["overall"] = ToJson(report.Overall),
                ["by_language"] = new JsonObject(report.ByLanguage.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)ToJson(kv.Value)))),
                ["by_kind"] = new JsonObject(report.ByKind.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)ToJson(kv.Value)))),
                ["misses"] = new JsonArray(report.Misses.Take(Math.Max(misses, 0)).Select(m => (JsonNode?)new JsonObject
                {
                    ["query"] = m.Query, ["lang"] = m.Language,
                    ["expected"] = new JsonArray(m.Expected.Select(e => (JsonNode?)e).ToArray()),
                    ["got"] = new JsonArray(m.Got.Select(g => (JsonNode?)g).ToArray()),
                }).ToArray()),
            });
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumns("set", "queries", "hit@1", "hit@3", "MRR@10", "nDCG@10");
        void Row(string name, RetrievalMetrics m) => table.AddRow(name, m.Queries.ToString(System.Globalization.CultureInfo.InvariantCulture), F(m.HitAt1), F(m.HitAt3), F(m.MrrAt10), F(m.NdcgAt10));
        Row($"all ({ranker})", report.Overall);
        foreach (var (lang, m) in report.ByLanguage)
        {
            Row($"  {lang}", m);
        }

        foreach (var (kind, m) in report.ByKind)
        {
            Row($"  {kind}", m);
        }

        ctx.Output.Console.Write(table);
        foreach (var m in report.Misses.Take(misses))
        {
            ctx.Output.Line($"miss [{m.Language}] {m.Query} → expected {string.Join("/", m.Expected)}, got {string.Join(", ", m.Got)}");
        }
    }

    private static JsonObject ToJson(TriageEvaluator.Metrics m) => new()
    {
        ["emergencies"] = m.Emergencies,
        ["non_emergencies"] = m.NonEmergencies,
        ["recall"] = m.Recall,
        ["false_positive_rate"] = m.FalsePositiveRate,
        ["category_accuracy"] = m.CategoryAccuracy,
    };

    private static void PrintTriage(CliContext ctx, string path, TriageEvaluator.Report report, bool json, int misses)
    {
        if (json)
        {
            ctx.Output.Json(new JsonObject
            {
                ["set"] = path,
                ["overall"] = ToJson(report.Overall),
                ["by_language"] = new JsonObject(report.ByLanguage.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)ToJson(kv.Value)))),
                ["by_kind"] = new JsonObject(report.ByKind.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)ToJson(kv.Value)))),
                ["misses"] = new JsonArray(report.Misses.Take(Math.Max(0, misses)).Select(m => (JsonNode?)new JsonObject
                {
                    ["text"] = m.Text, ["lang"] = m.Language, ["expected"] = m.Expected, ["got"] = m.Got,
                }).ToArray()),
            });
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumns("set", "emergencies", "others", "recall", "false positives", "category accuracy");
        void Row(string name, TriageEvaluator.Metrics m) => table.AddRow(name, m.Emergencies.ToString(System.Globalization.CultureInfo.InvariantCulture),
            m.NonEmergencies.ToString(System.Globalization.CultureInfo.InvariantCulture), F(m.Recall), F(m.FalsePositiveRate), F(m.CategoryAccuracy));
        Row("all", report.Overall);
        foreach (var (lang, m) in report.ByLanguage)
        {
            Row($"  {lang}", m);
        }

        foreach (var (kind, m) in report.ByKind)
        {
            Row($"  {kind}", m);
        }

        ctx.Output.Console.Write(table);
        foreach (var m in report.Misses.Take(misses))
        {
            ctx.Output.Line($"miss [{m.Language}] {m.Text} → expected {m.Expected}, got {m.Got}");
        }
    }

    private static JsonObject ToJson(LanguageEvaluation.Metrics m) => new()
    {
        ["texts"] = m.Texts,
        ["correct"] = m.Correct,
        ["undetermined"] = m.Undetermined,
        ["accuracy"] = m.Accuracy,
    };

    private static void PrintLanguage(CliContext ctx, IReadOnlyList<string> paths, LanguageEvaluation.Report report, bool json, int misses)
    {
        const int TopConfusions = 10;
        if (json)
        {
            ctx.Output.Json(new JsonObject
            {
                ["sets"] = new JsonArray(paths.Select(p => (JsonNode?)p).ToArray()),
                ["overall"] = ToJson(report.Overall),
                ["by_language"] = new JsonObject(report.ByLanguage.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)ToJson(kv.Value)))),
                ["by_kind"] = new JsonObject(report.ByKind.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)ToJson(kv.Value)))),
                ["confusions"] = new JsonArray(report.Confusions.Take(TopConfusions).Select(c => (JsonNode?)new JsonObject
                {
                    ["expected"] = c.Expected, ["got"] = c.Got, ["count"] = c.Count, ["example"] = c.Example,
                }).ToArray()),
                ["misses"] = new JsonArray(report.Misses.Take(Math.Max(0, misses)).Select(m => (JsonNode?)new JsonObject
                {
                    ["text"] = m.Text, ["expected"] = m.Expected, ["got"] = m.Got, ["confidence"] = m.Confidence,
                }).ToArray()),
            });
            return;
        }

        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var table = new Table().Border(TableBorder.Rounded).AddColumns("set", "texts", "correct", "und", "accuracy");
        void Row(string name, LanguageEvaluation.Metrics m) => table.AddRow(name, m.Texts.ToString(inv), m.Correct.ToString(inv), m.Undetermined.ToString(inv), F(m.Accuracy));
        Row("all", report.Overall);
        foreach (var (lang, m) in report.ByLanguage)
        {
            Row($"  {lang}", m);
        }

        foreach (var (kind, m) in report.ByKind)
        {
            Row(kind == "sentence" ? $"  sentences (>= {LanguageEvaluation.ShortSentence} chars)" : kind == "short" ? $"  sentences (< {LanguageEvaluation.ShortSentence} chars)" : "  queries", m);
        }

        ctx.Output.Line("sets: " + string.Join(", ", paths));
        ctx.Output.Console.Write(table);
        if (report.Confusions.Count > 0)
        {
            ctx.Output.Line("top confusions (expected → got):");
            foreach (var c in report.Confusions.Take(TopConfusions))
            {
                ctx.Output.Line(string.Create(inv, $"  {c.Expected} → {c.Got}: {c.Count}  e.g. {c.Example}"));
            }
        }

        foreach (var m in report.Misses.Take(misses))
        {
            ctx.Output.Line(string.Create(inv, $"miss [{m.Expected}] {m.Text} → {m.Got} ({m.Confidence:0.000})"));
        }
    }

    private static string F(double v) => v.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);
}
