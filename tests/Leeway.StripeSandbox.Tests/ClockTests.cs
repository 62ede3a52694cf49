using System.Net;
using System.Text.Json.Nodes;
using Stripe;

namespace Leeway.StripeSandbox.Tests;

public sealed class ClockTests
{
    private static string World(string onCharge, bool cancelAtPeriodEnd = false) => $$"""
        {"customers":[{"id":"cus_r","payment_methods":[{"id":"pm_r","default":true,"on_charge":"{{onCharge}}"}],
          "subscriptions":[{"id":"sub_r","status":"active","items":[{"price":"price_team","quantity":1,"unit_amount":4900}],
            "current_period_start":"2026-10-12T00:00:00Z","current_period_end":"2026-11-12T00:00:00Z","cancel_at_period_end":{{(cancelAtPeriodEnd ? "true" : "false")}}}]}]}
        """;

    [Fact]
    public async Task A_subscription_renews_at_period_end_and_charges_the_new_invoice()
    {
        await using var world = await TestWorld.SeedAsync(World("succeed"));
        await world.PostAsync("/_sandbox/clock/advance", new JsonObject { ["to"] = "2026-11-13T00:00:00Z" });
        var subscription = await world.Stripe.V1.Subscriptions.GetAsync("sub_r");
        Assert.Equal("active", subscription.Status);
        Assert.Equal(new DateTime(2026, 12, 12, 0, 0, 0, DateTimeKind.Utc), subscription.Items.Data[0].CurrentPeriodEnd);
        var invoice = await world.Stripe.V1.Invoices.GetAsync(subscription.LatestInvoiceId);
        Assert.Equal("paid", invoice.Status);
        Assert.Equal(4900, invoice.AmountPaid);
        Assert.Equal("subscription_cycle", invoice.BillingReason);
        Assert.Equal(new DateTime(2026, 11, 12, 0, 0, 0, DateTimeKind.Utc), invoice.Created);
    }

    [Fact]
    public async Task A_declined_renewal_leaves_the_subscription_past_due_and_Stripe_retries_it_on_schedule()
    {
        await using var world = await TestWorld.SeedAsync(World("decline:insufficient_funds"));
        await world.PostAsync("/_sandbox/clock/advance", new JsonObject { ["to"] = "2026-11-20T00:00:00Z" });
        var subscription = await world.Stripe.V1.Subscriptions.GetAsync("sub_r");
        Assert.Equal("past_due", subscription.Status);
        var invoice = await world.Stripe.V1.Invoices.GetAsync(subscription.LatestInvoiceId);
        Assert.Equal("open", invoice.Status);

        // Renewed on 11-12, retried by Smart Retries on 11-17 06:00 (21 days / 4): two attempts, the next on 11-22 12:00.
        Assert.Equal(2, invoice.AttemptCount);
        Assert.Equal(new DateTime(2026, 11, 22, 12, 0, 0, DateTimeKind.Utc), invoice.NextPaymentAttempt);
        Assert.Contains((await world.Stripe.V1.Events.ListAsync(new EventListOptions { Type = "invoice.payment_failed" })).Data, e => ((Invoice)e.Data.Object).Id == invoice.Id);
    }

    [Fact]
    public async Task Cancel_at_period_end_cancels_when_the_period_ends()
    {
        await using var world = await TestWorld.SeedAsync(World("succeed", cancelAtPeriodEnd: true));
        await world.PostAsync("/_sandbox/clock/advance", new JsonObject { ["seconds"] = 3 * 86400 });
        var subscription = await world.Stripe.V1.Subscriptions.GetAsync("sub_r");
        Assert.Equal("canceled", subscription.Status);
        Assert.Equal(new DateTime(2026, 11, 12, 0, 0, 0, DateTimeKind.Utc), subscription.EndedAt);
        Assert.Single((await world.Stripe.V1.Events.ListAsync(new EventListOptions { Type = "customer.subscription.deleted" })).Data);
    }

    [Fact]
    public async Task Subscription_updates_emit_customer_subscription_updated_with_previous_attributes()
    {
        await using var world = await TestWorld.SeedAsync(World("succeed"));
        var updated = await world.Stripe.V1.Subscriptions.UpdateAsync("sub_r", new SubscriptionUpdateOptions { CancelAtPeriodEnd = true });
        Assert.True(updated.CancelAtPeriodEnd);
        Assert.Equal(new DateTime(2026, 11, 12, 0, 0, 0, DateTimeKind.Utc), updated.CancelAt);
        var e = Assert.Single((await world.Stripe.V1.Events.ListAsync(new EventListOptions { Type = "customer.subscription.updated" })).Data);
        Assert.Equal("False", e.Data.PreviousAttributes["cancel_at_period_end"].ToString());

        var canceled = await world.Stripe.V1.Subscriptions.CancelAsync("sub_r");
        Assert.Equal("canceled", canceled.Status);
        var active = await world.Stripe.V1.Subscriptions.ListAsync(new SubscriptionListOptions { Customer = "cus_r" });
        Assert.Empty(active.Data);
        var all = await world.Stripe.V1.Subscriptions.ListAsync(new SubscriptionListOptions { Customer = "cus_r", Status = "all" });
        Assert.Single(all.Data);
    }

    [Fact]
    public async Task New_subscription_charges_its_first_invoice()
    {
        await using var world = await TestWorld.SeedAsync(World("succeed"));
        var subscription = await world.Stripe.V1.Subscriptions.CreateAsync(new SubscriptionCreateOptions { Customer = "cus_r", Items = [new() { Price = "price_team", Quantity = 2 }] });
        Assert.Equal("active", subscription.Status);
        var invoice = await world.Stripe.V1.Invoices.GetAsync(subscription.LatestInvoiceId);
        Assert.Equal("paid", invoice.Status);
        Assert.Equal(9800, invoice.AmountPaid);
        Assert.Equal(2, (await world.Stripe.V1.Subscriptions.ListAsync(new SubscriptionListOptions { Customer = "cus_r", Price = "price_team" })).Data.Count);
    }
}
