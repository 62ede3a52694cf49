using Leeway.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Leeway.Tests.Storage;

/// <summary>Any number of hosts may start together on one fresh database: the schema migration takes turns.</summary>
public sealed class ConcurrentMigrationTests
{
    [Theory]
    [InlineData("postgres")]
    [InlineData("sqlite")]
    public async Task Eight_hosts_migrating_a_fresh_database_at_once_all_start(string kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        // The product's own schemas, as registered; each "host" gets its own connection pool, as separate processes would.
        var app = LeewayApp.Build([], new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Storage:ConnectionString"] = database.ConnectionString,
            ["Storage:DataDirectory"] = database.Directory,
        });
        var schemas = app.Services.GetServices<ISchema>().ToList();
        var hosts = Enumerable.Range(0, 8).Select(_ => new Database(database.ConnectionString)).ToList();
        try
        {
            using var start = new SemaphoreSlim(0);
            var migrations = hosts.Select(async host =>
            {
                await start.WaitAsync();
                await new SchemaMigrator(host, schemas, NullLogger<SchemaMigrator>.Instance).StartAsync(CancellationToken.None);
            }).ToList();
            start.Release(hosts.Count);

            await Task.WhenAll(migrations);

            await using var connection = await hosts[0].OpenAsync();
            await using var count = connection.CreateCommand();
            count.CommandText = "SELECT COUNT(*) FROM cases";
            Assert.Equal(0L, Convert.ToInt64(await count.ExecuteScalarAsync()));
        }
        finally
        {
            hosts.ForEach(h => h.Dispose());
            await app.DisposeAsync();
        }
    }
}
