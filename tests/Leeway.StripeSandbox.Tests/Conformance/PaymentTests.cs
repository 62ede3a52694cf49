using System.Net;
using System.Text.Json.Nodes;
using Stripe;

namespace Leeway.StripeSandbox.Tests.Conformance;

/// <summary>Charge attempts do what the card's <c>on_charge</c> says, every time, with Stripe's errors and resulting state.</summary>
public sealed class PaymentTests
{
    private static string PastDueWorld(string onCharge, string currency = "usd") => $$"""
        {"customers":[{"id":"cus_ana","email":"ana@example.com","name":"Ana",
          "payment_methods":[{"id":"pm_ana","brand":"visa","last4":"4242","exp_month":8,"exp_year":2028,"default":true,"on_charge":"{{onCharge}}"}],
          "subscriptions":[{"id":"sub_ana","status":"past_due","currency":"{{currency}}","items":[{"price":"price_seats","quantity":2,"unit_amount":1000}],
            "current_period_start":"2026-11-01T00:00:00Z","current_period_end":"2026-12-01T00:00:00Z","cancel_at_period_end":false}],
          "invoices":[{"id":"in_ana","subscription":"sub_ana","status":"open","amount_due":2000,"currency":"{{currency}}","created":"2026-11-01T00:00:00Z",
            "attempt_count":1,"next_payment_attempt":"2026-11-13T08:00:00Z","last_payment_error":"insufficient_funds"}]}]}
        """;

    [Theory]
    [InlineData("insufficient_funds", "card_declined")]
    [InlineData("expired_card", "expired_card")]
    [InlineData("incorrect_cvc", "incorrect_cvc")]
    [InlineData("incorrect_number", "incorrect_number")]
    [InlineData("incorrect_zip", "incorrect_zip")]
    [InlineData("processing_error", "processing_error")]
    [InlineData("stolen_card", "card_declined")]
    [InlineData("do_not_honor", "card_declined")]
    [InlineData("some_future_code", "card_declined")]
    public async Task A_decline_is_a_402_card_error_with_code_and_decline_code_and_leaves_the_invoice_open(string declineCode, string code)
    {
        await using var world = await TestWorld.SeedAsync(PastDueWorld($"decline:{declineCode}"));
        var e = await Assert.ThrowsAsync<StripeException>(() => world.Stripe.V1.Invoices.PayAsync("in_ana"));
        Assert.Equal(HttpStatusCode.PaymentRequired, e.HttpStatusCode);
        Assert.Equal("card_error", e.StripeError.Type);
        Assert.Equal(code, e.StripeError.Code);
        Assert.Equal(declineCode, e.StripeError.DeclineCode);
        Assert.StartsWith("ch_", e.StripeError.Charge);
        Assert.Equal("requires_payment_method", e.StripeError.PaymentIntent.Status);

        var invoice = await world.Stripe.V1.Invoices.GetAsync("in_ana");
        Assert.Equal("open", invoice.Status);
        Assert.Equal(2, invoice.AttemptCount);
        Assert.True(invoice.Attempted);
        // The retry Stripe had scheduled stands; a hard decline (stolen card) is not retried by Stripe.
        Assert.Equal(declineCode == "stolen_card" ? null : new DateTime(2026, 11, 13, 8, 0, 0, DateTimeKind.Utc), invoice.NextPaymentAttempt);

        var charge = await world.Stripe.V1.Charges.GetAsync(e.StripeError.Charge);
        Assert.Equal("failed", charge.Status);
        Assert.Equal(code, charge.FailureCode);
        Assert.Equal(declineCode, charge.Outcome.Reason);
        Assert.Equal("issuer_declined", charge.Outcome.Type);

        var intent = await world.Stripe.V1.PaymentIntents.GetAsync(e.StripeError.PaymentIntent.Id);
        Assert.Equal(code, intent.LastPaymentError.Code);
        Assert.Equal(declineCode, intent.LastPaymentError.DeclineCode);
        Assert.Equal("card_error", intent.LastPaymentError.Type);
        Assert.Equal("pm_ana", intent.LastPaymentError.PaymentMethod.Id);
        Assert.Equal(charge.Id, intent.LastPaymentError.Charge);

        var events = await world.Stripe.V1.Events.ListAsync(new EventListOptions { Limit = 100 });
        Assert.Contains(events, ev => ev.Type == "invoice.payment_failed");
        Assert.Contains(events, ev => ev.Type == "charge.failed");
        Assert.Contains(events, ev => ev.Type == "payment_intent.payment_failed");
    }

