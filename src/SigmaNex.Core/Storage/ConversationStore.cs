using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using SigmaNex.Core.Knowledge;

namespace SigmaNex.Core.Storage;

/// <summary>Conversations in the embedded store: created on the first answer, appended turn by turn.</summary>
public sealed class ConversationStore
{
    private readonly SqliteDatabase _db;

    public ConversationStore(SqliteDatabase db) => _db = db;

    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));

    /// <summary>Appends an exchange, creating the conversation if it is new. Returns the turn's ordinal.</summary>
    public int Append(string conversationId, StoredTurn turn)
    {
        if (_db.ReadOnly)
        {
            throw SigmaException.Storage($"the database {_db.Path} is read-only; the conversation cannot be saved");
        }

        return _db.Guard(() =>
        {
            using var c = _db.OpenConnection();
            using var tx = c.BeginTransaction();
            var now = turn.CreatedAt.ToString("O", CultureInfo.InvariantCulture);
            using (var upsert = Command(c, tx, """
                INSERT INTO conversations(id, title, language, created_at, updated_at) VALUES ($id, $title, $lang, $now, $now)
                ON CONFLICT(id) DO UPDATE SET updated_at = excluded.updated_at
                """))
            {
                upsert.Parameters.AddWithValue("$id", conversationId);
                upsert.Parameters.AddWithValue("$title", Title(turn.Question));
                upsert.Parameters.AddWithValue("$lang", turn.Language);
                upsert.Parameters.AddWithValue("$now", now);
                upsert.ExecuteNonQuery();
            }

            int ordinal;
            using (var next = Command(c, tx, "SELECT coalesce(max(ordinal), 0) + 1 FROM turns WHERE conversation_id = $id"))
            {
                next.Parameters.AddWithValue("$id", conversationId);
                ordinal = Convert.ToInt32(next.ExecuteScalar(), CultureInfo.InvariantCulture);
            }

            using (var insert = Command(c, tx, """
                INSERT INTO turns(conversation_id, ordinal, question, answer, backend, language, sources, emergency, created_at)
                VALUES ($id, $ord, $q, $a, $backend, $lang, $sources, $emergency, $now)
                """))
            {
                insert.Parameters.AddWithValue("$id", conversationId);
                insert.Parameters.AddWithValue("$ord", ordinal);
                insert.Parameters.AddWithValue("$q", turn.Question);
                insert.Parameters.AddWithValue("$a", turn.Answer);
                insert.Parameters.AddWithValue("$backend", turn.Backend);
                insert.Parameters.AddWithValue("$lang", turn.Language);
                insert.Parameters.AddWithValue("$sources", JsonSerializer.Serialize(turn.Sources.ToList(), KnowledgeJson.Default.ListString));
                insert.Parameters.AddWithValue("$emergency", (object?)turn.Emergency ?? DBNull.Value);
                insert.Parameters.AddWithValue("$now", now);
                insert.ExecuteNonQuery();
            }

            tx.Commit();
            return ordinal;
        });
    }

    public Conversation? Get(string id, int? lastTurns = null) => _db.Guard(() =>
    {
        using var c = _db.OpenConnection();
        using var head = Command(c, null, "SELECT id, title, language, created_at, updated_at FROM conversations WHERE id = $id");
        head.Parameters.AddWithValue("$id", id);
        using var r = head.ExecuteReader();
        if (!r.Read())
        {
            return null;
        }

        var turns = new List<StoredTurn>();
        using var cmd = Command(c, null, """
            SELECT ordinal, question, answer, backend, language, sources, emergency, created_at FROM
              (SELECT * FROM turns WHERE conversation_id = $id ORDER BY ordinal DESC LIMIT $n) ORDER BY ordinal
            """);
        cmd.Parameters.AddWithValue("$id", id);
        cmd.Parameters.AddWithValue("$n", lastTurns ?? int.MaxValue);
        using var t = cmd.ExecuteReader();
        while (t.Read())
        {
            turns.Add(new StoredTurn(
                t.GetInt32(0), t.GetString(1), t.GetString(2), t.GetString(3), t.GetString(4),
                JsonSerializer.Deserialize(t.GetString(5), KnowledgeJson.Default.ListString) ?? [],
                t.IsDBNull(6) ? null : t.GetString(6), Date(t.GetString(7))));
        }

        return new Conversation(r.GetString(0), r.GetString(1), r.GetString(2), Date(r.GetString(3)), Date(r.GetString(4)), turns);
    });

    public IReadOnlyList<ConversationSummary> List(int limit = 50) => _db.Guard(() =>
    {
        using var c = _db.OpenConnection();
        using var cmd = Command(c, null, """
            SELECT c.id, c.title, c.language, (SELECT count(*) FROM turns t WHERE t.conversation_id = c.id), c.updated_at
            FROM conversations c ORDER BY c.updated_at DESC, c.id LIMIT $n
            """);
        cmd.Parameters.AddWithValue("$n", limit);
        var list = new List<ConversationSummary>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            list.Add(new ConversationSummary(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt32(3), Date(r.GetString(4))));
        }

        return (IReadOnlyList<ConversationSummary>)list;
    });

    /// <summary>Deletes one conversation (or all when <paramref name="id"/> is null); returns how many went.</summary>
    public int Delete(string? id) => _db.Guard(() =>
    {
        using var c = _db.OpenConnection();
        using var cmd = Command(c, null, id is null ? "DELETE FROM conversations" : "DELETE FROM conversations WHERE id = $id");
        cmd.Parameters.AddWithValue("$id", id ?? string.Empty);
        return cmd.ExecuteNonQuery();
    });

    private static string Title(string question)
    {
        var line = question.ReplaceLineEndings(" ").Trim();
        return line.Length <= 80 ? line : line[..77] + "...";
    }

    private static DateTimeOffset Date(string s) => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture);

    private static SqliteCommand Command(SqliteConnection c, SqliteTransaction? tx, string sql)
    {
        var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return cmd;
    }
}
