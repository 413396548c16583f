using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using SigmaNex.Core.Knowledge;

namespace SigmaNex.Core.Storage;

/// <summary>
/// Protocols, documents, chunks, their full-text index and their vectors, in the embedded SQLite store.
/// Every write is one transaction: a process killed mid-write leaves the previous content intact.
/// </summary>
public sealed partial class KnowledgeStore
{
    private readonly SqliteDatabase _db;

    public KnowledgeStore(SqliteDatabase db) => _db = db;

    public SqliteDatabase Database => _db;

    public SourceInfo? GetSource(string uri) => _db.Guard(() =>
    {
        using var c = _db.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT id, uri, format, content_hash, status, documents, ingested_at FROM sources WHERE uri = $uri";
        cmd.Parameters.AddWithValue("$uri", uri);
        using var r = cmd.ExecuteReader();
        return r.Read() ? ReadSource(r) : null;
    });

    /// <summary>Registers (or re-opens) a source as <c>partial</c>, ready for batches of documents.</summary>
    public long BeginSource(string uri, string format, string contentHash) => Write(c =>
    {
        using var tx = c.BeginTransaction();
        var id = UpsertSource(c, tx, uri, format, contentHash, "partial");
        tx.Commit();
        return id;
    });

    /// <summary>Writes a batch of documents of one source in one transaction. Unchanged documents are skipped.</summary>
    /// <returns>How many documents were new or changed.</returns>
    public int WriteDocuments(long sourceId, IReadOnlyList<IndexedDocument> documents, VectorSpace? space) => Write(c =>
    {
        using var tx = c.BeginTransaction();
        var written = WriteDocuments(c, tx, sourceId, documents, space);
        BumpGeneration(c, tx);
        tx.Commit();
        return written;
    });

    /// <summary>Marks a source complete and removes its documents that are not in <paramref name="keepIds"/>.</summary>
    public int CompleteSource(long sourceId, string contentHash, IReadOnlyCollection<string> keepIds) => Write(c =>
    {
        using var tx = c.BeginTransaction();
        var removed = Complete(c, tx, sourceId, contentHash, keepIds);
        BumpGeneration(c, tx);
        tx.Commit();
        return removed;
    });

    /// <summary>Replaces everything a source holds with <paramref name="documents"/>, atomically.</summary>
    public (int Written, int Removed) ReplaceSource(
        string uri, string format, string contentHash, IReadOnlyList<IndexedDocument> documents, VectorSpace? space) => Write(c =>
    {
        using var tx = c.BeginTransaction();
        var id = UpsertSource(c, tx, uri, format, contentHash, "partial");
        var written = WriteDocuments(c, tx, id, documents, space);
        var removed = Complete(c, tx, id, contentHash, documents.Select(d => d.Document.Id).ToList());
        BumpGeneration(c, tx);
        tx.Commit();
        return (written, removed);
    });

    public int DeleteSource(string uri) => Write(c =>
    {
        using var tx = c.BeginTransaction();
        using var cmd = Command(c, tx, "SELECT count(*) FROM documents d JOIN sources s ON s.id = d.source_id WHERE s.uri = $uri");
        cmd.Parameters.AddWithValue("$uri", uri);
        var n = Convert.ToInt32(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
        using var del = Command(c, tx, "DELETE FROM sources WHERE uri = $uri");
        del.Parameters.AddWithValue("$uri", uri);
        del.ExecuteNonQuery();
        BumpGeneration(c, tx);
        tx.Commit();
        return n;
    });

    /// <summary>Replaces all stored vectors (after the embedding model changed), in batches.</summary>
    public void WriteVectors(IReadOnlyList<(long ChunkId, byte[] Vector)> vectors) => Write(c =>
    {
        using var tx = c.BeginTransaction();
        using var cmd = Command(c, tx, "INSERT INTO chunk_vectors(chunk_id, vector) VALUES ($id, $v) ON CONFLICT(chunk_id) DO UPDATE SET vector = excluded.vector");
        var pid = cmd.Parameters.Add("$id", SqliteType.Integer);
        var pv = cmd.Parameters.Add("$v", SqliteType.Blob);
        foreach (var (id, v) in vectors)
        {
            pid.Value = id;
            pv.Value = v;
            cmd.ExecuteNonQuery();
        }

        tx.Commit();
        return 0;
    });

    /// <summary>Drops every vector and records the new space they will be computed in.</summary>
    public void ResetVectors(VectorSpace space) => Write(c =>
    {
        using var tx = c.BeginTransaction();
        using (var cmd = Command(c, tx, "DELETE FROM chunk_vectors"))
        {
            cmd.ExecuteNonQuery();
        }

        SetVectorSpace(c, tx, space);
        BumpGeneration(c, tx);
        tx.Commit();
        return 0;
    });

    public void SetMeta(string key, string value) => Write(c =>
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = "INSERT INTO meta(key, value) VALUES ($k, $v) ON CONFLICT(key) DO UPDATE SET value = excluded.value";
        cmd.Parameters.AddWithValue("$k", key);
        cmd.Parameters.AddWithValue("$v", value);
        cmd.ExecuteNonQuery();
        return 0;
    });