    [Fact]
    public async Task A_decline_is_sticky_until_the_card_changes_then_payment_reactivates_the_subscription()
    {
        await using var world = await TestWorld.SeedAsync(PastDueWorld("decline:insufficient_funds"));
        await Assert.ThrowsAsync<StripeException>(() => world.Stripe.V1.Invoices.PayAsync("in_ana"));
        await Assert.ThrowsAsync<StripeException>(() => world.Stripe.V1.Invoices.PayAsync("in_ana"));
        Assert.Equal(3, (await world.Stripe.V1.Invoices.GetAsync("in_ana")).AttemptCount);

        await world.PostAsync("/_sandbox/payment_methods/pm_ana/on_charge", new JsonObject { ["on_charge"] = "succeed" });
        var paid = await world.Stripe.V1.Invoices.PayAsync("in_ana");
        Assert.Equal("paid", paid.Status);
        Assert.Equal(2000, paid.AmountPaid);
        Assert.Equal(0, paid.AmountRemaining);
        Assert.NotNull(paid.StatusTransitions.PaidAt);

        var subscription = await world.Stripe.V1.Subscriptions.GetAsync("sub_ana");
        Assert.Equal("active", subscription.Status);

        var invoices = await world.Stripe.V1.Invoices.ListAsync(new InvoiceListOptions { Customer = "cus_ana", Expand = ["data.payments"] });
        var payment = Assert.Single(invoices.Single().Payments.Data, p => p.Status == "paid");
        // An invoice payment made through a PaymentIntent names the intent, not its charge (Stripe surfaces `charge` only
        // for a charge without one): the charge is the intent's latest.
        Assert.Equal("payment_intent", payment.Payment.Type);
        Assert.Null(payment.Payment.ChargeId);
        var intent = await world.Stripe.V1.PaymentIntents.GetAsync(payment.Payment.PaymentIntentId);
        var charge = await world.Stripe.V1.Charges.GetAsync(intent.LatestChargeId);
        Assert.Equal("succeeded", charge.Status);
        Assert.Equal(payment.Payment.PaymentIntentId, charge.PaymentIntentId);
        Assert.Equal("4242", charge.PaymentMethodDetails.Card.Last4);

        var events = (await world.Stripe.V1.Events.ListAsync(new EventListOptions { Limit = 100 })).Data.Select(e => e.Type).ToList();
        Assert.Contains("invoice.paid", events);
        Assert.Contains("invoice.payment_succeeded", events);
        Assert.Contains("charge.succeeded", events);
        Assert.Contains("payment_intent.succeeded", events);
        var updated = (await world.Stripe.V1.Events.ListAsync(new EventListOptions { Type = "customer.subscription.updated" })).Single();
        Assert.Equal("active", ((Subscription)updated.Data.Object).Status);
        Assert.Equal("past_due", updated.Data.PreviousAttributes["status"].ToString());

        var again = await Assert.ThrowsAsync<StripeException>(() => world.Stripe.V1.Invoices.PayAsync("in_ana"));
        Assert.Equal(HttpStatusCode.BadRequest, again.HttpStatusCode);
        Assert.Equal("invoice_already_paid", again.StripeError.Code);
    }

    [Fact]
    public async Task Authentication_required_is_a_402_until_the_customer_authenticates()
    {
        await using var world = await TestWorld.SeedAsync(PastDueWorld("requires_authentication", "eur"));
        var e = await Assert.ThrowsAsync<StripeException>(() => world.Stripe.V1.Invoices.PayAsync("in_ana"));
        Assert.Equal(HttpStatusCode.PaymentRequired, e.HttpStatusCode);
        Assert.Equal("card_error", e.StripeError.Type);
        Assert.Equal("invoice_payment_intent_requires_action", e.StripeError.Code);
        Assert.Equal("requires_action", e.StripeError.PaymentIntent.Status);
        Assert.Equal("use_stripe_sdk", e.StripeError.PaymentIntent.NextAction.Type);
        Assert.Equal("authentication_required", e.StripeError.PaymentIntent.LastPaymentError.Code);

        var events = (await world.Stripe.V1.Events.ListAsync()).Data.Select(x => x.Type).ToList();
        Assert.Contains("invoice.payment_action_required", events);

        var invoice = await world.PostAsync("/_sandbox/invoices/in_ana/authenticate", new JsonObject());
        Assert.Equal("paid", invoice["status"]!.GetValue<string>());
        var intent = await world.Stripe.V1.PaymentIntents.GetAsync(e.StripeError.PaymentIntent.Id);
        Assert.Equal("succeeded", intent.Status);
        Assert.Equal("eur", intent.Currency);
        Assert.Equal("active", (await world.Stripe.V1.Subscriptions.GetAsync("sub_ana")).Status);
    }

