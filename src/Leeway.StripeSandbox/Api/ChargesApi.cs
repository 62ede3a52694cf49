using System.Text.Json.Nodes;
using Leeway.StripeSandbox.Objects;
using Leeway.StripeSandbox.Wire;

namespace Leeway.StripeSandbox.Api;

/// <summary><c>/v1/charges</c> (read and update; charges are made by confirming payment intents) and their refunds.</summary>
internal static class ChargesApi
{
    public static JsonObject Retrieve(ApiCall call) => call.Render(call.World.Get<Charge>(call.Route("id"), "charge"));

    public static JsonObject Update(ApiCall call)
    {
        var world = call.World;
        var charge = world.Get<Charge>(call.Route("id"), "charge");
        var before = world.Render(charge);
        var p = call.Params;
        charge.Description = p.String("description") is { } d ? (d.Length == 0 ? null : d) : charge.Description;
        charge.ReceiptEmail = p.String("receipt_email") is { } r ? (r.Length == 0 ? null : r) : charge.ReceiptEmail;
        p.ApplyMetadata(charge.Metadata);
        world.EmitIfChanged("charge.updated", charge, before);
        return call.Render(charge);
    }

    public static JsonObject List(ApiCall call)
    {
        var p = call.Params;
        var customer = p.NonEmpty("customer");
        var intent = p.NonEmpty("payment_intent");
        var items = call.World.Owned<Charge>(customer).Where(c => (customer is null || c.Customer == customer) && (intent is null || c.PaymentIntent == intent));
        return ListPage.Of(call, items, "/v1/charges");
    }

    public static JsonObject Refunds(ApiCall call)
    {
        var charge = call.World.Get<Charge>(call.Route("id"), "charge");
        return ListPage.Of(call, charge.Refunds(call.World), $"/v1/charges/{charge.Id}/refunds");
    }

    public static JsonObject Refund(ApiCall call)
    {
        var charge = call.World.Get<Charge>(call.Route("id"), "charge");
        var refund = call.World.Find<Refund>(call.Route("refund"));
        return refund is not null && refund.Charge == charge.Id ? call.Render(refund) : throw ApiException.Missing("refund", call.Route("refund"));
    }
}