    private T Write<T>(Func<SqliteConnection, T> work)
    {
        if (_db.ReadOnly)
        {
            throw SigmaException.Storage($"the database {_db.Path} is read-only; check its permissions or set SIGMA_NEX_HOME to a writable folder");
        }

        return _db.Guard(() =>
        {
            using var c = _db.OpenConnection();
            return work(c);
        });
    }

    private static long UpsertSource(SqliteConnection c, SqliteTransaction tx, string uri, string format, string hash, string status)
    {
        using var cmd = Command(c, tx, """
            INSERT INTO sources(uri, format, content_hash, status, ingested_at) VALUES ($uri, $format, $hash, $status, $at)
            ON CONFLICT(uri) DO UPDATE SET format = excluded.format, status = excluded.status, ingested_at = excluded.ingested_at
            RETURNING id
            """);
        cmd.Parameters.AddWithValue("$uri", uri);
        cmd.Parameters.AddWithValue("$format", format);
        cmd.Parameters.AddWithValue("$hash", hash);
        cmd.Parameters.AddWithValue("$status", status);
        cmd.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        return (long)cmd.ExecuteScalar()!;
    }

    private static int WriteDocuments(SqliteConnection c, SqliteTransaction tx, long sourceId, IReadOnlyList<IndexedDocument> docs, VectorSpace? space)
    {
        if (space is not null)
        {
            SetVectorSpace(c, tx, space);
        }

        // Prepared once per batch with their parameters; only the values change per row.
        using var existing = Command(c, tx, "SELECT content_hash, source_id FROM documents WHERE id = $id");
        var pExisting = existing.Parameters.Add("$id", SqliteType.Text);
        using var delete = Command(c, tx, "DELETE FROM documents WHERE id = $id");
        var pDelete = delete.Parameters.Add("$id", SqliteType.Text);
        using var insertDoc = Command(c, tx, """
            INSERT INTO documents(id, source_id, kind, group_id, title, language, category, priority, tags, body, attribution, url, content_hash, updated_at)
            VALUES ($id, $source, $kind, $group, $title, $lang, $cat, $prio, $tags, $body, $attr, $url, $hash, $at)
            """);
        var dId = insertDoc.Parameters.Add("$id", SqliteType.Text);
        var dSource = insertDoc.Parameters.Add("$source", SqliteType.Integer);
        var dKind = insertDoc.Parameters.Add("$kind", SqliteType.Text);
        var dGroup = insertDoc.Parameters.Add("$group", SqliteType.Text);
        var dTitle = insertDoc.Parameters.Add("$title", SqliteType.Text);
        var dLang = insertDoc.Parameters.Add("$lang", SqliteType.Text);
        var dCat = insertDoc.Parameters.Add("$cat", SqliteType.Text);
        var dPrio = insertDoc.Parameters.Add("$prio", SqliteType.Integer);
        var dTags = insertDoc.Parameters.Add("$tags", SqliteType.Text);
        var dBody = insertDoc.Parameters.Add("$body", SqliteType.Text);
        var dAttr = insertDoc.Parameters.Add("$attr", SqliteType.Text);
        var dUrl = insertDoc.Parameters.Add("$url", SqliteType.Text);
        var dHash = insertDoc.Parameters.Add("$hash", SqliteType.Text);
        var dAt = insertDoc.Parameters.Add("$at", SqliteType.Text);
        using var insertChunk = Command(c, tx, "INSERT INTO chunks(document_id, ordinal, heading, keywords, text) VALUES ($doc, $ord, $heading, $kw, $text) RETURNING id");
        var cDoc = insertChunk.Parameters.Add("$doc", SqliteType.Text);
        var cOrd = insertChunk.Parameters.Add("$ord", SqliteType.Integer);
        var cHeading = insertChunk.Parameters.Add("$heading", SqliteType.Text);
        var cKeywords = insertChunk.Parameters.Add("$kw", SqliteType.Text);
        var cText = insertChunk.Parameters.Add("$text", SqliteType.Text);
        using var insertFts = Command(c, tx, "INSERT INTO chunks_fts(rowid, title, keywords, body) VALUES ($id, $t, $k, $b)");
        var fId = insertFts.Parameters.Add("$id", SqliteType.Integer);
        var fTitle = insertFts.Parameters.Add("$t", SqliteType.Text);
        var fKeywords = insertFts.Parameters.Add("$k", SqliteType.Text);
        var fBody = insertFts.Parameters.Add("$b", SqliteType.Text);
        using var insertVec = Command(c, tx, "INSERT INTO chunk_vectors(chunk_id, vector) VALUES ($id, $v)");
        var vId = insertVec.Parameters.Add("$id", SqliteType.Integer);
        var vVector = insertVec.Parameters.Add("$v", SqliteType.Blob);
        dSource.Value = sourceId;
        dAt.Value = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        var written = 0;
        foreach (var d in docs)
        {
            var doc = d.Document;
            pExisting.Value = doc.Id;
            bool exists;
            using (var r = existing.ExecuteReader())
            {
                exists = r.Read();
                if (exists && r.GetString(0) == d.ContentHash && r.GetInt64(1) == sourceId)
                {
                    continue;
                }
            }

            if (exists)
            {
                pDelete.Value = doc.Id;
                delete.ExecuteNonQuery();
            }

            dId.Value = doc.Id;
            dKind.Value = doc.Kind.ToString();
            dGroup.Value = (object?)doc.GroupId ?? DBNull.Value;
            dTitle.Value = doc.Title;
            dLang.Value = doc.Language;
            dCat.Value = (object?)doc.Category ?? DBNull.Value;
            dPrio.Value = (int)doc.Priority;
            dTags.Value = JsonSerializer.Serialize(doc.Tags.ToList(), KnowledgeJson.Default.ListString);
            dBody.Value = SerializeBody(doc);
            dAttr.Value = (object?)doc.Attribution ?? DBNull.Value;
            dUrl.Value = (object?)doc.Url ?? DBNull.Value;
            dHash.Value = d.ContentHash;
            insertDoc.ExecuteNonQuery();

            cDoc.Value = doc.Id;
            for (var i = 0; i < d.Chunks.Count; i++)
            {
                var ch = d.Chunks[i];
                cOrd.Value = i;
                cHeading.Value = (object?)ch.Draft.Heading ?? DBNull.Value;
                cKeywords.Value = (object?)ch.Draft.Keywords ?? DBNull.Value;
                cText.Value = ch.Draft.Text;
                var chunkId = (long)insertChunk.ExecuteScalar()!;

                fId.Value = chunkId;
                fTitle.Value = ch.TitleTerms;
                fKeywords.Value = ch.KeywordTerms;
                fBody.Value = ch.BodyTerms;
                insertFts.ExecuteNonQuery();

                if (ch.Vector is not null)
                {
                    vId.Value = chunkId;
                    vVector.Value = ch.Vector;
                    insertVec.ExecuteNonQuery();
                }
            }

            written++;
        }

        return written;
    }

