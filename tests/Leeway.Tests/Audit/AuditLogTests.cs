using Leeway.Audit;

namespace Leeway.Tests.Audit;

public class AuditLogTests
{
    internal static AuditRecord Record(int i, string customer = "cus_a", string? key = null) => new(
        "agent-lee", $"customer:{customer}", customer, "refund", $$"""{"amount":{{i}},"charge":"ch_{{i}}"}""", "allowed", AuditDecision.Allowed,
        key ?? $"leeway:refund:{i:x32}", $"req_{i}", """{"succeeded":true}""");

    [Fact]
    public async Task Each_entry_holds_the_hash_of_the_one_before()
    {
        using var db = await AuditTestDatabase.CreateAsync();
        var log = db.Log();

        var first = await log.AppendAsync(Record(1), default);
        var second = await log.AppendAsync(Record(2), default);

        Assert.Equal(1, first.Seq);
        Assert.Equal(AuditHash.Genesis, first.PrevHash);
        Assert.Equal(2, second.Seq);
        Assert.Equal(first.Hash, second.PrevHash);
        Assert.NotEqual(first.Hash, second.Hash);
    }

    [Fact]
    public async Task Concurrent_appends_never_fork_the_chain()
    {
        using var db = await AuditTestDatabase.CreateAsync();
        var log = db.Log();

        await Task.WhenAll(Enumerable.Range(1, 100).Select(i => Task.Run(() => log.AppendAsync(Record(i), default))));

        var entries = await log.ListAsync(new AuditQuery(Limit: 1000), default);
        Assert.Equal(Enumerable.Range(1, 100).Select(i => (long)i), entries.Select(e => e.Seq));
        var verification = await new AuditVerifier(db.Database).VerifyAsync(default);
        Assert.True(verification.Intact, verification.Problem);
        Assert.Equal(100, verification.Count);
    }

    [Fact]
    public async Task Two_log_instances_on_one_database_still_append_one_chain()
    {
        // Stands in for two processes: separate in-process locks, one UNIQUE(seq) between them.
        using var db = await AuditTestDatabase.CreateAsync();
        var a = db.Log();
        var b = db.Log();

        await Task.WhenAll(Enumerable.Range(1, 40).Select(i => Task.Run(() => (i % 2 == 0 ? a : b).AppendAsync(Record(i), default))));

        var verification = await new AuditVerifier(db.Database).VerifyAsync(default);
        Assert.True(verification.Intact, verification.Problem);
        Assert.Equal(40, verification.Count);
    }

    [Fact]
    public async Task Lists_by_customer_oldest_first_and_finds_by_idempotency_key()
    {
        using var db = await AuditTestDatabase.CreateAsync();
        var log = db.Log();
        await log.AppendAsync(Record(1, "cus_a", "k1"), default);
        await log.AppendAsync(Record(2, "cus_b", "k2"), default);
        await log.AppendAsync(Record(3, "cus_a", "k1"), default);

        var forA = await log.ListAsync(new AuditQuery(Customer: "cus_a"), default);
        var byKey = await log.FindByIdempotencyKeyAsync("k1", default);
        var newest = await log.ListAsync(new AuditQuery(Limit: 1), default);

        Assert.Equal([1L, 3L], forA.Select(e => e.Seq));
        Assert.Equal([1L, 3L], byKey.Select(e => e.Seq));
        Assert.Equal(3, Assert.Single(newest).Seq);
    }
}
