using System.Diagnostics;
using System.Formats.Tar;
using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.Extensions.DependencyInjection;
using SigmaNex.Core;
using SigmaNex.Core.Configuration;
using SigmaNex.Core.Evaluation;
using SigmaNex.Core.Knowledge;
using SigmaNex.Core.Knowledge.Importers;
using SigmaNex.Core.Retrieval;
using SigmaNex.Core.Retrieval.Embeddings;
using SigmaNex.Core.Storage;
using SigmaNex.Core.Triage;
using SigmaNex.Tests;

namespace SigmaNex.Bench;

/// <summary>
/// Retrieval quality on MedQuAD without leakage: every answered pair of the archive becomes a document
/// titled by its focus and question type (never the question), whose text is the answer, chunked as the
/// importer chunks it. The questions of a shipped list of pair keys are the queries; the relevant
/// document is the question's own answer (pair level) or any answer of the same XML file (group level).
/// Ranked by the product's hybrid search, by its keyword-only search, and by Lucene.Net's English
/// analyzer with BM25 over the same chunks, in one run.
/// </summary>
public static class MedQuadEval
{
    private const int LuceneChunkCandidates = 200;

    /// <summary>
    /// <c>medquad-eval [--archive path] [--qids path] [--json] [--variants]</c>, or
    /// <c>medquad-eval --sample N --seed S [--exclude qids] --out path</c> to draw a question list.
    /// </summary>
    public static async Task<int> RunAsync(string[] args)
    {
        try
        {
            return await RunCoreAsync(args).ConfigureAwait(false);
        }
        catch (EvalInputException ex)
        {
            Console.Error.WriteLine($"medquad-eval: {ex.Message}");
            return 2;
        }
    }

