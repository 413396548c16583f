namespace SigmaNex.Core.Storage;

/// <summary>
/// The SQLite schema, as an ordered list of migrations. Version N is applied when
/// <c>PRAGMA user_version</c> is N-1, each in its own transaction. Never edit a released migration;
/// add a new one.
/// </summary>
internal static class SchemaMigrations
{
    /// <summary>Marks the file as ours ("SIGM"), so a stranger's SQLite file is refused, not altered.</summary>
    public const int ApplicationId = 0x5349474D;

    public static readonly IReadOnlyList<string> All =
    [
        // v1: knowledge, chunks, full-text index, vectors.
        """
        CREATE TABLE meta(
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE sources(
            id           INTEGER PRIMARY KEY,
            uri          TEXT NOT NULL UNIQUE,
            format       TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            status       TEXT NOT NULL CHECK (status IN ('partial', 'complete')),
            documents    INTEGER NOT NULL DEFAULT 0,
            ingested_at  TEXT NOT NULL
        );

        CREATE TABLE documents(
            id           TEXT PRIMARY KEY,
            source_id    INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
            kind         TEXT NOT NULL,
            group_id     TEXT,
            title        TEXT NOT NULL,
            language     TEXT NOT NULL,
            category     TEXT,
            priority     INTEGER NOT NULL DEFAULT 0,
            tags         TEXT NOT NULL DEFAULT '[]',
            body         TEXT NOT NULL,
            attribution  TEXT,
            url          TEXT,
            content_hash TEXT NOT NULL,
            updated_at   TEXT NOT NULL
        );
        CREATE INDEX documents_group ON documents(group_id);
        CREATE INDEX documents_source ON documents(source_id);

        CREATE TABLE chunks(
            id          INTEGER PRIMARY KEY,
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            ordinal     INTEGER NOT NULL,
            heading     TEXT,
            keywords    TEXT,
            text        TEXT NOT NULL
        );
        CREATE INDEX chunks_document ON chunks(document_id);

        -- Holds analysed terms (stemmed in the chunk's language, accents folded), not raw text.
        CREATE VIRTUAL TABLE chunks_fts USING fts5(
            title, keywords, body,
            content = '', contentless_delete = 1,
            tokenize = 'unicode61 remove_diacritics 2'
        );

        -- One quantized embedding per chunk: float32 scale, then int8 components.
        CREATE TABLE chunk_vectors(
            chunk_id INTEGER PRIMARY KEY REFERENCES chunks(id) ON DELETE CASCADE,
            vector   BLOB NOT NULL
        );

        CREATE TRIGGER chunks_after_delete AFTER DELETE ON chunks BEGIN
            DELETE FROM chunks_fts WHERE rowid = old.id;
        END;
        """,

        // v2: conversations, so sessions can be resumed, listed, exported and deleted.
        """
        CREATE TABLE conversations(
            id         TEXT PRIMARY KEY,
            title      TEXT NOT NULL,
            language   TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX conversations_updated ON conversations(updated_at);

        CREATE TABLE turns(
            id              INTEGER PRIMARY KEY,
            conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
            ordinal         INTEGER NOT NULL,
            question        TEXT NOT NULL,
            answer          TEXT NOT NULL,
            backend         TEXT NOT NULL,
            language        TEXT NOT NULL,
            sources         TEXT NOT NULL DEFAULT '[]',
            emergency       TEXT,
            created_at      TEXT NOT NULL,
            UNIQUE(conversation_id, ordinal)
        );
        """,
    ];

    public static int Latest => All.Count;
}