    private static int Complete(SqliteConnection c, SqliteTransaction tx, long sourceId, string hash, IReadOnlyCollection<string> keepIds)
    {
        using (var create = Command(c, tx, "CREATE TEMP TABLE IF NOT EXISTS keep_ids(id TEXT PRIMARY KEY) WITHOUT ROWID; DELETE FROM keep_ids;"))
        {
            create.ExecuteNonQuery();
        }

        using (var ins = Command(c, tx, "INSERT OR IGNORE INTO keep_ids(id) VALUES ($id)"))
        {
            var p = ins.Parameters.Add("$id", SqliteType.Text);
            foreach (var id in keepIds)
            {
                p.Value = id;
                ins.ExecuteNonQuery();
            }
        }

        using var del = Command(c, tx, "DELETE FROM documents WHERE source_id = $s AND id NOT IN (SELECT id FROM keep_ids)");
        del.Parameters.AddWithValue("$s", sourceId);
        var removed = del.ExecuteNonQuery();

        using var upd = Command(c, tx, """
            UPDATE sources SET status = 'complete', content_hash = $hash,
                documents = (SELECT count(*) FROM documents WHERE source_id = $s)
            WHERE id = $s
            """);
        upd.Parameters.AddWithValue("$s", sourceId);
        upd.Parameters.AddWithValue("$hash", hash);
        upd.ExecuteNonQuery();
        return removed;
    }

    private static string SerializeBody(KnowledgeDocument doc) => doc.Protocol is { } p
        ? JsonSerializer.Serialize(p, KnowledgeJson.Default.Protocol)
        : JsonSerializer.Serialize(new Dictionary<string, string>(doc.Metadata), KnowledgeJson.Default.DictionaryStringString);

    private static void SetVectorSpace(SqliteConnection c, SqliteTransaction tx, VectorSpace space)
    {
        using var cmd = Command(c, tx, """
            INSERT INTO meta(key, value) VALUES ('vectors.provider', $p), ('vectors.model', $m), ('vectors.dimension', $d)
            ON CONFLICT(key) DO UPDATE SET value = excluded.value
            """);
        cmd.Parameters.AddWithValue("$p", space.Provider);
        cmd.Parameters.AddWithValue("$m", space.Model);
        cmd.Parameters.AddWithValue("$d", space.Dimension.ToString(CultureInfo.InvariantCulture));
        cmd.ExecuteNonQuery();
    }

    private static void BumpGeneration(SqliteConnection c, SqliteTransaction tx)
    {
        using var cmd = Command(c, tx, """
            INSERT INTO meta(key, value) VALUES ('generation', '1')
            ON CONFLICT(key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)
            """);
        cmd.ExecuteNonQuery();
    }

    private static SqliteCommand Command(SqliteConnection c, SqliteTransaction? tx, string sql)
    {
        var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return cmd;
    }

    private static SourceInfo ReadSource(SqliteDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetInt32(5),
        DateTimeOffset.Parse(r.GetString(6), CultureInfo.InvariantCulture));
}