    private static async Task<int> RunCoreAsync(string[] args)
    {
        var archive = Path.GetFullPath(Arg(args, "--archive") ?? MedQuadText.Archive);
        var json = args.Contains("--json");
        var clock = Stopwatch.StartNew();
        var corpus = Corpus.Load(archive);
        var readSeconds = clock.Elapsed.TotalSeconds;

        if (Arg(args, "--sample") is { } sample)
        {
            var output = Arg(args, "--out") ?? throw new EvalInputException("--sample needs --out <path>");
            var seed = int.Parse(Arg(args, "--seed") ?? "1", CultureInfo.InvariantCulture);
            var exclude = Arg(args, "--exclude") is { } ex ? QidList.Read(ex, corpus).Select(p => p.Key).ToHashSet(StringComparer.Ordinal) : [];
            var drawn = QidList.Sample(corpus, int.Parse(sample, CultureInfo.InvariantCulture), seed, exclude);
            QidList.Write(output, drawn, corpus, seed, exclude.Count > 0 ? Arg(args, "--exclude") : null, args);
            Console.WriteLine($"{drawn.Count} questions written to {output}");
            return 0;
        }

        var qidPath = Path.GetFullPath(Arg(args, "--qids") ?? Path.Combine(BenchEngine.RepoRoot, "evals", "retrieval", "medquad-qids.txt"));
        var queries = QidList.Read(qidPath, corpus);
        if (!json)
        {
            Console.WriteLine($"# MedQuAD retrieval evaluation, {DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores");
            Console.WriteLine($"archive {archive}: {corpus.Pairs.Count:N0} answered pairs ({corpus.Pairs.Sum(p => p.Document.Chunks.Count):N0} chunks) in {corpus.GroupSizes.Count:N0} XML documents, read in {readSeconds:0.0} s");
            Console.WriteLine($"questions {qidPath}: {queries.Count:N0}");
        }

        var results = new List<SystemResult>();
        using var temp = new TempDirectory("medquad-eval");
        await using var sigma = await SigmaIndex.BuildAsync(temp, corpus).ConfigureAwait(false);
        results.Add(await sigma.EvaluateAsync("sigma hybrid (default)", queries, corpus, hybrid: true, weights: null).ConfigureAwait(false));
        results.Add(await sigma.EvaluateAsync("sigma bm25 (keyword-only)", queries, corpus, hybrid: false, weights: null).ConfigureAwait(false));
        if (args.Contains("--variants"))
        {
            foreach (var (name, hybrid, w) in Variants())
            {
                results.Add(await sigma.EvaluateAsync(name, queries, corpus, hybrid, w).ConfigureAwait(false));
            }
        }

        if (Arg(args, "--explain") is { } explain)
        {
            await sigma.ExplainAsync(queries, results[0], results[1], int.Parse(explain, CultureInfo.InvariantCulture)).ConfigureAwait(false);
        }

        using var lucene = LuceneIndex.Build(corpus);
        results.Add(lucene.Evaluate("Lucene.Net 4.8 EnglishAnalyzer + BM25", queries, corpus));

        if (json)
        {
            Console.WriteLine(ToJson(archive, qidPath, corpus, queries.Count, sigma.BuildSeconds, lucene.BuildSeconds, results).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        }
        else
        {
            Console.WriteLine($"build: sigma store {sigma.BuildSeconds:0.0} s (analysed, embedded with the built-in embedder, written, indexes loaded); Lucene.Net {lucene.BuildSeconds:0.0} s (in memory)");
            PrintTable(results);
        }

        return 0;
    }

    /// <summary>Settings tried with <c>--variants</c> when investigating (on the dev list only).</summary>
    private static IEnumerable<(string Name, bool Hybrid, RetrievalWeights Weights)> Variants()
    {
        var d = RetrievalWeights.Default;
        yield return ("bm25, no tag boost", false, d with { Tags = 0 });
        yield return ("hybrid, no tag boost", true, d with { Tags = 0 });
        foreach (var v in new[] { 0.02, 0.05, 0.1, 0.15, 0.5 })
        {
            yield return ($"hybrid v={v.ToString(CultureInfo.InvariantCulture)}", true, d with { Vector = v });
        }

        yield return ("hybrid RRF", true, d with { Fusion = FusionMethod.ReciprocalRank });
        yield return ("hybrid other=0.3", true, d with { OtherChunks = 0.3 });
    }

    private static void PrintTable(List<SystemResult> results)
    {
        Console.WriteLine();
        Console.WriteLine($"| {"system",-40} | {"level",-5} | {"hit@1",6} | {"hit@3",6} | {"MRR@10",6} | {"nDCG@10",7} | {"ms/q",5} |");
        Console.WriteLine($"| {new string('-', 40)} | {new string('-', 5)} | {new string('-', 5)}: | {new string('-', 5)}: | {new string('-', 5)}: | {new string('-', 6)}: | {new string('-', 4)}: |");
        foreach (var level in new[] { "pair", "group" })
        {
            foreach (var r in results)
            {
                var m = level == "pair" ? r.Pair : r.Group;
                Console.WriteLine($"| {r.Name,-40} | {level,-5} | {F(m.HitAt1),6} | {F(m.HitAt3),6} | {F(m.MrrAt10),6} | {F(m.NdcgAt10),7} | {r.MsPerQuery,5:0.0} |");
            }
        }
    }

    private static JsonObject ToJson(string archive, string qids, Corpus corpus, int queries, double sigmaBuild, double luceneBuild, List<SystemResult> results)
    {
        static JsonObject M(RetrievalMetrics m) => new()
        {
            ["hit@1"] = m.HitAt1,
            ["hit@3"] = m.HitAt3,
            ["mrr@10"] = m.MrrAt10,
            ["ndcg@10"] = m.NdcgAt10,
        };

        return new JsonObject
        {
            ["archive"] = archive,
            ["qids"] = qids,
            ["queries"] = queries,
            ["corpus"] = new JsonObject
            {
                ["answers"] = corpus.Pairs.Count,
                ["chunks"] = corpus.Pairs.Sum(p => p.Document.Chunks.Count),
                ["xml_documents"] = corpus.GroupSizes.Count,
            },
            ["build_seconds"] = new JsonObject { ["sigma"] = Math.Round(sigmaBuild, 2), ["lucene"] = Math.Round(luceneBuild, 2) },
            ["systems"] = new JsonArray(results.Select(r => (JsonNode?)new JsonObject
            {
                ["name"] = r.Name,
                ["pair"] = M(r.Pair),
                ["group"] = M(r.Group),
                ["ms_per_query"] = Math.Round(r.MsPerQuery, 2),
            }).ToArray()),
        };
    }

    private static string F(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);

    private static string? Arg(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        if (i < 0)
        {
            return null;
        }

        return i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal)
            ? args[i + 1]
            : throw new EvalInputException($"{name} needs a value");
    }

