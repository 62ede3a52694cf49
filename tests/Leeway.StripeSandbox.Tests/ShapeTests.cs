using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Stripe;

namespace Leeway.StripeSandbox.Tests;

/// <summary>
/// Every object type the sandbox returns carries the same top-level keys as Stripe's own example of it (fixtures3.json),
/// each with the same JSON type. Null is allowed on either side: where Stripe's example is null the type is unknown,
/// and where the sandbox answers null the field is one Stripe documents as nullable (a discount, an address, an error).
/// The example predates the pinned API version: where that version's definition (npm stripe@23.1.0, held against the
/// sandbox's traffic by Leeway.Tests' StripeSpecCheckTests) differs, the definition wins, and the differences are listed here.
/// </summary>
public sealed class ShapeTests
{
    private static readonly Lazy<JsonObject> Fixtures = new(() => JsonNode.Parse(System.IO.File.ReadAllText(SharedFiles.Fixtures))!["resources"]!.AsObject());

    /// <summary>Required fields of 2026-10-28.endive that the example lacks.</summary>
    private static readonly Dictionary<string, string[]> AddedSinceTheExample = new(StringComparer.Ordinal)
    {
        ["checkout.session"] = ["allowed_payment_method_types"],
        ["payment_intent"] = ["allowed_payment_method_types", "payment_record"],
        ["subscription_item"] = ["current_trial"],
        ["dispute"] = ["intended_submission_method"],
    };

    /// <summary>Fields of the example that 2026-10-28.endive's objects no longer have (an invoice names its subscription
    /// under <c>parent.subscription_details</c> since 2025-03-31.basil).</summary>
    private static readonly Dictionary<string, string[]> GoneSinceTheExample = new(StringComparer.Ordinal)
    {
        ["invoice"] = ["subscription"],
    };

