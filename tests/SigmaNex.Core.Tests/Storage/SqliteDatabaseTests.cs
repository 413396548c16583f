using Microsoft.Data.Sqlite;
using SigmaNex.Core;
using SigmaNex.Core.Storage;
using SigmaNex.Tests;

namespace SigmaNex.Core.Tests.Storage;

public sealed class SqliteDatabaseTests : IDisposable
{
    private readonly TempDirectory _temp = new("db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }

    [Fact]
    public void Open_NewFile_CreatesTheLatestSchemaInWalMode()
    {
        var db = SqliteDatabase.Open(_temp.File("new/sigma.db"));

        Assert.Equal(SchemaMigrations.Latest, db.SchemaVersion());
        using var c = db.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", cmd.ExecuteScalar());
        Assert.Empty(db.CheckIntegrity());
    }

    [Fact]
    public void Open_ExistingDatabase_IsNotMigratedTwice()
    {
        var path = _temp.File("sigma.db");
        SqliteDatabase.Open(path);
        var store = new KnowledgeStore(SqliteDatabase.Open(path));

        Assert.Equal(0, store.GetStats().Documents);
    }

    [Fact]
    public void Open_OlderSchema_IsMigratedForward()
    {
        // A database as version 0 of the schema left it: an empty file with our application id.
        var path = _temp.File("old.db");
        using (var c = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = $"PRAGMA application_id = {SchemaMigrations.ApplicationId}; PRAGMA user_version = 0;";
            cmd.ExecuteNonQuery();
        }

        Assert.Equal(SchemaMigrations.Latest, SqliteDatabase.Open(path).SchemaVersion());
    }

    [Fact]
    public void Open_NewerSchema_IsRefusedWithAClearMessage()
    {
        var path = _temp.File("future.db");
        SqliteDatabase.Open(path);
        SqliteConnection.ClearAllPools();
        using (var c = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "PRAGMA user_version = 999";
            cmd.ExecuteNonQuery();
        }

        var ex = Assert.Throws<SigmaException>(() => SqliteDatabase.Open(path));
        Assert.Contains("schema v999, newer than this SIGMA-NEX understands", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_SomeoneElsesSqliteFile_IsRefusedAndLeftUntouched()
    {
        var path = _temp.File("other.db");
        using (var c = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "CREATE TABLE mine(x)";
            cmd.ExecuteNonQuery();
        }

        var before = File.ReadAllBytes(path);
        var ex = Assert.Throws<SigmaException>(() => SqliteDatabase.Open(path));

        Assert.Contains("not a SIGMA-NEX database", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void Open_GarbageFile_IsReportedAsDamaged()
    {
        var path = _temp.File("garbage.db");
        File.WriteAllBytes(path, Enumerable.Range(0, 8192).Select(i => (byte)(i * 7)).ToArray());

        var ex = Assert.Throws<SigmaException>(() => SqliteDatabase.Open(path));

        Assert.Equal(SigmaErrorKind.Storage, ex.Kind);
        Assert.Contains("is damaged or is not a SIGMA-NEX database", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_ImmutableFile_OpensReadOnlyAndRefusesWrites()
    {
        var path = _temp.File("ro.db");
        var db = SqliteDatabase.Open(path);
        new KnowledgeStore(db).SetMeta("x", "1");
        SqliteConnection.ClearAllPools();
        File.Delete(path + "-wal");
        File.Delete(path + "-shm");
        Assert.Equal(0, ProcessRunner.Run("chattr", ["+i", path]).ExitCode);

        var readOnly = SqliteDatabase.Open(path);
        var store = new KnowledgeStore(readOnly);

        Assert.True(readOnly.ReadOnly);
        Assert.Equal("1", store.GetMeta("x"));
        var ex = Assert.Throws<SigmaException>(() => store.SetMeta("x", "2"));
        Assert.Contains("is read-only", ex.Message, StringComparison.Ordinal);
    }
}