    /// <summary>Scores one system's rankings (document id and group per hit, best first) at pair and group level.</summary>
    private static SystemResult Score(string name, IReadOnlyList<Pair> queries, IReadOnlyList<IReadOnlyList<(string Id, string? Group)>> rankings, Corpus corpus, double seconds)
    {
        var pair = rankings.Select((r, q) => (IReadOnlyList<bool>)r.Select(h => h.Id == queries[q].Document.Id).ToList()).ToList();
        var group = rankings.Select((r, q) => (IReadOnlyList<bool>)r.Select(h => h.Group == queries[q].Document.GroupId).ToList()).ToList();
        return new SystemResult(
            name,
            RetrievalMetrics.From(pair, queries.Select(_ => 1).ToList()),
            RetrievalMetrics.From(group, queries.Select(q => corpus.GroupSizes[q.Document.GroupId!]).ToList()),
            seconds * 1000 / Math.Max(1, queries.Count),
            pair.Select(r => r.ToList().IndexOf(true)).ToList());
    }

    /// <summary>Metrics of one system; <paramref name="Ranks"/> is the 0-based rank of each query's own answer (-1 when not in the top 10).</summary>
    private sealed record SystemResult(string Name, RetrievalMetrics Pair, RetrievalMetrics Group, double MsPerQuery, IReadOnlyList<int> Ranks);

    /// <summary>A bad argument, a missing archive or an unknown key: reported in one line, exit code 2.</summary>
    private sealed class EvalInputException(string message) : Exception(message);

    /// <summary>One answered pair: its key (<c>source/file-pid</c>), MedQuAD's qid, the question, and the answer-only document.</summary>
    private sealed record Pair(string Key, string Qid, string Source, string Question, KnowledgeDocument Document);

    /// <summary>The answer-only corpus of the whole archive.</summary>
    private sealed class Corpus
    {
        private Corpus(List<Pair> pairs)
        {
            Pairs = pairs;
            ByKey = pairs.ToDictionary(p => p.Key, StringComparer.Ordinal);
            GroupSizes = pairs.GroupBy(p => p.Document.GroupId!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        }

        public List<Pair> Pairs { get; }

        public Dictionary<string, Pair> ByKey { get; }

        public Dictionary<string, int> GroupSizes { get; }

        public static Corpus Load(string archive)
        {
            if (!File.Exists(archive))
            {
                throw new EvalInputException($"archive not found: {archive} (pass --archive <medquad.tar.gz>)");
            }

            var pairs = new List<Pair>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            try
            {
                using var file = File.OpenRead(archive);
                using var gzip = new GZipStream(file, CompressionMode.Decompress);
                using var tar = new TarReader(gzip);
                while (tar.GetNextEntry() is { } entry)
                {
                    if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || entry.DataStream is null
                        || !entry.Name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
                    {
                        continue;
                    }

                    List<KnowledgeDocument> docs;
                    try
                    {
                        docs = MedQuadReader.Read(entry.DataStream, entry.Name, Path.GetFileNameWithoutExtension(entry.Name), out _);
                    }
                    catch (SigmaException)
                    {
                        continue; // the importer skips a file it cannot read; so does the evaluation
                    }

                    foreach (var d in docs.Where(d => seen.Add(d.Id)))
                    {
                        pairs.Add(AnswerOnly(d));
                    }
                }
            }
            catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or FormatException)
            {
                throw new EvalInputException($"{archive}: not a readable .tar.gz archive ({ex.Message})");
            }

            if (pairs.Count == 0)
            {
                throw new EvalInputException($"{archive}: no MedQuAD answers found");
            }

            return new Corpus(pairs);
        }

