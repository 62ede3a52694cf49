using System.Globalization;
using System.Text.Json.Nodes;
using Leeway.StripeSandbox.Objects;
using Leeway.StripeSandbox.Wire;

namespace Leeway.StripeSandbox.Api;

/// <summary><c>/v1/refunds</c>: full or partial refunds of a succeeded charge (by charge or payment intent).</summary>
internal static class RefundsApi
{
    public static JsonObject Create(ApiCall call)
    {
        var world = call.World;
        var p = call.Params;
        Charge charge;
        if (p.NonEmpty("charge") is { } chargeId)
        {
            charge = world.Get<Charge>(chargeId, "charge", "charge");
        }
        else if (p.NonEmpty("payment_intent") is { } intentId)
        {
            var intent = world.Get<PaymentIntent>(intentId, "payment_intent", "payment_intent");
            charge = world.Find<Charge>(intent.LatestCharge) is { Status: "succeeded" } latest
                ? latest
                : throw ApiException.InvalidRequest($"This PaymentIntent ({intentId}) does not have a successful charge to refund.", "payment_intent", "charge_not_refundable");
        }
        else
        {
            throw ApiException.InvalidRequest("One of the following params should be provided for this request: payment_intent or charge.", "charge", "parameter_missing");
        }

        if (charge.Status != "succeeded")
        {
            throw ApiException.InvalidRequest($"Charge {charge.Id} has a status of {charge.Status} and cannot be refunded.", "charge", "charge_not_refundable");
        }

        if (charge.Disputed)
        {
            throw ApiException.InvalidRequest($"Charge {charge.Id} has been charged back; refunding it is not possible.", "charge", "charge_disputed");
        }

        var remaining = charge.Amount - charge.AmountRefunded(world);
        if (remaining <= 0)
        {
            throw ApiException.InvalidRequest($"Charge {charge.Id} has already been refunded.", "charge", "charge_already_refunded");
        }

        var amount = p.Long("amount") ?? remaining;
        if (amount <= 0)
        {
            throw ApiException.InvalidRequest("Invalid positive integer", "amount", "parameter_invalid_integer");
        }

        if (amount > remaining)
        {
            throw ApiException.InvalidRequest(
                $"Refund amount ({Money(amount, charge.Currency)}) is greater than unrefunded amount on charge ({Money(remaining, charge.Currency)})",
                "amount", "amount_too_large");
        }

        var reason = p.NonEmpty("reason");
        if (reason is not null && reason is not ("duplicate" or "fraudulent" or "requested_by_customer"))
        {
            throw ApiException.InvalidRequest("Invalid reason: must be one of duplicate, fraudulent, or requested_by_customer", "reason");
        }

        var refund = new Refund
        {
            Id = StripeIds.New("re_"),
            Created = world.Now,
            Charge = charge.Id,
            PaymentIntent = charge.PaymentIntent,
            Customer = charge.Customer,
            PaymentMethod = charge.PaymentMethod,
            Amount = amount,
            Currency = charge.Currency,
            Status = "succeeded",
            Reason = reason,
            BalanceTransaction = StripeIds.New("txn_"),
        };
        p.ApplyMetadata(refund.Metadata);
        world.Add(refund);
        world.Emit("refund.created", refund);
        world.Emit("charge.refunded", charge);
        return call.Render(refund);
    }

    private static string Money(long amount, string currency) =>
        (currency == "usd" ? "$" : currency.ToUpperInvariant() + " ") + (amount / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    public static JsonObject Retrieve(ApiCall call) => call.Render(call.World.Get<Refund>(call.Route("id"), "refund"));

    public static JsonObject Update(ApiCall call)
    {
        var refund = call.World.Get<Refund>(call.Route("id"), "refund");
        var before = call.World.Render(refund);
        call.Params.ApplyMetadata(refund.Metadata);
        call.World.EmitIfChanged("refund.updated", refund, before);
        return call.Render(refund);
    }

    public static JsonObject Cancel(ApiCall call)
    {
        var world = call.World;
        var refund = world.Get<Refund>(call.Route("id"), "refund");
        if (refund.Status is not ("pending" or "requires_action"))
        {
            throw ApiException.InvalidRequest($"Refund {refund.Id} has a status of {refund.Status}; only pending or requires_action refunds can be canceled.", code: "refund_unexpected_state");
        }

        refund.Status = "canceled";
        world.Emit("refund.updated", refund);
        return call.Render(refund);
    }

    public static JsonObject List(ApiCall call)
    {
        var p = call.Params;
        var charge = p.NonEmpty("charge");
        var intent = p.NonEmpty("payment_intent");
        var items = call.World.Owned<Refund>(charge).Where(r => (charge is null || r.Charge == charge) && (intent is null || r.PaymentIntent == intent));
        return ListPage.Of(call, items, "/v1/refunds");
    }
}
