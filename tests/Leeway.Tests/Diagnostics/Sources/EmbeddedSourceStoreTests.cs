using Dapper;
using Leeway.Diagnostics.Sources;
using Leeway.Storage;

namespace Leeway.Tests.Diagnostics.Sources;

public sealed class EmbeddedSourceStoreTests : IAsyncLifetime, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("leeway-diag-").FullName;
    private Database _database = null!;

    public async Task InitializeAsync()
    {
        _database = new Database($"Data Source={Path.Combine(_folder, "leeway.db")}");
        await using var connection = await _database.OpenAsync();
        foreach (var statement in new EmbeddedSourceSchema().Statements(_database.Dialect))
        {
            await connection.ExecuteAsync(statement);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _database.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static readonly UsageRecord September = new("api_calls", ScenarioWorld.Time("2026-09-01T00:00:00Z"), ScenarioWorld.Time("2026-10-01T00:00:00Z"), 610000, 6100);
    private static readonly UsageRecord October = new("api_calls", ScenarioWorld.Time("2026-10-01T00:00:00Z"), ScenarioWorld.Time("2026-11-01T00:00:00Z"), 860000, 8600);

    [Fact]
    public async Task What_is_fed_is_what_the_embedded_sources_read_in_order()
    {
        var store = new EmbeddedSourceStore(_database);
        await store.FeedAsync("cus_a", [new("team_workspace", true, "sub_1"), new("sso", false, "sub_1")], [October, September], CancellationToken.None);

        var entitlements = await new EmbeddedEntitlementSource(store).ReadAsync("cus_a", CancellationToken.None);
        var usage = await new EmbeddedUsageSource(store).ReadAsync("cus_a", CancellationToken.None);

        Assert.Equal([new("team_workspace", true, "sub_1"), new("sso", false, "sub_1")], entitlements);
        Assert.Equal([October, September], usage);
    }

    [Fact]
    public async Task Feeding_again_replaces_that_customers_rows_only()
    {
        var store = new EmbeddedSourceStore(_database);
        await store.FeedAsync("cus_a", [new("sso", false, "sub_1")], [September], CancellationToken.None);
        await store.FeedAsync("cus_b", [new("seats", true, "manual")], [October], CancellationToken.None);

        await store.FeedAsync("cus_a", [new("sso", true, "sub_1")], [], CancellationToken.None);

        Assert.Equal([new("sso", true, "sub_1")], await store.ReadEntitlementsAsync("cus_a", CancellationToken.None));
        Assert.Empty(await store.ReadUsageAsync("cus_a", CancellationToken.None));
        Assert.Equal([new("seats", true, "manual")], await store.ReadEntitlementsAsync("cus_b", CancellationToken.None));
        Assert.Equal([October], await store.ReadUsageAsync("cus_b", CancellationToken.None));
    }

    [Fact]
    public async Task A_customer_never_fed_has_nothing()
    {
        var store = new EmbeddedSourceStore(_database);

        Assert.Empty(await store.ReadEntitlementsAsync("cus_nobody", CancellationToken.None));
        Assert.Empty(await store.ReadUsageAsync("cus_nobody", CancellationToken.None));
    }

    [Fact]
    public async Task An_incomplete_record_is_refused_with_its_field_and_nothing_changes()
    {
        var store = new EmbeddedSourceStore(_database);
        await store.FeedAsync("cus_a", [new("sso", false, "sub_1")], [], CancellationToken.None);

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            store.FeedAsync("cus_a", [new("seats", true, "manual"), new("", true, "manual")], [], CancellationToken.None));
        var backwards = await Assert.ThrowsAsync<ArgumentException>(() =>
            store.FeedAsync("cus_a", [], [September with { PeriodEnd = September.PeriodStart.AddDays(-1) }], CancellationToken.None));

        Assert.Contains("entitlements[1].feature", error.Message);
        Assert.Contains("usage[0].period_end", backwards.Message);
        Assert.Equal([new("sso", false, "sub_1")], await store.ReadEntitlementsAsync("cus_a", CancellationToken.None));
    }
}
