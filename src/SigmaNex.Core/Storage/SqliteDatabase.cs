using Microsoft.Data.Sqlite;

namespace SigmaNex.Core.Storage;

/// <summary>
/// Opens the SQLite file with the settings every connection needs (WAL, foreign keys, busy timeout),
/// migrates the schema, and turns SQLite's failures into one clear line about the file.
/// </summary>
public sealed class SqliteDatabase
{
    private readonly string _connectionString;

    private SqliteDatabase(string path, bool readOnly)
    {
        Path = path;
        ReadOnly = readOnly;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string Path { get; }

    /// <summary>True when the file could only be opened for reading: searches work, writes are refused.</summary>
    public bool ReadOnly { get; }

    public static SqliteDatabase Open(string path)
    {
        var dir = System.IO.Path.GetDirectoryName(path)!;
        try
        {
            Directory.CreateDirectory(dir);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw SigmaException.Storage($"cannot create the data folder {dir}: {ex.Message}", ex);
        }

        if (Directory.Exists(path))
        {
            throw SigmaException.Storage($"the database path {path} is a folder, not a file");
        }

        var readOnly = File.Exists(path) && !IsWritable(path, dir);
        var db = new SqliteDatabase(path, readOnly);
        db.Guard(() =>
        {
            using var c = db.OpenConnection();
            db.Migrate(c);
        });
        return db;
    }

    public SqliteConnection OpenConnection()
    {
        var c = new SqliteConnection(_connectionString);
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = ReadOnly
            ? "PRAGMA busy_timeout=5000; PRAGMA temp_store=MEMORY;"
            : "PRAGMA busy_timeout=5000; PRAGMA synchronous=NORMAL; PRAGMA temp_store=MEMORY; PRAGMA mmap_size=268435456;";
        cmd.ExecuteNonQuery();
        return c;
    }

    /// <summary>Runs database work, translating SQLite errors into a message naming the file.</summary>
    public T Guard<T>(Func<T> work)
    {
        try
        {
            return work();
        }
        catch (SqliteException ex)
        {
            throw Translate(ex);
        }
    }

    public void Guard(Action work) => Guard(() =>
    {
        work();
        return 0;
    });

    public SigmaException Translate(SqliteException ex) => (ex.SqliteErrorCode & 0xFF) switch
    {
        11 or 26 => SigmaException.Storage(
            $"the database {Path} is damaged or is not a SIGMA-NEX database ({ex.Message.TrimEnd('.')}); move it aside and run 'sigma kb rebuild'", ex),
        8 => SigmaException.Storage($"the database {Path} is read-only; check its permissions or set SIGMA_NEX_HOME to a writable folder", ex),
        14 => SigmaException.Storage($"cannot open the database {Path}: check the folder exists and is writable", ex),
        13 => SigmaException.Storage($"the disk holding {Path} is full", ex),
        5 or 6 => SigmaException.Storage($"the database {Path} is locked by another process; try again", ex),
        _ => SigmaException.Storage($"database error in {Path}: {ex.Message}", ex),
    };

    /// <summary>Full integrity check (used by self-check).</summary>
    public IReadOnlyList<string> CheckIntegrity()
    {
        return Guard(() =>
        {
            using var c = OpenConnection();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "PRAGMA integrity_check(20)";
            var problems = new List<string>();
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var line = r.GetString(0);
                if (line != "ok")
                {
                    problems.Add(line);
                }
            }

            return (IReadOnlyList<string>)problems;
        });
    }

    public int SchemaVersion() => Guard(() =>
    {
        using var c = OpenConnection();
        return ScalarInt(c, "PRAGMA user_version");
    });

    private void Migrate(SqliteConnection c)
    {
        var appId = ScalarInt(c, "PRAGMA application_id");
        var version = ScalarInt(c, "PRAGMA user_version");
        if (appId != SchemaMigrations.ApplicationId)
        {
            var tables = ScalarInt(c, "SELECT count(*) FROM sqlite_master");
            if (tables > 0 || appId != 0)
            {
                throw SigmaException.Storage($"{Path} is a SQLite file but not a SIGMA-NEX database; refusing to change it");
            }
        }

        if (version > SchemaMigrations.Latest)
        {
            throw SigmaException.Storage(
                $"the database {Path} has schema v{version}, newer than this SIGMA-NEX understands (v{SchemaMigrations.Latest}); upgrade SIGMA-NEX");
        }

        if (version == SchemaMigrations.Latest)
        {
            return;
        }

        if (ReadOnly)
        {
            throw SigmaException.Storage($"the database {Path} needs an upgrade to schema v{SchemaMigrations.Latest} but is read-only");
        }

        Exec(c, "PRAGMA journal_mode=WAL");
        for (var v = version; v < SchemaMigrations.Latest; v++)
        {
            using var tx = c.BeginTransaction();
            using (var cmd = c.CreateCommand())
            {
                cmd.Transaction = tx;
                cmd.CommandText = SchemaMigrations.All[v] + $"; PRAGMA user_version = {v + 1}; PRAGMA application_id = {SchemaMigrations.ApplicationId};";
                cmd.ExecuteNonQuery();
            }

            tx.Commit();
        }
    }

    private static int ScalarInt(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt32(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Exec(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static bool IsWritable(string file, string dir)
    {
        try
        {
            using (File.Open(file, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite))
            {
            }

            // WAL needs to create -wal and -shm files beside the database.
            var probe = System.IO.Path.Combine(dir, $".sigma-write-probe-{Environment.ProcessId}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