        /// <summary>
        /// The importer's document with the question taken out: titled "Focus (question type)", each chunk
        /// headed the same way. The answer's chunks are the importer's own (chunking does not depend on the heading).
        /// </summary>
        private static Pair AnswerOnly(KnowledgeDocument d)
        {
            var focus = d.Metadata.GetValueOrDefault("focus") is { Length: > 0 } f ? f : d.Metadata.GetValueOrDefault("document") ?? "MedQuAD";
            var qtype = d.Metadata.GetValueOrDefault("qtype") ?? string.Empty;
            var title = qtype.Length > 0 ? $"{focus} ({qtype})" : focus;
            var doc = d with
            {
                Title = title,
                Chunks = d.Chunks.Select(c => c with { Heading = title }).ToList(),
            };
            return new Pair(d.Id["medquad:".Length..], d.Metadata.GetValueOrDefault("qid") ?? string.Empty, d.Metadata.GetValueOrDefault("source") ?? string.Empty, d.Title, doc);
        }
    }

    /// <summary>The shipped question lists: one <c>source/file-pid qid</c> per line, <c>#</c> comments; no MedQuAD text.</summary>
    private static class QidList
    {
        public static List<Pair> Read(string path, Corpus corpus)
        {
            if (!File.Exists(path))
            {
                throw new EvalInputException($"question list not found: {path}");
            }

            var list = new List<Pair>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var lineNumber = 0;
            foreach (var raw in File.ReadLines(path))
            {
                lineNumber++;
                var line = raw.Trim();
                if (line.Length == 0 || line.StartsWith('#'))
                {
                    continue;
                }

                var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length != 2)
                {
                    throw new EvalInputException($"{path} line {lineNumber}: expected '<source>/<file>-<pid> <qid>', found '{line}'");
                }

                if (!corpus.ByKey.TryGetValue(parts[0], out var pair))
                {
                    throw new EvalInputException($"{path} line {lineNumber}: unknown question {parts[0]} (not an answered pair of the archive)");
                }

                if (pair.Qid != parts[1])
                {
                    throw new EvalInputException($"{path} line {lineNumber}: {parts[0]} has qid {pair.Qid} in the archive, not {parts[1]} (a different MedQuAD version?)");
                }

                if (!seen.Add(parts[0]))
                {
                    throw new EvalInputException($"{path} line {lineNumber}: {parts[0]} is listed twice");
                }

                list.Add(pair);
            }

            return list.Count > 0 ? list : throw new EvalInputException($"{path}: no questions listed");
        }

        /// <summary>
        /// <paramref name="count"/> pairs stratified by source (proportional, largest remainder, at least one per
        /// source), each source's pairs in key order shuffled by <c>new Random(seed)</c>; keys in <paramref name="exclude"/> are left out.
        /// </summary>
        public static List<Pair> Sample(Corpus corpus, int count, int seed, IReadOnlySet<string> exclude)
        {
            var sources = corpus.Pairs.Where(p => !exclude.Contains(p.Key))
                .GroupBy(p => p.Source, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => g.OrderBy(p => p.Key, StringComparer.Ordinal).ToList())
                .ToList();
            var total = sources.Sum(s => s.Count);
            if (count <= 0 || count > total)
            {
                throw new EvalInputException($"--sample must be between 1 and {total}");
            }

            var exact = sources.Select(s => (double)s.Count * count / total).ToList();
            var quota = exact.Select(e => Math.Max(1, (int)Math.Floor(e))).ToList();
            var order = Enumerable.Range(0, sources.Count).OrderByDescending(i => exact[i] - Math.Floor(exact[i])).ThenBy(i => i).ToList();
            for (var k = 0; quota.Sum() < count; k++)
            {
                quota[order[k % order.Count]]++;
            }

            var random = new Random(seed);
            var drawn = new List<Pair>(count);
            for (var s = 0; s < sources.Count; s++)
            {
                var items = sources[s];
                for (var i = items.Count - 1; i > 0; i--)
                {
                    var j = random.Next(i + 1);
                    (items[i], items[j]) = (items[j], items[i]);
                }

                drawn.AddRange(items.Take(quota[s]).OrderBy(p => p.Key, StringComparer.Ordinal));
            }

            return drawn;
        }