    [Fact]
    public async Task Every_object_type_matches_Stripes_example()
    {
        await using var world = await TestWorld.SeedAsync("""
            {"customers":[{"id":"cus_s","email":"s@example.com","name":"S",
              "payment_methods":[{"id":"pm_s","default":true,"on_charge":"decline:insufficient_funds"}],
              "subscriptions":[{"id":"sub_s","status":"past_due","items":[{"price":"price_s","quantity":1,"unit_amount":2900}],
                "current_period_start":"2026-11-01T00:00:00Z","current_period_end":"2026-12-01T00:00:00Z"}],
              "invoices":[{"id":"in_s","subscription":"sub_s","status":"open","amount_due":2900,"created":"2026-11-01T00:00:00Z","attempt_count":1,"last_payment_error":"insufficient_funds"},
                          {"id":"in_paid","status":"paid","amount_due":1000,"created":"2026-10-01T00:00:00Z"}],
              "charges":[{"id":"ch_s","amount":1000,"created":"2026-10-01T00:05:00Z","invoice":"in_paid","status":"succeeded","amount_refunded":100,"disputed":true}],
              "disputes":[{"id":"dp_s","charge":"ch_s","amount":900,"status":"needs_response","reason":"fraudulent","created":"2026-11-02T00:00:00Z"}],
              "checkout_sessions":[{"id":"cs_s","mode":"payment","status":"open","expires_at":"2026-11-10T12:00:00Z","amount_total":4900}]}]}
            """);
        await using var receiver = await WebhookReceiver.StartAsync();
        var stripe = world.Stripe.V1;
        await stripe.WebhookEndpoints.CreateAsync(new WebhookEndpointCreateOptions { Url = receiver.Url, EnabledEvents = ["*"] });
        var portal = await stripe.BillingPortal.Sessions.CreateAsync(new Stripe.BillingPortal.SessionCreateOptions { Customer = "cus_s" });
        var balance = await stripe.Customers.BalanceTransactions.CreateAsync("cus_s", new CustomerBalanceTransactionCreateOptions { Amount = -500, Currency = "usd" });
        var clock = await stripe.TestHelpers.TestClocks.CreateAsync(new Stripe.TestHelpers.TestClockCreateOptions { FrozenTime = TestWorld.DefaultNow.UtcDateTime });
        var intent = (await stripe.PaymentIntents.ListAsync(new PaymentIntentListOptions { Customer = "cus_s" })).First(i => i.Status == "requires_payment_method" && i.LastPaymentError is not null);
        var refund = (await stripe.Refunds.ListAsync(new RefundListOptions { Charge = "ch_s" })).Single();
        var item = (await stripe.Subscriptions.GetAsync("sub_s")).Items.Data[0];
        var payment = (await stripe.InvoicePayments.ListAsync(new InvoicePaymentListOptions { Invoice = "in_paid" })).Single();
        var line = (await stripe.Invoices.LineItems.ListAsync("in_s")).Data[0];
        var evt = (await stripe.Events.ListAsync()).First();
        var endpoint = (await stripe.WebhookEndpoints.ListAsync()).Single();
        var product = (await stripe.Prices.GetAsync("price_s")).ProductId;

        var checks = new (string Type, string Path)[]
        {
            ("customer", "/v1/customers/cus_s"),
            ("payment_method", "/v1/payment_methods/pm_s"),
            ("price", "/v1/prices/price_s"),
            ("product", $"/v1/products/{product}"),
            ("subscription", "/v1/subscriptions/sub_s"),
            ("subscription_item", $"/v1/subscription_items/{item.Id}"),
            ("invoice", "/v1/invoices/in_s"),
            ("invoice", "/v1/invoices/in_paid"),
            ("line_item", $"/_sandbox/objects/{line.Id}"),
            ("invoice_payment", $"/v1/invoice_payments/{payment.Id}"),
            ("payment_intent", $"/v1/payment_intents/{intent.Id}"),
            ("charge", "/v1/charges/ch_s"),
            ("charge", $"/v1/charges/{intent.LatestChargeId}"),
            ("refund", $"/v1/refunds/{refund.Id}"),
            ("dispute", "/v1/disputes/dp_s"),
            ("checkout.session", "/v1/checkout/sessions/cs_s"),
            ("billing_portal.session", $"/_sandbox/objects/{portal.Id}"),
            ("customer_balance_transaction", $"/v1/customers/cus_s/balance_transactions/{balance.Id}"),
            ("event", $"/v1/events/{evt.Id}"),
            ("webhook_endpoint", $"/v1/webhook_endpoints/{endpoint.Id}"),
            ("test_helpers.test_clock", $"/v1/test_helpers/test_clocks/{clock.Id}"),
        };

        var problems = new List<string>();
        foreach (var (type, path) in checks)
        {
            var actual = await RawAsync(world, path);
            Assert.Equal(type, actual["object"]!.GetValue<string>());
            problems.AddRange(Compare(type, Fixtures.Value[type]!.AsObject(), actual).Select(p => $"{path}: {p}"));
        }

        var list = await RawAsync(world, "/v1/customers");
        Assert.Equal(["object", "data", "has_more", "url"], list.Select(p => p.Key));
        Assert.Equal(JsonValueKind.Array, list["data"]!.GetValueKind());
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private static IEnumerable<string> Compare(string type, JsonObject expected, JsonObject actual)
    {
        var gone = GoneSinceTheExample.GetValueOrDefault(type, []);
        var added = AddedSinceTheExample.GetValueOrDefault(type, []);
        foreach (var key in gone.Where(actual.ContainsKey))
        {
            yield return $"{type}.{key} is no longer in the pinned version";
        }

        foreach (var (key, value) in expected.Where(p => !gone.Contains(p.Key)))
        {
            if (!actual.TryGetPropertyValue(key, out var ours))
            {
                yield return $"{type}.{key} is missing";
            }
            else if (value is not null && ours is not null && Kind(value) != Kind(ours))
            {
                yield return $"{type}.{key} is {Kind(ours)}, Stripe's is {Kind(value)}";
            }
        }

        foreach (var (key, _) in actual)
        {
            if (!expected.ContainsKey(key) && !added.Contains(key))
            {
                yield return $"{type}.{key} is not in Stripe's example";
            }
        }
    }

    private static string Kind(JsonNode node) => node.GetValueKind() switch
    {
        JsonValueKind.True or JsonValueKind.False => "boolean",
        var kind => kind.ToString(),
    };

    private static async Task<JsonObject> RawAsync(TestWorld world, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "sk_test_x");
        using var response = await world.Admin.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }
}
