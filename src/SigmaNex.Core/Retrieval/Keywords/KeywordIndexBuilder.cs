using System.Collections.Concurrent;
using SigmaNex.Core.Storage;
using SigmaNex.Core.Text;

namespace SigmaNex.Core.Retrieval.Keywords;

/// <summary>Builds a <see cref="KeywordIndex"/> from the store's chunks, analysing them as the FTS5 index was fed.</summary>
public static class KeywordIndexBuilder
{
    public const int TitleWeight = 4;
    public const int KeywordWeight = 3;

    public static KeywordIndex Build(KnowledgeStore store, Catalog catalog)
    {
        var rows = catalog.ChunkIds.Length;
        var rowOf = new Dictionary<long, int>(rows);
        for (var i = 0; i < rows; i++)
        {
            rowOf[catalog.ChunkIds[i]] = i;
        }

        // Analyse every chunk (in parallel), as field-weighted term frequencies.
        var perRow = new (string Term, int Tf)[rows][];
        var lengths = new ushort[rows];
        var alive = new bool[rows];
        var batch = new List<(int Row, StoredChunk Chunk, string Language, string Title)>(4096);
        void Flush()
        {
            Parallel.ForEach(batch, item =>
            {
                var counts = new Dictionary<string, int>(StringComparer.Ordinal);
                var title = item.Chunk.Heading is null || item.Chunk.Heading == item.Title ? item.Title : $"{item.Title} {item.Chunk.Heading}";
                var length = Add(counts, title, item.Language, TitleWeight)
                    + Add(counts, item.Chunk.Keywords, item.Language, KeywordWeight)
                    + Add(counts, item.Chunk.Text, item.Language, 1);
                perRow[item.Row] = counts.Select(kv => (kv.Key, Math.Min(255, kv.Value))).ToArray();
                lengths[item.Row] = (ushort)Math.Min(ushort.MaxValue, length);
                alive[item.Row] = true;
            });
            batch.Clear();
        }

        foreach (var (chunk, language) in store.ReadChunks())
        {
            if (rowOf.TryGetValue(chunk.Id, out var row))
            {
                batch.Add((row, chunk, language, catalog.Documents[catalog.ChunkDocuments[row]].Title));
                if (batch.Count == batch.Capacity)
                {
                    Flush();
                }
            }
        }

        Flush();
        return Assemble(perRow, lengths, alive);
    }

    /// <summary>Turns per-row term counts into column-wise postings (rows ascending within each term).</summary>
    internal static KeywordIndex Assemble((string Term, int Tf)[]?[] perRow, ushort[] lengths, bool[] alive)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var df = new List<int>();
        foreach (var entries in perRow)
        {
            foreach (var (term, _) in entries ?? [])
            {
                if (!ids.TryGetValue(term, out var id))
                {
                    ids[term] = id = ids.Count;
                    df.Add(0);
                }

                df[id]++;
            }
        }

        var start = new int[ids.Count + 1];
        for (var t = 0; t < ids.Count; t++)
        {
            start[t + 1] = start[t] + df[t];
        }

        var fill = start[..^1].ToArray();
        var postRows = new int[start[^1]];
        var postTf = new byte[start[^1]];
        for (var row = 0; row < perRow.Length; row++)
        {
            foreach (var (term, tf) in perRow[row] ?? [])
            {
                var id = ids[term];
                postRows[fill[id]] = row;
                postTf[fill[id]] = (byte)tf;
                fill[id]++;
            }
        }

        return new KeywordIndex(ids, start, postRows, postTf, lengths, alive, alive.Count(a => a));
    }

    private static int Add(Dictionary<string, int> counts, string? text, string language, int weight)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }

        var terms = TextAnalyzer.Analyze(text, language);
        foreach (var t in terms)
        {
            counts[t] = counts.GetValueOrDefault(t) + weight;
        }

        return terms.Count * weight;
    }
}
