using System.Text.Json.Nodes;
using Leeway.StripeSandbox.Objects;
using Leeway.StripeSandbox.Wire;

namespace Leeway.StripeSandbox.Api;

/// <summary><c>/v1/disputes</c>: read, update metadata, close (accept the loss).</summary>
internal static class DisputesApi
{
    public static JsonObject Retrieve(ApiCall call) => call.Render(call.World.Get<Dispute>(call.Route("id"), "dispute"));

    public static JsonObject Update(ApiCall call)
    {
        var dispute = call.World.Get<Dispute>(call.Route("id"), "dispute");
        var before = call.World.Render(dispute);
        call.Params.ApplyMetadata(dispute.Metadata);
        if (call.Params.Bool("submit") == true)
        {
            dispute.Status = DisputeStatus.Submitted(dispute.Status);
            dispute.EvidenceSubmissions++;
        }

        call.World.EmitIfChanged("charge.dispute.updated", dispute, before);
        return call.Render(dispute);
    }

    public static JsonObject Close(ApiCall call)
    {
        var dispute = call.World.Get<Dispute>(call.Route("id"), "dispute");
        if (DisputeStatus.Closed(dispute.Status))
        {
            throw ApiException.InvalidRequest($"This dispute is already closed ({dispute.Status}).", code: "charge_dispute_closed");
        }

        dispute.Status = DisputeStatus.Accepted(dispute.Status);
        call.World.Emit("charge.dispute.closed", dispute);
        return call.Render(dispute);
    }

    public static JsonObject List(ApiCall call)
    {
        var p = call.Params;
        var charge = p.NonEmpty("charge");
        var intent = p.NonEmpty("payment_intent");
        var items = call.World.Owned<Dispute>(charge).Where(d => (charge is null || d.Charge == charge) && (intent is null || d.PaymentIntent == intent));
        return ListPage.Of(call, items, "/v1/disputes");
    }
}
