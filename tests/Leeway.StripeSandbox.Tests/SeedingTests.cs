using System.Text.Json.Nodes;
using Stripe;

namespace Leeway.StripeSandbox.Tests;

/// <summary>Every dev scenario's world seeds with its ids kept and its key fields readable through Stripe.net.</summary>
public sealed class SeedingTests
{
    public static TheoryData<string> Scenarios()
    {
        var data = new TheoryData<string>();
        foreach (var file in SharedFiles.DevScenarios)
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Dev_scenario_world_seeds_with_ids_and_key_fields_kept(string file)
    {
        var scenario = JsonNode.Parse(System.IO.File.ReadAllText(Path.Combine(SharedFiles.Root, "scenarios", "dev", file)))!.AsObject();
        var now = DateTimeOffset.Parse(scenario["now"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        await using var world = await TestWorld.StartAsync(now);
        var seeded = await world.PostAsync("/_sandbox/world", new JsonObject { ["now"] = scenario["now"]!.DeepClone(), ["world"] = scenario["world"]!.DeepClone() });
        Assert.True(seeded["objects"]!.GetValue<int>() > 0);
        Assert.Equal(now, world.Host.Now);
        var stripe = world.Stripe.V1;

        foreach (var c in scenario["world"]!["customers"]!.AsArray().Select(n => n!.AsObject()))
        {
            var id = c["id"]!.GetValue<string>();
            var customer = await stripe.Customers.GetAsync(id);
            Assert.Equal(c["email"]?.GetValue<string>(), customer.Email);
            Assert.Equal(c["plan"]?.GetValue<string>() ?? "free", customer.Metadata["plan"]);

            var cards = (await stripe.PaymentMethods.ListAsync(new PaymentMethodListOptions { Customer = id, Type = "card", Limit = 100 })).Data;
            foreach (var pm in Items(c, "payment_methods"))
            {
                var card = Assert.Single(cards, x => x.Id == pm["id"]!.GetValue<string>());
                Assert.Equal(pm["last4"]!.GetValue<string>(), card.Card.Last4);
                Assert.Equal(pm["exp_year"]!.GetValue<long>(), card.Card.ExpYear);
                if (pm["default"]?.GetValue<bool>() == true)
                {
                    Assert.Equal(card.Id, customer.InvoiceSettings.DefaultPaymentMethodId);
                }
            }

            var subscriptions = (await stripe.Subscriptions.ListAsync(new SubscriptionListOptions { Customer = id, Status = "all", Limit = 100 })).Data;
            foreach (var s in Items(c, "subscriptions"))
            {
                var sub = Assert.Single(subscriptions, x => x.Id == s["id"]!.GetValue<string>());
                Assert.Equal(s["status"]!.GetValue<string>(), sub.Status);
                Assert.Equal(s["cancel_at_period_end"]?.GetValue<bool>() ?? false, sub.CancelAtPeriodEnd);
                Assert.Equal(s["currency"]?.GetValue<string>() ?? "usd", sub.Currency);
                Assert.Equal(Time(s["current_period_end"]), sub.Items.Data[0].CurrentPeriodEnd);
                Assert.Equal(s["items"]!.AsArray().Count, sub.Items.Data.Count);
            }

            var invoices = (await stripe.Invoices.ListAsync(new InvoiceListOptions { Customer = id, Limit = 100, Expand = ["data.payments"] })).Data;
            foreach (var i in Items(c, "invoices"))
            {
                var invoice = Assert.Single(invoices, x => x.Id == i["id"]!.GetValue<string>());
                Assert.Equal(i["status"]!.GetValue<string>(), invoice.Status);
                Assert.Equal(i["amount_due"]!.GetValue<long>(), invoice.AmountDue);
                Assert.Equal(i["attempt_count"]?.GetValue<long>() ?? invoice.AttemptCount, invoice.AttemptCount);
                Assert.Equal(i["subscription"]?.GetValue<string>(), invoice.Parent?.SubscriptionDetails?.SubscriptionId);
                Assert.Equal(i["currency"]?.GetValue<string>() ?? "usd", invoice.Currency);
                Assert.NotNull(invoice.HostedInvoiceUrl);
                if (i["lines"] is JsonArray lines)
                {
                    Assert.Equal(lines.Select(l => l!["amount"]!.GetValue<long>()), invoice.Lines.Data.Select(l => l.Amount));
                }

                if (i["last_payment_error"] is { } error)
                {
                    var intent = await stripe.PaymentIntents.GetAsync(invoice.Payments.Data.Single().Payment.PaymentIntentId);
                    Assert.Contains(error.GetValue<string>(), new[] { intent.LastPaymentError.Code, intent.LastPaymentError.DeclineCode });
                }
            }

            var charges = (await stripe.Charges.ListAsync(new ChargeListOptions { Customer = id, Limit = 100, Expand = ["data.refunds"] })).Data;
            foreach (var ch in Items(c, "charges"))
            {
                var charge = Assert.Single(charges, x => x.Id == ch["id"]!.GetValue<string>());
                Assert.Equal(ch["amount"]!.GetValue<long>(), charge.Amount);
                Assert.Equal(ch["status"]!.GetValue<string>(), charge.Status);
                Assert.Equal(ch["amount_refunded"]?.GetValue<long>() ?? 0, charge.AmountRefunded);
                Assert.Equal(ch["amount_refunded"]?.GetValue<long>() ?? 0, charge.Refunds.Data.Where(r => r.Status is not ("failed" or "canceled")).Sum(r => r.Amount));
                Assert.Equal(ch["disputed"]?.GetValue<bool>() ?? false, charge.Disputed);
                Assert.Equal(Time(ch["created"]), charge.Created);
                if (ch["invoice"] is { } invoiceId)
                {
                    var invoice = invoices.Single(x => x.Id == invoiceId.GetValue<string>());
                    Assert.Contains(invoice.Payments.Data, p => p.Payment.Type == "payment_intent" && p.Payment.PaymentIntentId == charge.PaymentIntentId);
                }
            }

            foreach (var r in Items(c, "refunds"))
            {
                var refund = await stripe.Refunds.GetAsync(r["id"]!.GetValue<string>());
                Assert.Equal(r["status"]!.GetValue<string>(), refund.Status);
                Assert.Equal(r["charge"]!.GetValue<string>(), refund.ChargeId);
                Assert.Equal(r["amount"]!.GetValue<long>(), refund.Amount);
            }

            foreach (var d in Items(c, "disputes"))
            {
                var dispute = Assert.Single((await stripe.Disputes.ListAsync(new DisputeListOptions { Charge = d["charge"]!.GetValue<string>() })).Data);
                Assert.Equal(d["id"]!.GetValue<string>(), dispute.Id);
                Assert.Equal(d["status"]!.GetValue<string>(), dispute.Status);
            }

            var sessions = (await stripe.Checkout.Sessions.ListAsync(new Stripe.Checkout.SessionListOptions { Customer = id, Limit = 100 })).Data;
            foreach (var cs in Items(c, "checkout_sessions"))
            {
                var session = Assert.Single(sessions, x => x.Id == cs["id"]!.GetValue<string>());
                Assert.Equal(cs["status"]!.GetValue<string>(), session.Status);
                Assert.Equal(Time(cs["expires_at"]), session.ExpiresAt);
                Assert.Equal(cs["amount_total"]?.GetValue<long>(), session.AmountTotal);
            }
        }
    }

    private static IEnumerable<JsonObject> Items(JsonObject customer, string key) =>
        (customer[key] as JsonArray ?? []).Select(n => n!.AsObject());

    private static DateTime Time(JsonNode? node) =>
        DateTimeOffset.Parse(node!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).UtcDateTime;
}
