using Microsoft.Data.Sqlite;
using SigmaNex.Core.Knowledge;
using SigmaNex.Core.Retrieval;
using SigmaNex.Core.Storage;

namespace SigmaNex.Core.Tests.Retrieval;

public sealed class VectorRepairTests
{
    [Fact]
    public async Task DamagedAndMissingVectors_AreDetectedAtStart_AndReEmbedded()
    {
        await using var engine = await TestEngine.StartAsync();
        var store = engine.Get<KnowledgeStore>();
        var before = store.GetStats();
        using (var c = new SqliteConnection($"Data Source={store.Database.Path};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            // Ten blobs overwritten with garbage of the wrong length, five deleted outright.
            cmd.CommandText = """
                UPDATE chunk_vectors SET vector = randomblob(17) WHERE chunk_id IN (SELECT chunk_id FROM chunk_vectors ORDER BY chunk_id LIMIT 10);
                DELETE FROM chunk_vectors WHERE chunk_id IN (SELECT chunk_id FROM chunk_vectors ORDER BY chunk_id DESC LIMIT 5);
                UPDATE meta SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) WHERE key = 'generation';
                """;
            cmd.ExecuteNonQuery();
        }

        var notices = await engine.Get<KnowledgeBase>().EnsureReadyAsync(engine.Get<Retriever>(), null, CancellationToken.None);
        var after = store.GetStats();
        var snapshot = engine.Get<Retriever>().Snapshot();

        Assert.Contains(notices, n => n.Contains("15 stored vectors were missing or damaged", StringComparison.Ordinal));
        Assert.Equal(before.Vectors, after.Vectors);
        Assert.Empty(snapshot.MissingVectors);
    }
}
