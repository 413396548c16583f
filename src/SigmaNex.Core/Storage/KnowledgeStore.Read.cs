using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using SigmaNex.Core.Knowledge;

namespace SigmaNex.Core.Storage;

public sealed partial class KnowledgeStore
{
    private const string DocumentColumns = "d.id, d.kind, d.group_id, d.title, d.language, d.category, d.priority, d.tags, d.body, d.attribution, d.url";

    public string? GetMeta(string key) => Read(c =>
    {
        using var cmd = Command(c, null, "SELECT value FROM meta WHERE key = $k");
        cmd.Parameters.AddWithValue("$k", key);
        return cmd.ExecuteScalar() as string;
    });

    public long Generation() => long.TryParse(GetMeta("generation"), CultureInfo.InvariantCulture, out var g) ? g : 0;

    public VectorSpace? GetVectorSpace() => Read(c =>
    {
        using var cmd = Command(c, null, "SELECT key, value FROM meta WHERE key LIKE 'vectors.%'");
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            values[r.GetString(0)] = r.GetString(1);
        }

        return values.TryGetValue("vectors.provider", out var p) && values.TryGetValue("vectors.model", out var m)
            && values.TryGetValue("vectors.dimension", out var d) && int.TryParse(d, CultureInfo.InvariantCulture, out var dim)
            ? new VectorSpace(p, m, dim)
            : null;
    });

    public KnowledgeDocument? GetDocument(string id) => Read(c =>
    {
        using var cmd = Command(c, null, $"SELECT {DocumentColumns} FROM documents d WHERE d.id = $id");
        cmd.Parameters.AddWithValue("$id", id);
        using var r = cmd.ExecuteReader();
        return r.Read() ? ReadDocument(r) : null;
    });

    /// <summary>Documents sharing a group (the translations of a protocol), in id order.</summary>
    public IReadOnlyList<DocumentSummary> GetGroup(string groupId) =>
        ListDocuments(where: "d.group_id = $g", bind: cmd => cmd.Parameters.AddWithValue("$g", groupId));

    public IReadOnlyList<DocumentSummary> ListDocuments(DocumentKind? kind = null, string? language = null, string? category = null)
    {
        var clauses = new List<string>();
        if (kind is not null)
        {
            clauses.Add("d.kind = $kind");
        }

        if (language is not null)
        {
            clauses.Add("d.language = $lang");
        }

        if (category is not null)
        {
            clauses.Add("d.category = $cat");
        }

        return ListDocuments(
            clauses.Count == 0 ? "1" : string.Join(" AND ", clauses),
            cmd =>
            {
                cmd.Parameters.AddWithValue("$kind", kind?.ToString() ?? string.Empty);
                cmd.Parameters.AddWithValue("$lang", language ?? string.Empty);
                cmd.Parameters.AddWithValue("$cat", category ?? string.Empty);
            });
    }

    private List<DocumentSummary> ListDocuments(string where, Action<SqliteCommand> bind) => Read(c =>
    {
        using var cmd = Command(c, null, $"""
            SELECT d.id, d.kind, d.group_id, d.title, d.language, d.category, d.priority, s.uri
            FROM documents d JOIN sources s ON s.id = d.source_id WHERE {where} ORDER BY d.id
            """);
        bind(cmd);
        var list = new List<DocumentSummary>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            list.Add(new DocumentSummary(
                r.GetString(0), Enum.Parse<DocumentKind>(r.GetString(1)), r.IsDBNull(2) ? null : r.GetString(2), r.GetString(3),
                r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5), (Priority)r.GetInt32(6), r.GetString(7)));
        }

        return list;
    });

    /// <summary>BM25 over the analysed-term index. <paramref name="ftsQuery"/> must come from <see cref="Retrieval.FtsQuery"/>.</summary>
    public IReadOnlyList<KeywordHit> SearchKeywords(string ftsQuery, int limit) => Read(c =>
    {
        // Weights: title, keywords (tags, synonyms), body.
        using var cmd = Command(c, null, """
            SELECT rowid, bm25(chunks_fts, 4.0, 3.0, 1.0) AS score FROM chunks_fts
            WHERE chunks_fts MATCH $q ORDER BY score LIMIT $n
            """);
        cmd.Parameters.AddWithValue("$q", ftsQuery);
        cmd.Parameters.AddWithValue("$n", limit);
        var hits = new List<KeywordHit>(limit);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            // SQLite's bm25() is negative, lower is better; expose the usual positive score.
            hits.Add(new KeywordHit(r.GetInt64(0), -r.GetDouble(1)));
        }

        return hits;
    });

    public Catalog LoadCatalog() => Read(c =>
    {
        var generation = 0L;
        using (var g = Command(c, null, "SELECT value FROM meta WHERE key = 'generation'"))
        {
            generation = long.TryParse(g.ExecuteScalar() as string, CultureInfo.InvariantCulture, out var v) ? v : 0;
        }

        var docs = new List<CatalogDocument>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        using (var cmd = Command(c, null, "SELECT id, kind, group_id, language, category, priority, title, tags FROM documents"))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                var kind = Enum.Parse<DocumentKind>(r.GetString(1));
                index[r.GetString(0)] = docs.Count;
                // Only protocols' tags are needed in memory (for synonym expansion).
                var tags = kind == DocumentKind.Protocol ? JsonSerializer.Deserialize(r.GetString(7), KnowledgeJson.Default.ListString) ?? [] : (IReadOnlyList<string>)[];
                docs.Add(new CatalogDocument(
                    r.GetString(0), kind, r.IsDBNull(2) ? null : r.GetString(2),
                    r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4), (Priority)r.GetInt32(5), r.GetString(6), tags));
            }
        }

        var ids = new List<long>();
        var owners = new List<int>();
        using (var cmd = Command(c, null, "SELECT id, document_id FROM chunks ORDER BY id"))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                ids.Add(r.GetInt64(0));
                owners.Add(index[r.GetString(1)]);
            }
        }

        return new Catalog(generation, docs, ids.ToArray(), owners.ToArray());
    });

    /// <summary>Every term of the keyword index with the number of chunks holding it.</summary>
    public IReadOnlyList<(string Term, int Documents)> Vocabulary() => Read(c =>
    {
        using (var create = Command(c, null, "CREATE VIRTUAL TABLE IF NOT EXISTS temp.chunks_vocab USING fts5vocab(main, chunks_fts, row)"))
        {
            create.ExecuteNonQuery();
        }

        using var cmd = Command(c, null, "SELECT term, doc FROM temp.chunks_vocab");
        var list = new List<(string, int)>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            list.Add((r.GetString(0), r.GetInt32(1)));
        }

        return (IReadOnlyList<(string, int)>)list;
    });

    /// <summary>Streams every stored vector in chunk-id order.</summary>
    public IEnumerable<(long ChunkId, byte[] Vector)> ReadVectors()
    {
        using var c = _db.Guard(_db.OpenConnection);
        using var cmd = Command(c, null, "SELECT chunk_id, vector FROM chunk_vectors ORDER BY chunk_id");
        using var r = _db.Guard(cmd.ExecuteReader);
        while (_db.Guard(r.Read))
        {
            yield return (r.GetInt64(0), (byte[])r.GetValue(1));
        }
    }

    /// <summary>Streams chunks (for re-embedding), with their document's language.</summary>
    public IEnumerable<(StoredChunk Chunk, string Language)> ReadChunks()
    {
        using var c = _db.Guard(_db.OpenConnection);
        using var cmd = Command(c, null, "SELECT ch.id, ch.document_id, ch.ordinal, ch.heading, ch.keywords, ch.text, d.language FROM chunks ch JOIN documents d ON d.id = ch.document_id ORDER BY ch.id");
        using var r = _db.Guard(cmd.ExecuteReader);
        while (_db.Guard(r.Read))
        {
            yield return (ReadChunk(r), r.GetString(6));
        }
    }

    public IReadOnlyList<StoredChunk> GetChunks(IReadOnlyCollection<long> ids) => Read(c =>
    {
        var list = new List<StoredChunk>(ids.Count);
        if (ids.Count == 0)
        {
            return list;
        }

        using var cmd = Command(c, null, $"SELECT id, document_id, ordinal, heading, keywords, text FROM chunks WHERE id IN ({string.Join(',', ids.Select(i => i.ToString(CultureInfo.InvariantCulture)))})");
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            list.Add(ReadChunk(r));
        }

        return list;
    });

    /// <summary>The credit and link of documents that have them (third-party data), by document id.</summary>
    public IReadOnlyDictionary<string, (string? Attribution, string? Url)> GetCredits(IReadOnlyCollection<string> documentIds) => Read(c =>
    {
        var credits = new Dictionary<string, (string?, string?)>(StringComparer.Ordinal);
        using var cmd = Command(c, null, "SELECT attribution, url FROM documents WHERE id = $id AND (attribution IS NOT NULL OR url IS NOT NULL)");
        var p = cmd.Parameters.Add("$id", SqliteType.Text);
        foreach (var id in documentIds)
        {
            p.Value = id;
            using var r = cmd.ExecuteReader();
            if (r.Read())
            {
                credits[id] = (r.IsDBNull(0) ? null : r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1));
            }
        }

        return (IReadOnlyDictionary<string, (string?, string?)>)credits;
    });

    public StoreStats GetStats() => Read(c =>
    {
        int Count(string sql)
        {
            using var cmd = Command(c, null, sql);
            return Convert.ToInt32(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        Dictionary<string, int> Group(string sql)
        {
            var d = new Dictionary<string, int>(StringComparer.Ordinal);
            using var cmd = Command(c, null, sql);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                d[r.IsDBNull(0) ? "(none)" : r.GetString(0)] = r.GetInt32(1);
            }

            return d;
        }

        var sources = new List<SourceInfo>();
        using (var cmd = Command(c, null, "SELECT id, uri, format, content_hash, status, documents, ingested_at FROM sources ORDER BY id"))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                sources.Add(ReadSource(r));
            }
        }

        var version = Count("PRAGMA user_version");
        var generation = long.TryParse(GetMetaValue(c, "generation"), CultureInfo.InvariantCulture, out var g) ? g : 0;
        var bytes = File.Exists(_db.Path) ? new FileInfo(_db.Path).Length : 0;
        return new StoreStats(
            version,
            generation,
            Count("SELECT count(*) FROM documents"),
            Count("SELECT count(*) FROM chunks"),
            Count("SELECT count(*) FROM chunk_vectors"),
            GetVectorSpace(),
            Group("SELECT kind, count(*) FROM documents GROUP BY kind"),
            Group("SELECT language, count(*) FROM documents WHERE kind = 'Protocol' GROUP BY language"),
            Group("SELECT category, count(DISTINCT group_id) FROM documents WHERE kind = 'Protocol' GROUP BY category"),
            sources,
            bytes);
    });

    private static string? GetMetaValue(SqliteConnection c, string key)
    {
        using var cmd = Command(c, null, "SELECT value FROM meta WHERE key = $k");
        cmd.Parameters.AddWithValue("$k", key);
        return cmd.ExecuteScalar() as string;
    }

    private T Read<T>(Func<SqliteConnection, T> work) => _db.Guard(() =>
    {
        using var c = _db.OpenConnection();
        return work(c);
    });

    private static StoredChunk ReadChunk(SqliteDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetInt32(2), r.IsDBNull(3) ? null : r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4), r.GetString(5));

    private static KnowledgeDocument ReadDocument(SqliteDataReader r)
    {
        var kind = Enum.Parse<DocumentKind>(r.GetString(1));
        var body = r.GetString(8);
        var protocol = kind == DocumentKind.Protocol ? JsonSerializer.Deserialize(body, KnowledgeJson.Default.Protocol) : null;
        var metadata = kind == DocumentKind.Protocol
            ? new Dictionary<string, string>()
            : JsonSerializer.Deserialize(body, KnowledgeJson.Default.DictionaryStringString) ?? [];
        return new KnowledgeDocument
        {
            Id = r.GetString(0),
            Kind = kind,
            GroupId = r.IsDBNull(2) ? null : r.GetString(2),
            Title = r.GetString(3),
            Language = r.GetString(4),
            Category = r.IsDBNull(5) ? null : r.GetString(5),
            Priority = (Priority)r.GetInt32(6),
            Tags = JsonSerializer.Deserialize(r.GetString(7), KnowledgeJson.Default.ListString) ?? [],
            Protocol = protocol,
            Attribution = r.IsDBNull(9) ? null : r.GetString(9),
            Url = r.IsDBNull(10) ? null : r.GetString(10),
            Metadata = metadata,
            Chunks = [],
        };
    }
}
