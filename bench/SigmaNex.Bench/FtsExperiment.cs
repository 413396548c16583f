using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using SigmaNex.Core.Retrieval;
using SigmaNex.Core.Storage;
using SigmaNex.Core.Text;

namespace SigmaNex.Bench;

/// <summary>Compares ways of asking FTS5 for BM25 top-k on a store built by the scale benchmark.</summary>
public static class FtsExperiment
{
    public static int Run(string[] args)
    {
        var db = args[0];
        var (questions, _) = MedQuadText.Load();
        var random = new Random(42);
        var queries = Enumerable.Range(0, 200).Select(_ => questions[random.Next(questions.Count)]).ToList();
        var analysed = queries.Select(q => TextAnalyzer.AnalyzeQuery(q, ["en"]).Terms).ToList();
        using var c = new SqliteConnection($"Data Source={db};Mode=ReadOnly");
        c.Open();
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        using (var create = c.CreateCommand())
        {
            create.CommandText = "CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, chunks_fts, row)";
            create.ExecuteNonQuery();
        }

        using (var v = c.CreateCommand())
        {
            v.CommandText = "SELECT term, doc FROM temp.v";
            using var r = v.ExecuteReader();
            while (r.Read())
            {
                df[r.GetString(0)] = r.GetInt32(1);
            }
        }

        List<long> Query(string sql, string match, int limit)
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = sql;
            cmd.Parameters.AddWithValue("$q", match);
            cmd.Parameters.AddWithValue("$n", limit);
            var ids = new List<long>();
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                ids.Add(r.GetInt64(0));
            }

            return ids;
        }

        void Measure(string name, Func<int, List<long>> f)
        {
            for (var i = 0; i < 20; i++)
            {
                f(i);
            }

            var times = new List<double>();
            var overlap = 0.0;
            for (var i = 0; i < queries.Count; i++)
            {
                var sw = Stopwatch.StartNew();
                var got = f(i);
                times.Add(sw.Elapsed.TotalMilliseconds);
                var truth = Query("SELECT rowid FROM chunks_fts WHERE chunks_fts MATCH $q ORDER BY bm25(chunks_fts, 4.0, 3.0, 1.0) LIMIT $n", FtsQuery.AnyOf(analysed[i])!, 10);
                overlap += got.Take(10).Count(truth.Contains) / (double)Math.Max(1, truth.Count);
            }

            times.Sort();
            Console.WriteLine($"{name,-50} p50 {times[times.Count / 2]:0.00} ms  p99 {times[(int)(times.Count * 0.99)]:0.00} ms  top-10 overlap with full bm25 {overlap / queries.Count:0.000}");
        }

        Measure("full OR, ORDER BY bm25()", i => Query("SELECT rowid FROM chunks_fts WHERE chunks_fts MATCH $q ORDER BY bm25(chunks_fts, 4.0, 3.0, 1.0) LIMIT $n", FtsQuery.AnyOf(analysed[i])!, 60));
        foreach (var budget in new[] { 2_000, 5_000, 10_000 })
        {
            Measure($"two-phase, rare terms up to {budget:N0} postings", i =>
            {
                var terms = analysed[i].OrderBy(t => df.GetValueOrDefault(t)).ToList();
                var kept = new List<string>();
                var postings = 0;
                foreach (var t in terms)
                {
                    if (kept.Count > 0 && postings + df.GetValueOrDefault(t) > budget)
                    {
                        break;
                    }

                    kept.Add(t);
                    postings += df.GetValueOrDefault(t);
                }

                var candidates = Query("SELECT rowid FROM chunks_fts WHERE chunks_fts MATCH $q ORDER BY bm25(chunks_fts, 4.0, 3.0, 1.0) LIMIT $n", FtsQuery.AnyOf(kept)!, 200);
                if (candidates.Count == 0)
                {
                    return candidates;
                }

                var inList = string.Join(',', candidates.Select(x => x.ToString(CultureInfo.InvariantCulture)));
                return Query($"SELECT rowid FROM chunks_fts WHERE chunks_fts MATCH $q AND rowid IN ({inList}) ORDER BY bm25(chunks_fts, 4.0, 3.0, 1.0) LIMIT $n", FtsQuery.AnyOf(analysed[i])!, 60);
            });
        }

        return 0;
    }
}
