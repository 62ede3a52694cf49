using Dapper;
using Leeway.Audit;
using Leeway.Storage;
using Leeway.Tests.Storage;

namespace Leeway.Tests.Audit;

/// <summary>The audit chain on SQLite and on PostgreSQL: concurrent appends from two log instances, listing, and tamper detection.</summary>
public sealed class AuditOnBothDatabasesTests
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task The_chain_holds_and_tampering_is_found(string kind)
    {
        await using var testDatabase = await TestDatabase.CreateAsync(kind);
        using var database = new Database(testDatabase.ConnectionString);
        await using (var connection = await database.OpenAsync())
        {
            foreach (var statement in new AuditSchema().Statements(database.Dialect))
            {
                await connection.ExecuteAsync(statement);
            }
        }

        using var a = new SqlAuditLog(database, TimeProvider.System);
        using var b = new SqlAuditLog(database, TimeProvider.System);
        await Task.WhenAll(Enumerable.Range(1, 30).Select(i => Task.Run(() => (i % 2 == 0 ? a : b).AppendAsync(AuditLogTests.Record(i, i % 3 == 0 ? "cus_b" : "cus_a"), default))));

        var verifier = new AuditVerifier(database);
        var intact = await verifier.VerifyAsync(default);
        Assert.True(intact.Intact, intact.Problem);
        Assert.Equal(30, intact.Count);
        Assert.Equal(10, (await a.ListAsync(new AuditQuery(Customer: "cus_b"), default)).Count);

        await using (var connection = await database.OpenAsync())
        {
            await connection.ExecuteAsync("UPDATE audit_log SET outcome = '{\"succeeded\":false}' WHERE seq = 17");
        }

        var tampered = await verifier.VerifyAsync(default);
        Assert.Equal(17, tampered.BrokenSeq);
    }
}
