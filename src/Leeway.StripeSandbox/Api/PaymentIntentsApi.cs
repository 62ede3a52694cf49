using System.Text.Json.Nodes;
using Leeway.StripeSandbox.Objects;
using Leeway.StripeSandbox.Payments;
using Leeway.StripeSandbox.Wire;

namespace Leeway.StripeSandbox.Api;

/// <summary><c>/v1/payment_intents</c>: create (optionally confirming), confirm, cancel, update, list.</summary>
internal static class PaymentIntentsApi
{
    public static JsonObject Create(ApiCall call)
    {
        var world = call.World;
        var p = call.Params;
        var amount = p.Long("amount") ?? throw ApiException.InvalidRequest("Missing required param: amount.", "amount", "parameter_missing");
        if (amount < 1)
        {
            throw ApiException.InvalidRequest("Amount must be at least 1 in the smallest currency unit.", "amount", "amount_too_small");
        }

        var currency = p.Required("currency").ToLowerInvariant();
        var customer = p.NonEmpty("customer") is { } c ? CustomersApi.Find(call, c).Id : null;
        var intent = PaymentEngine.NewIntent(world, amount, currency, customer, p.NonEmpty("description"), null);
        intent.ReceiptEmail = p.NonEmpty("receipt_email");
        intent.SetupFutureUsage = p.NonEmpty("setup_future_usage");
        if (p.NonEmpty("payment_method") is { } pm)
        {
            intent.PaymentMethod = world.Get<PaymentMethod>(pm, "PaymentMethod", "payment_method").Id;
            intent.Status = "requires_confirmation";
        }

        p.ApplyMetadata(intent.Metadata);
        if (p.Bool("confirm") == true)
        {
            Confirm(call, intent);
        }

        return call.Render(intent);
    }

    public static JsonObject Retrieve(ApiCall call) => call.Render(call.World.Get<PaymentIntent>(call.Route("id"), "payment_intent"));

    public static JsonObject Update(ApiCall call)
    {
        var world = call.World;
        var intent = world.Get<PaymentIntent>(call.Route("id"), "payment_intent");
        var p = call.Params;
        if (intent.Status is "succeeded" or "canceled" or "processing")
        {
            if (p.Keys.Any(k => k is not ("metadata" or "description" or "expand")))
            {
                throw ApiException.InvalidRequest($"This PaymentIntent's status is {intent.Status}; only its metadata and description can be updated.", code: "payment_intent_unexpected_state");
            }
        }

        intent.Amount = p.Long("amount") ?? intent.Amount;
        intent.Currency = p.NonEmpty("currency")?.ToLowerInvariant() ?? intent.Currency;
        intent.Description = p.String("description") is { } d ? (d.Length == 0 ? null : d) : intent.Description;
        intent.ReceiptEmail = p.String("receipt_email") is { } r ? (r.Length == 0 ? null : r) : intent.ReceiptEmail;
        if (p.NonEmpty("customer") is { } customer)
        {
            intent.Customer = CustomersApi.Find(call, customer).Id;
            call.World.Reindex(intent);
        }

        if (p.NonEmpty("payment_method") is { } pm)
        {
            intent.PaymentMethod = world.Get<PaymentMethod>(pm, "PaymentMethod", "payment_method").Id;
            intent.Status = "requires_confirmation";
        }

        p.ApplyMetadata(intent.Metadata);
        return call.Render(intent);
    }

    public static JsonObject ConfirmRoute(ApiCall call)
    {
        var intent = call.World.Get<PaymentIntent>(call.Route("id"), "payment_intent");
        Confirm(call, intent);
        return call.Render(intent);
    }

    /// <summary>Confirms with the card given or already set. A decline is a 402 (after the state changed); authentication
    /// is <c>requires_action</c> on-session and a 402 <c>authentication_required</c> off-session.</summary>
    private static void Confirm(ApiCall call, PaymentIntent intent)
    {
        var world = call.World;
        var p = call.Params;
        if (intent.Status is not ("requires_payment_method" or "requires_confirmation" or "requires_action"))
        {
            throw ApiException.InvalidRequest(
                $"This PaymentIntent's status is {intent.Status}, but it must be one of requires_payment_method, requires_confirmation, or requires_action to be confirmed.",
                code: "payment_intent_unexpected_state");
        }

        var pmId = p.NonEmpty("payment_method") ?? intent.PaymentMethod
            ?? throw ApiException.InvalidRequest("You cannot confirm this PaymentIntent because it's missing a payment method. To confirm the PaymentIntent with a customer's saved card, pass its id as payment_method.", "payment_method", "payment_intent_unexpected_state");
        var card = world.Get<PaymentMethod>(pmId, "PaymentMethod", "payment_method");
        if (intent.Customer is not null && card.Customer is not null && card.Customer != intent.Customer)
        {
            throw ApiException.InvalidRequest($"The provided PaymentMethod {card.Id} belongs to another customer.", "payment_method", "payment_method_unexpected_state");
        }

        var invoice = world.Find<Invoice>(intent.Invoice);
        var before = invoice is null ? null : world.Render(invoice);
        if (invoice is not null)
        {
            invoice.AttemptCount++;
            invoice.Attempted = true;
        }

        var attempt = PaymentEngine.Confirm(world, intent, card);
        if (attempt.Succeeded)
        {
            if (invoice is { Status: "open" or "uncollectible" })
            {
                InvoiceSettlement.MarkPaid(world, invoice, intent, attempt.Charge);
            }

            return;
        }

        if (invoice is not null)
        {
            world.EmitIfChanged("invoice.updated", invoice, before!);
            world.Emit(attempt.RequiresAction ? "invoice.payment_action_required" : "invoice.payment_failed", invoice);
        }

        if (attempt.RequiresAction)
        {
            if (p.Bool("off_session") == true)
            {
                throw PaymentEngine.CardError(world, intent, attempt, card);
            }

            return;
        }

        throw PaymentEngine.CardError(world, intent, attempt, card);
    }

    public static JsonObject Cancel(ApiCall call)
    {
        var world = call.World;
        var intent = world.Get<PaymentIntent>(call.Route("id"), "payment_intent");
        if (intent.Status is "succeeded" or "canceled")
        {
            throw ApiException.InvalidRequest(
                $"You cannot cancel this PaymentIntent because it has a status of {intent.Status}. Only a PaymentIntent with one of the following statuses may be canceled: requires_payment_method, requires_capture, requires_confirmation, requires_action, processing.",
                code: "payment_intent_unexpected_state");
        }

        intent.Status = "canceled";
        intent.CanceledAt = world.Now;
        intent.CancellationReason = call.Params.NonEmpty("cancellation_reason") ?? "requested_by_customer";
        intent.NextAction = null;
        world.Emit("payment_intent.canceled", intent);
        return call.Render(intent);
    }

    public static JsonObject List(ApiCall call)
    {
        var customer = call.Params.NonEmpty("customer");
        return ListPage.Of(call, call.World.Owned<PaymentIntent>(customer).Where(i => customer is null || i.Customer == customer), "/v1/payment_intents");
    }
}
