using Leeway.Diagnostics;
using Leeway.Prevent;
using Leeway.Prevent.Nudges;

namespace Leeway.Tests.Prevent.Handlers;

/// <summary><c>charge.refunded</c>: the customer is told the refund is on its way and when the money arrives.</summary>
public sealed class RefundHandlerTests : IDisposable
{
    private readonly TestFolder _folder = new();

    [Theory]
    [InlineData("pending")]
    [InlineData("succeeded")]
    public async Task TheCustomerIsToldWhenTheMoneyArrives(string refundStatus)
    {
        await using var world = await Tier0World.StartAsync(_folder, Worlds.Now, Worlds.Refunded("cus_rf1", refundStatus));

        await world.FireAsync("charge.refunded", "ch_cus_rf1");

        var email = (await world.NudgesAsync("cus_rf1")).Single(n => n.Nudge.Channel == NudgeChannel.Email);
        Assert.Equal((RootCause.RefundInProgress, "re_cus_rf1", null), (email.Nudge.Reason, email.Nudge.ObjectId, email.Nudge.Link));
        Assert.Contains("$25.00", email.Body, StringComparison.Ordinal);
        Assert.Contains("5–10 business days", email.Body, StringComparison.Ordinal);
        // Ten business days after Tuesday, November 10.
        Assert.Contains("November 24, 2026", email.Body, StringComparison.Ordinal);
        Assert.Empty(await world.RequestsAsync("POST", "/v1/"));
    }

    public void Dispose() => _folder.Dispose();
}
