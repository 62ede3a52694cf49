using System.Diagnostics.Metrics;
using Leeway.Observability;
using Leeway.Routing;
using Leeway.Storage;
using Leeway.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Leeway.Tests.Routing;

/// <summary>A real database (SQLite file or PostgreSQL), the Routing schema applied, the contact log over it, a fake clock.</summary>
internal sealed class ContactLogWorld : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly TestDatabase testDatabase;
    private readonly ServiceProvider services;

    private ContactLogWorld(TestDatabase testDatabase, Database database, ServiceProvider services)
    {
        this.testDatabase = testDatabase;
        this.services = services;
        Database = database;
        Log = new ContactLog(database, Time, new IdGenerator(), new LeewayMetrics(services.GetRequiredService<IMeterFactory>()));
    }

    public FakeTimeProvider Time { get; } = new(Start);

    public Database Database { get; }

    public ContactLog Log { get; }

    public static async Task<ContactLogWorld> CreateAsync(string kind = "sqlite")
    {
        var testDatabase = await TestDatabase.CreateAsync(kind);
        var database = new Database(testDatabase.ConnectionString);
        await new SchemaMigrator(database, [new ContactSchema()], NullLogger<SchemaMigrator>.Instance).StartAsync(CancellationToken.None);
        return new ContactLogWorld(testDatabase, database, new ServiceCollection().AddMetrics().BuildServiceProvider());
    }

    public Task<Contact> ContactAsync(string intent, int tier, string? customer = "cus_1", string channel = "chat") =>
        Log.RecordContactAsync(
            new NewContact(channel, customer, customer is not null, "pro", "normal", intent, 0.9, new RoutingDecision(tier, "test_rule", "test", false, true)),
            CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        Database.Dispose();
        await services.DisposeAsync();
        await testDatabase.DisposeAsync();
    }
}
