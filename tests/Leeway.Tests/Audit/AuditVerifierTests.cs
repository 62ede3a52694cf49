using Leeway.Audit;

namespace Leeway.Tests.Audit;

/// <summary>Tampering with the SQLite file directly, as someone with database access would, is found by <c>audit verify</c>.</summary>
public class AuditVerifierTests
{
    private static async Task<AuditTestDatabase> LogOfAsync(int entries)
    {
        var db = await AuditTestDatabase.CreateAsync();
        var log = db.Log();
        for (var i = 1; i <= entries; i++)
        {
            await log.AppendAsync(AuditLogTests.Record(i), default);
        }

        return db;
    }

    private static Task<AuditVerification> VerifyAsync(AuditTestDatabase db) => new AuditVerifier(db.Database).VerifyAsync(default);

    [Fact]
    public async Task An_untouched_log_verifies_with_its_count()
    {
        using var db = await LogOfAsync(10);

        var result = await VerifyAsync(db);

        Assert.True(result.Intact);
        Assert.Equal(10, result.Count);
        Assert.StartsWith("OK: 10 audit entries", result.ToString());
    }

    [Fact]
    public async Task An_empty_database_verifies_as_empty()
    {
        using var db = await AuditTestDatabase.CreateAsync();

        var result = await VerifyAsync(db);

        Assert.True(result.Intact);
        Assert.Equal(0, result.Count);
    }

    [Fact]
    public async Task Altered_parameters_are_reported_at_that_entry()
    {
        using var db = await LogOfAsync(10);
        await db.ExecuteAsync("UPDATE audit_log SET parameters = '{\"amount\":99999,\"charge\":\"ch_6\"}' WHERE seq = 6");

        var result = await VerifyAsync(db);

        Assert.False(result.Intact);
        Assert.Equal(6, result.BrokenSeq);
        Assert.Contains("entry 6 was altered", result.Problem);
    }

    [Fact]
    public async Task An_altered_entry_whose_hash_was_recomputed_is_still_found_by_the_next_one()
    {
        using var db = await LogOfAsync(10);
        var entry = (await db.Log().ListAsync(new AuditQuery(), default)).Single(e => e.Seq == 4);
        var forged = entry with { Decision = AuditDecision.Denied };
        await db.ExecuteAsync("UPDATE audit_log SET decision = @Decision, hash = @Hash WHERE seq = 4", new { forged.Decision, Hash = AuditHash.Compute(forged) });

        var result = await VerifyAsync(db);

        Assert.Equal(4, result.BrokenSeq);
        Assert.Contains("entry 5 recorded its hash", result.Problem);
    }

    [Fact]
    public async Task A_removed_entry_is_reported_as_the_gap()
    {
        using var db = await LogOfAsync(10);
        await db.ExecuteAsync("DELETE FROM audit_log WHERE seq = 4");

        var result = await VerifyAsync(db);

        Assert.False(result.Intact);
        Assert.Equal(4, result.BrokenSeq);
        Assert.Contains("entry 4 is missing", result.Problem);
    }

    [Fact]
    public async Task Removing_the_newest_entries_is_found_through_the_head()
    {
        using var db = await LogOfAsync(10);
        await db.ExecuteAsync("DELETE FROM audit_log WHERE seq >= 9");

        var result = await VerifyAsync(db);

        Assert.Equal(9, result.BrokenSeq);
        Assert.Contains("entries 9..10 are missing", result.Problem);
    }

    [Fact]
    public async Task Removing_the_first_entry_is_found()
    {
        using var db = await LogOfAsync(3);
        await db.ExecuteAsync("DELETE FROM audit_log WHERE seq = 1");

        var result = await VerifyAsync(db);

        Assert.Equal(1, result.BrokenSeq);
    }

    [Fact]
    public async Task The_cli_prints_ok_or_the_broken_entry_and_exits_1()
    {
        using var db = await LogOfAsync(5);

        var intact = await Leeway.Cli.LeewayCommandLine.InvokeAsync(["audit", "verify", "--data", db.Directory]);
        await db.ExecuteAsync("UPDATE audit_log SET actor = 'human:mallory' WHERE seq = 2");
        var tampered = await Leeway.Cli.LeewayCommandLine.InvokeAsync(["audit", "verify", "--connection-string", db.ConnectionString]);

        Assert.Equal(0, intact);
        Assert.Equal(1, tampered);
    }
}