    [Fact]
    public async Task Seeded_open_invoice_carries_a_payment_intent_with_the_last_error_and_its_failed_charge()
    {
        await using var world = await TestWorld.SeedAsync(PastDueWorld("decline:insufficient_funds"));
        var intents = await world.Stripe.V1.PaymentIntents.ListAsync(new PaymentIntentListOptions { Customer = "cus_ana" });
        var intent = Assert.Single(intents.Data);
        Assert.Equal("requires_payment_method", intent.Status);
        Assert.Equal("card_declined", intent.LastPaymentError.Code);
        Assert.Equal("insufficient_funds", intent.LastPaymentError.DeclineCode);
        Assert.Equal(2000, intent.Amount);

        var invoice = (await world.Stripe.V1.Invoices.ListAsync(new InvoiceListOptions { Customer = "cus_ana", Expand = ["data.payments"] })).Single();
        Assert.Equal(intent.Id, invoice.Payments.Data.Single().Payment.PaymentIntentId);
        Assert.StartsWith($"{world.Host.BaseUrl.ToString().TrimEnd('/')}/i/in_ana/", invoice.HostedInvoiceUrl);
        Assert.DoesNotContain("expires_at", invoice.HostedInvoiceUrl);

        var charges = await world.Stripe.V1.Charges.ListAsync(new ChargeListOptions { Customer = "cus_ana" });
        Assert.Equal("failed", Assert.Single(charges.Data).Status);
    }

    [Fact]
    public async Task Payment_intent_confirm_succeeds_declines_or_asks_for_authentication()
    {
        await using var world = await TestWorld.SeedAsync("""
            {"customers":[{"id":"cus_pi","payment_methods":[
              {"id":"pm_ok","on_charge":"succeed"},{"id":"pm_no","on_charge":"decline:do_not_honor"},{"id":"pm_3ds","on_charge":"requires_authentication"}]}]}
            """);
        var intents = world.Stripe.V1.PaymentIntents;
        var ok = await intents.CreateAsync(new PaymentIntentCreateOptions { Amount = 1500, Currency = "usd", Customer = "cus_pi", PaymentMethod = "pm_ok", Confirm = true });
        Assert.Equal("succeeded", ok.Status);
        Assert.Equal(1500, ok.AmountReceived);
        Assert.StartsWith("ch_", ok.LatestChargeId);

        var created = await intents.CreateAsync(new PaymentIntentCreateOptions { Amount = 900, Currency = "usd", Customer = "cus_pi" });
        Assert.Equal("requires_payment_method", created.Status);
        var e = await Assert.ThrowsAsync<StripeException>(() => intents.ConfirmAsync(created.Id, new PaymentIntentConfirmOptions { PaymentMethod = "pm_no" }));
        Assert.Equal(HttpStatusCode.PaymentRequired, e.HttpStatusCode);
        Assert.Equal("card_declined", e.StripeError.Code);
        Assert.Equal("do_not_honor", e.StripeError.DeclineCode);
        Assert.Equal(created.Id, e.StripeError.PaymentIntent.Id);

        var auth = await intents.CreateAsync(new PaymentIntentCreateOptions { Amount = 900, Currency = "usd", Customer = "cus_pi", PaymentMethod = "pm_3ds", Confirm = true });
        Assert.Equal("requires_action", auth.Status);
        Assert.Equal("use_stripe_sdk", auth.NextAction.Type);

        var list = await intents.ListAsync(new PaymentIntentListOptions { Customer = "cus_pi" });
        Assert.Equal(3, list.Data.Count);
        var charges = await world.Stripe.V1.Charges.ListAsync(new ChargeListOptions { PaymentIntent = created.Id });
        Assert.Equal("failed", Assert.Single(charges.Data).Status);
    }
}