        public static void Write(string path, List<Pair> drawn, Corpus corpus, int seed, string? excluded, string[] args)
        {
            var perSource = drawn.GroupBy(p => p.Source, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}");
            var lines = new List<string>
            {
                $"# MedQuAD retrieval questions: {drawn.Count} answered pairs of {corpus.Pairs.Count} in medquad.tar.gz (Ben Abacha and Demner-Fushman, BMC Bioinformatics 2019, CC BY 4.0).",
                "# Keys only, no MedQuAD text: the harness reads each question (the query) and its answer (the relevant document) from the archive.",
                $"# Sampled with seed {seed}, stratified by source (proportional, largest remainder), each source's pairs in key order shuffled by System.Random(seed)" +
                    (excluded is null ? "." : $", leaving out the pairs listed in {Path.GetFileName(excluded)}."),
                $"# Per source: {string.Join(", ", perSource)}.",
                $"# Command: dotnet bench/SigmaNex.Bench/bin/Release/net10.0/SigmaNex.Bench.dll medquad-eval {string.Join(' ', args.Select(a => Path.IsPathRooted(a) ? Path.GetRelativePath(BenchEngine.RepoRoot, a) : a))}",
                "# Format: <source>/<file>-<pid> <qid>  (the key of `sigma ingest`'s document medquad:<source>/<file>-<pid>; MedQuAD's qids repeat, so the key is what identifies the pair)",
            };
            lines.AddRange(drawn.Select(p => $"{p.Key} {p.Qid}"));
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            File.WriteAllLines(path, lines);
        }
    }

    /// <summary>The product's store and Retriever over the answer-only corpus, built as ingestion builds it.</summary>
    private sealed class SigmaIndex : IAsyncDisposable
    {
        private readonly ServiceProvider _services;

        private SigmaIndex(ServiceProvider services, double buildSeconds)
        {
            _services = services;
            BuildSeconds = buildSeconds;
        }

        public double BuildSeconds { get; }

        public static async Task<SigmaIndex> BuildAsync(TempDirectory temp, Corpus corpus)
        {
            // No protocol library: the corpus is MedQuAD's answers alone, the same documents Lucene sees.
            var empty = temp.Folder("no-library");
            var env = SigmaEnvironment.FromProcess() with
            {
                Variables = new Dictionary<string, string>(SigmaEnvironment.FromProcess().Variables)
                {
                    [SigmaPaths.HomeVariable] = temp.Folder("home"),
                    [SigmaPaths.RootVariable] = empty,
                },
            };
            var config = ConfigLoader.Load(env, null, new Dictionary<string, string?>
            {
                ["knowledge_dir"] = empty,
                ["history:enabled"] = "false",
            });
            var services = new ServiceCollection().AddSigmaNex(config).BuildServiceProvider();
            var clock = Stopwatch.StartNew();
            var store = services.GetRequiredService<KnowledgeStore>();
            var setup = services.GetRequiredService<EmbeddingSetup>();
            var indexer = services.GetRequiredService<DocumentIndexer>();
            var source = store.BeginSource("bench:medquad-answers", "medquad", "eval");
            foreach (var batch in corpus.Pairs.Select(p => p.Document).Chunk(512))
            {
                store.WriteDocuments(source, await indexer.IndexAsync(batch, CancellationToken.None).ConfigureAwait(false), setup.Space);
            }

            store.CompleteSource(source, "eval", corpus.Pairs.Select(p => p.Document.Id).ToList());
            services.GetRequiredService<Retriever>().Snapshot();
            return new SigmaIndex(services, clock.Elapsed.TotalSeconds);
        }

        /// <summary>Every question through the Retriever as <c>sigma eval</c> asks it (triage decides medical and the hint).</summary>
        public async Task<SystemResult> EvaluateAsync(string name, IReadOnlyList<Pair> queries, Corpus corpus, bool hybrid, RetrievalWeights? weights)
        {
            var product = _services.GetRequiredService<Retriever>();
            var retriever = weights is null
                ? product
                : new Retriever(_services.GetRequiredService<KnowledgeStore>(), _services.GetRequiredService<EmbeddingSetup>().Generator, _services.GetRequiredService<EmbeddingSetup>().Space)
                {
                    Weights = weights,
                    Indexes = product.Indexes,
                };
            var triage = _services.GetRequiredService<TriageClassifier>();
            var rankings = new List<IReadOnlyList<(string Id, string? Group)>>(queries.Count);
            var clock = Stopwatch.StartNew();
            foreach (var q in queries)
            {
                var t = triage.Classify(q.Question);
                var request = new SearchRequest
                {
                    Query = q.Question,
                    TopK = 10,
                    Languages = ["en", "it"],
                    Hybrid = hybrid,
                    Medical = t.Detected,
                    Hints = t.ProtocolId is { } hint ? [hint] : [],
                };
                var result = await retriever.SearchAsync(request, CancellationToken.None).ConfigureAwait(false);
                rankings.Add(result.Hits.Select(h => (h.DocumentId, h.GroupId)).ToList());
            }

            return Score(name, queries, rankings, corpus, clock.Elapsed.TotalSeconds);
        }

        /// <summary>Diagnostics (<c>--explain N</c>, dev list only): queries whose answer <paramref name="a"/> ranks lower than <paramref name="b"/>, with the scores behind the top hits.</summary>
        public async Task ExplainAsync(IReadOnlyList<Pair> queries, SystemResult a, SystemResult b, int count)
        {
            static int R(int r) => r < 0 ? 99 : r;
            var worse = Enumerable.Range(0, queries.Count).Count(i => R(a.Ranks[i]) > R(b.Ranks[i]));
            var better = Enumerable.Range(0, queries.Count).Count(i => R(a.Ranks[i]) < R(b.Ranks[i]));
            Console.WriteLine($"{a.Name} vs {b.Name}: answer ranked lower in {worse} queries, higher in {better}");
            var retriever = _services.GetRequiredService<Retriever>();
            foreach (var i in Enumerable.Range(0, queries.Count).Where(i => R(a.Ranks[i]) > R(b.Ranks[i])).Take(count))
            {
                var q = queries[i];
                Console.WriteLine($"- {q.Question}  [want {q.Document.Id} '{q.Document.Title}' {q.Document.Chunks.Count} chunks; rank {a.Ranks[i]} vs {b.Ranks[i]}]");
                var result = await retriever.SearchAsync(new SearchRequest { Query = q.Question, TopK = 10, Languages = ["en", "it"] }, CancellationToken.None).ConfigureAwait(false);
                foreach (var h in result.Hits.Take(5))
                {
                    Console.WriteLine($"    {(h.DocumentId == q.Document.Id ? "*" : " ")} {h.Score,8:0.0} kw {h.KeywordScore,7:0.00} vec {h.VectorScore,6:0.000} {h.DocumentId} '{h.Title}'");
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _services.DisposeAsync().ConfigureAwait(false);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
    }

    /// <summary>
    /// The reference: Lucene.Net 4.8 with <see cref="EnglishAnalyzer"/> (standard tokenizer, possessives, lower
    /// case, English stop words, Porter stemming) and <see cref="BM25Similarity"/> (k1 1.2, b 0.75), one Lucene
    /// document per chunk with fields title (the heading), keywords (focus and synonyms) and text; a query is
    /// every analysed term on every field (what MultiFieldQueryParser builds), hits reduced to the best chunk per pair.
    /// </summary>
    private sealed class LuceneIndex : IDisposable
    {
        private static readonly string[] s_fields = ["title", "keywords", "text"];
        private readonly RAMDirectory _directory;
        private readonly Analyzer _analyzer;
        private readonly DirectoryReader _reader;
        private readonly IndexSearcher _searcher;

        private LuceneIndex(RAMDirectory directory, Analyzer analyzer, Stopwatch build)
        {
            _directory = directory;
            _analyzer = analyzer;
            _reader = DirectoryReader.Open(directory);
            _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
            BuildSeconds = build.Elapsed.TotalSeconds;
        }

        public double BuildSeconds { get; }

        public static LuceneIndex Build(Corpus corpus)
        {
            var clock = Stopwatch.StartNew();
            var directory = new RAMDirectory();
            var analyzer = new EnglishAnalyzer(LuceneVersion.LUCENE_48);
            var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer)
            {
                Similarity = new BM25Similarity(),
                OpenMode = OpenMode.CREATE,
                RAMBufferSizeMB = 128,
            };
            using (var writer = new IndexWriter(directory, config))
            {
                foreach (var pair in corpus.Pairs)
                {
                    var d = pair.Document;
                    foreach (var chunk in d.Chunks)
                    {
                        writer.AddDocument(new Document
                        {
                            new StringField("id", d.Id, Field.Store.YES),
                            new StringField("group", d.GroupId ?? d.Id, Field.Store.YES),
                            new TextField("title", chunk.Heading ?? d.Title, Field.Store.NO),
                            new TextField("keywords", chunk.Keywords ?? string.Empty, Field.Store.NO),
                            new TextField("text", chunk.Text, Field.Store.NO),
                        });
                    }
                }

                writer.Commit();
            }

            return new LuceneIndex(directory, analyzer, clock);
        }

        public SystemResult Evaluate(string name, IReadOnlyList<Pair> queries, Corpus corpus)
        {
            var rankings = new List<IReadOnlyList<(string Id, string? Group)>>(queries.Count);
            var clock = Stopwatch.StartNew();
            foreach (var q in queries)
            {
                rankings.Add(Search(q.Question, 10));
            }

            return Score(name, queries, rankings, corpus, clock.Elapsed.TotalSeconds);
        }

        private List<(string Id, string? Group)> Search(string question, int top)
        {
            var terms = Analyze(question);
            var query = new BooleanQuery();
            foreach (var term in terms)
            {
                foreach (var field in s_fields)
                {
                    query.Add(new TermQuery(new Term(field, term)), Occur.SHOULD);
                }
            }

            var hits = new List<(string, string?)>(top);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            if (terms.Count == 0)
            {
                return hits;
            }

            foreach (var scored in _searcher.Search(query, LuceneChunkCandidates).ScoreDocs)
            {
                var doc = _searcher.Doc(scored.Doc);
                var id = doc.Get("id");
                if (seen.Add(id))
                {
                    hits.Add((id, doc.Get("group")));
                    if (hits.Count == top)
                    {
                        break;
                    }
                }
            }

            return hits;
        }

        private List<string> Analyze(string text)
        {
            var terms = new List<string>();
            using var stream = _analyzer.GetTokenStream("text", text);
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                terms.Add(term.ToString());
            }

            stream.End();
            return terms;
        }

        public void Dispose()
        {
            _reader.Dispose();
            _analyzer.Dispose();
            _directory.Dispose();
        }
    }
}
