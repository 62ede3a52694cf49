using System.Net;
using Stripe;

namespace Leeway.StripeSandbox.Tests.Conformance;

public sealed class RefundTests
{
    private const string World = """
        {"customers":[{"id":"cus_cleo","email":"cleo@example.com",
          "payment_methods":[{"id":"pm_cleo","default":true}],
          "invoices":[{"id":"in_cleo","status":"paid","amount_due":1500,"amount_paid":1500,"created":"2026-11-01T00:00:00Z"}],
          "charges":[{"id":"ch_cleo_1","amount":1500,"created":"2026-11-01T00:05:00Z","invoice":"in_cleo","payment_method":"pm_cleo","status":"succeeded"},
                     {"id":"ch_cleo_2","amount":1500,"created":"2026-11-01T00:06:10Z","invoice":"in_cleo","payment_method":"pm_cleo","status":"succeeded"},
                     {"id":"ch_old","amount":3900,"created":"2026-10-04T16:01:00Z","status":"succeeded","amount_refunded":3900},
                     {"id":"ch_disputed","amount":3000,"created":"2026-10-02T00:05:00Z","status":"succeeded","disputed":true}],
          "refunds":[{"id":"re_pending","charge":"ch_old","amount":1000,"status":"pending","created":"2026-11-09T10:00:00Z"}],
          "disputes":[{"id":"dp_1","charge":"ch_disputed","amount":3000,"status":"needs_response","reason":"unrecognized","created":"2026-11-03T00:00:00Z"}]}]}
        """;

    [Fact]
    public async Task Partial_then_full_refund_then_over_refund_is_400_naming_amount()
    {
        await using var world = await TestWorld.SeedAsync(World);
        var refunds = world.Stripe.V1.Refunds;
        var partial = await refunds.CreateAsync(new RefundCreateOptions { Charge = "ch_cleo_2", Amount = 500, Reason = "duplicate" });
        Assert.Equal("succeeded", partial.Status);
        Assert.Equal(500, partial.Amount);
        Assert.Equal("ch_cleo_2", partial.ChargeId);

        var e = await Assert.ThrowsAsync<StripeException>(() => refunds.CreateAsync(new RefundCreateOptions { Charge = "ch_cleo_2", Amount = 1001 }));
        Assert.Equal(HttpStatusCode.BadRequest, e.HttpStatusCode);
        Assert.Equal("invalid_request_error", e.StripeError.Type);
        Assert.Equal("amount", e.StripeError.Param);
        Assert.Contains("greater than unrefunded amount", e.StripeError.Message);

        var rest = await refunds.CreateAsync(new RefundCreateOptions { Charge = "ch_cleo_2" });
        Assert.Equal(1000, rest.Amount);
        var charge = await world.Stripe.V1.Charges.GetAsync("ch_cleo_2");
        Assert.Equal(1500, charge.AmountRefunded);
        Assert.True(charge.Refunded);

        var again = await Assert.ThrowsAsync<StripeException>(() => refunds.CreateAsync(new RefundCreateOptions { Charge = "ch_cleo_2" }));
        Assert.Equal("charge_already_refunded", again.StripeError.Code);

        var events = (await world.Stripe.V1.Events.ListAsync(new EventListOptions { Limit = 100 })).Data;
        Assert.Equal(2, events.Count(x => x.Type == "charge.refunded"));
        Assert.Equal(2, events.Count(x => x.Type == "refund.created"));
        Assert.Equal(2, (await refunds.ListAsync(new RefundListOptions { Charge = "ch_cleo_2" })).Data.Count);
    }

    [Fact]
    public async Task Charges_list_with_expanded_refunds_shows_seeded_and_synthesized_refunds()
    {
        await using var world = await TestWorld.SeedAsync(World);
        var charges = await world.Stripe.V1.Charges.ListAsync(new ChargeListOptions { Customer = "cus_cleo", Expand = ["data.refunds"] });
        Assert.Equal(["ch_cleo_2", "ch_cleo_1", "ch_old", "ch_disputed"], charges.Data.Select(c => c.Id));
        var old = charges.Data.Single(c => c.Id == "ch_old");
        Assert.Equal(3900, old.AmountRefunded);
        Assert.True(old.Refunded);
        Assert.Equal(2, old.Refunds.Data.Count);
        Assert.Contains(old.Refunds.Data, r => r.Id == "re_pending" && r.Status == "pending" && r.Amount == 1000);
        Assert.Contains(old.Refunds.Data, r => r.Status == "succeeded" && r.Amount == 2900);
        Assert.All(charges.Data, c => Assert.Equal("card", c.PaymentMethodDetails.Type));

        var invoices = await world.Stripe.V1.Invoices.ListAsync(new InvoiceListOptions { Customer = "cus_cleo", Expand = ["data.payments"] });
        // Each payment names the charge's PaymentIntent (Stripe surfaces `charge` only for a charge without one).
        var links = invoices.Single().Payments.Data.Select(p => p.Payment.PaymentIntentId).Order().ToList();
        Assert.Equal(charges.Data.Where(c => c.Id is "ch_cleo_1" or "ch_cleo_2").Select(c => c.PaymentIntentId).Order(), links);
        Assert.All(invoices.Single().Payments.Data, p => Assert.Null(p.Payment.ChargeId));
    }

    [Fact]
    public async Task Disputes_are_listed_by_charge_and_a_disputed_charge_cannot_be_refunded()
    {
        await using var world = await TestWorld.SeedAsync(World);
        var disputes = await world.Stripe.V1.Disputes.ListAsync(new DisputeListOptions { Charge = "ch_disputed" });
        var dispute = Assert.Single(disputes.Data);
        Assert.Equal("dp_1", dispute.Id);
        Assert.Equal("needs_response", dispute.Status);
        Assert.Equal("unrecognized", dispute.Reason);
        Assert.Equal(3000, dispute.Amount);
        Assert.True((await world.Stripe.V1.Charges.GetAsync("ch_disputed")).Disputed);
        Assert.Equal("dp_1", (await world.Stripe.V1.Disputes.GetAsync("dp_1")).Id);

        var e = await Assert.ThrowsAsync<StripeException>(() => world.Stripe.V1.Refunds.CreateAsync(new RefundCreateOptions { Charge = "ch_disputed" }));
        Assert.Equal("charge_disputed", e.StripeError.Code);
    }

    [Fact]
    public async Task Refund_by_payment_intent_refunds_its_charge()
    {
        await using var world = await TestWorld.SeedAsync(World);
        var charge = await world.Stripe.V1.Charges.GetAsync("ch_cleo_1");
        var refund = await world.Stripe.V1.Refunds.CreateAsync(new RefundCreateOptions { PaymentIntent = charge.PaymentIntentId, Amount = 100 });
        Assert.Equal("ch_cleo_1", refund.ChargeId);
        Assert.Single((await world.Stripe.V1.Refunds.ListAsync(new RefundListOptions { PaymentIntent = charge.PaymentIntentId })).Data);
    }
}
