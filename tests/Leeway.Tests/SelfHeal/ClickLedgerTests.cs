using Leeway.Policy;
using Leeway.Policy.Actions;
using Leeway.SelfHeal;

namespace Leeway.Tests.SelfHeal;

public sealed class ClickLedgerTests
{
    [Fact]
    public async Task Of_many_requests_with_one_click_id_exactly_one_acts_and_the_others_see_what_it_did()
    {
        await using var host = await PageHost.StartAsync();
        var ledger = host.Service<ClickLedger>();

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => ledger.ClaimAsync("click_Same", "cus_a", "fix:retry_payment", CancellationToken.None))));
        var waiting = ledger.WaitAsync("click_Same", "cus_a", CancellationToken.None);
        var outcome = new GateOutcome(ActionType.RetryPayment, true, "allowed", "ok", true, false, new ActionResult("in_1", "paid", null, 4900, "usd", "req_1", null), 7);
        await ledger.CompleteAsync("click_Same", outcome, null, CancellationToken.None);

        Assert.Single(claims, c => c);
        var seen = await waiting;
        Assert.Equal(outcome, seen!.Outcome);
        Assert.True(seen.Done);
        Assert.Null(await ledger.WaitAsync("click_Same", "cus_other", CancellationToken.None));
        Assert.Equal([outcome], await ledger.OutcomesAsync("cus_a", DateTimeOffset.UnixEpoch, CancellationToken.None));
    }
}
