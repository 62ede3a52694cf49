using Leeway.Diagnostics;
using Leeway.Humans;
using Leeway.Storage;

namespace Leeway.Tests.Prevent.Handlers;

/// <summary><c>charge.dispute.created</c>: a Tier 3 case with the context, and nothing done automatically.</summary>
public sealed class DisputeHandlerTests : IDisposable
{
    private readonly TestFolder _folder = new();

    [Fact]
    public async Task ADisputeOpensOneCaseAndTakesNoAction()
    {
        await using var world = await Tier0World.StartAsync(_folder, Worlds.Now, Worlds.Disputed("cus_dp1"));

        await world.FireAsync("charge.dispute.created", "dp_cus_dp1");
        await world.FireAsync("charge.dispute.created", "dp_cus_dp1");

        var handed = Assert.Single(await world.Product.Service<ICaseStore>().ListForCustomerAsync("cus_dp1", default));
        Assert.Equal(("tier0", "dispute_open", CaseStatus.Open), (handed.Source, handed.Reason, handed.Status));
        Assert.Equal(RootCause.DisputeOpen, handed.Packet.Diagnosis?.RootCause);
        Assert.Contains("dp_cus_dp1", handed.Packet.Summary, StringComparison.Ordinal);
        Assert.Empty(handed.Packet.ActionsAttempted);
        Assert.Empty(await world.RequestsAsync("POST", "/v1/"));
        Assert.Empty(await world.NudgesAsync("cus_dp1"));
    }

    public void Dispose() => _folder.Dispose();
}
