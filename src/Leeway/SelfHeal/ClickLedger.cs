using System.Text.Json;
using Dapper;
using Leeway.Policy;
using Leeway.Storage;

namespace Leeway.SelfHeal;

/// <summary>
/// Every click on the customer's page, claimed atomically under the click id the page rendered: the first request
/// with an id acts, any other (a double click, a resubmitted form) waits for and shows what the first one did.
/// </summary>
internal sealed class ClickLedger(Database database, TimeProvider time)
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(30);

    /// <summary>True for the first request with this click id; false when another request already holds it.</summary>
    public async Task<bool> ClaimAsync(string clickId, string customerId, string kind, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO selfheal_clicks (click_id, customer_id, kind, at, done) VALUES (@clickId, @customerId, @kind, @at, 0) ON CONFLICT (click_id) DO NOTHING",
            new { clickId, customerId, kind, at = time.GetUtcNow().ToUnixTimeMilliseconds() },
            cancellationToken: ct));
        return inserted == 1;
    }

    public async Task CompleteAsync(string clickId, GateOutcome? outcome, string? caseId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE selfheal_clicks SET done = 1, outcome = @outcome, case_id = @caseId WHERE click_id = @clickId",
            new { clickId, outcome = outcome is null ? null : JsonSerializer.Serialize(outcome), caseId },
            cancellationToken: ct));
    }

    /// <summary>What the first request with this click id did, once it is done; null when the id is not this customer's.</summary>
    public async Task<Click?> WaitAsync(string clickId, string customerId, CancellationToken ct)
    {
        var deadline = time.GetUtcNow() + WaitLimit;
        while (true)
        {
            var click = await GetAsync(clickId, customerId, ct);
            if (click is null || click.Done || time.GetUtcNow() > deadline)
            {
                return click;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), ct);
        }
    }

    /// <summary>Whether this customer ever clicked something of this kind (e.g. answered a survey).</summary>
    public async Task<bool> AnyAsync(string customerId, string kind, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM selfheal_clicks WHERE customer_id = @customerId AND kind = @kind",
            new { customerId, kind },
            cancellationToken: ct)) > 0;
    }

    /// <summary>What this customer's one-click fixes did since <paramref name="since"/>, oldest first (for the handoff packet).</summary>
    public async Task<IReadOnlyList<GateOutcome>> OutcomesAsync(string customerId, DateTimeOffset since, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT outcome FROM selfheal_clicks WHERE customer_id = @customerId AND at >= @since AND outcome IS NOT NULL ORDER BY at",
            new { customerId, since = since.ToUnixTimeMilliseconds() },
            cancellationToken: ct));
        return rows.Select(r => JsonSerializer.Deserialize<GateOutcome>(r)!).ToList();
    }

    private async Task<Click?> GetAsync(string clickId, string customerId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<ClickRow>(new CommandDefinition(
            "SELECT kind, done, outcome, case_id AS CaseId FROM selfheal_clicks WHERE click_id = @clickId AND customer_id = @customerId",
            new { clickId, customerId },
            cancellationToken: ct));
        return row is null ? null : new Click(row.Kind, row.Done != 0, row.Outcome is null ? null : JsonSerializer.Deserialize<GateOutcome>(row.Outcome), row.CaseId);
    }

    private sealed record ClickRow(string Kind, long Done, string? Outcome, string? CaseId);
}

/// <summary>One click on the customer's page and what it did.</summary>
internal sealed record Click(string Kind, bool Done, GateOutcome? Outcome, string? CaseId);
