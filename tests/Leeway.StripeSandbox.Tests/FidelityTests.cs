using System.Net;
using System.Text.Json.Nodes;
using Stripe;

namespace Leeway.StripeSandbox.Tests;

/// <summary>Where the sandbox must behave as Stripe does, not kinder (each behaviour cited in the sandbox's README).</summary>
public sealed class FidelityTests
{
    private const string Declining = """
        {"customers":[{"id":"cus_f","email":"f@example.com",
          "payment_methods":[{"id":"pm_dead","default":true,"on_charge":"decline:insufficient_funds"}],
          "subscriptions":[{"id":"sub_f","status":"past_due","items":[{"price":"price_f","quantity":1,"unit_amount":2000}],
            "current_period_start":"2026-11-01T00:00:00Z","current_period_end":"2026-12-01T00:00:00Z"}],
          "invoices":[{"id":"in_f","subscription":"sub_f","status":"open","amount_due":2000,"created":"2026-11-01T00:00:00Z"}]}]}
        """;

    [Fact]
    public async Task A_card_saved_through_a_setup_mode_checkout_is_only_attached_with_Stripe_webhooks()
    {
        await using var world = await TestWorld.SeedAsync(Declining);
        var session = await world.Stripe.V1.Checkout.Sessions.CreateAsync(new Stripe.Checkout.SessionCreateOptions
        {
            Mode = "setup",
            Customer = "cus_f",
            Currency = "usd",
            SuccessUrl = "https://example.com/ok",
        });

        var done = await world.PostAsync("/_sandbox/links/complete", new JsonObject
        {
            ["url"] = session.Url,
            ["payment_method"] = new JsonObject { ["brand"] = "mastercard", ["last4"] = "4444", ["exp_month"] = 3, ["exp_year"] = 2030 },
        });

        Assert.Equal("card_saved", done["outcome"]!.GetValue<string>());
        var completed = await world.Stripe.V1.Checkout.Sessions.GetAsync(session.Id, new Stripe.Checkout.SessionGetOptions { Expand = ["setup_intent"] });
        Assert.Equal("complete", completed.Status);
        Assert.Equal("succeeded", completed.SetupIntent.Status);
        var saved = await world.Stripe.V1.PaymentMethods.GetAsync(completed.SetupIntent.PaymentMethodId);
        Assert.Equal(("cus_f", "4444", "mastercard"), (saved.CustomerId, saved.Card.Last4, saved.Card.Brand));

        // Stripe changes no default: the customer's invoices still go to the dead card until the integrator says otherwise.
        Assert.Equal("pm_dead", (await world.Stripe.V1.Customers.GetAsync("cus_f")).InvoiceSettings.DefaultPaymentMethodId);
        Assert.Null((await world.Stripe.V1.Subscriptions.GetAsync("sub_f")).DefaultPaymentMethodId);
        var types = (await world.Stripe.V1.Events.ListAsync()).Data.Select(e => e.Type).ToList();
        Assert.Contains("payment_method.attached", types);
        Assert.Contains("setup_intent.succeeded", types);
        Assert.Contains("checkout.session.completed", types);
        Assert.DoesNotContain("customer.updated", types);
    }

    [Fact]
    public async Task A_subscription_default_payment_method_wins_over_the_customer_invoice_default()
    {
        await using var world = await TestWorld.SeedAsync(Declining);
        var good = await world.Stripe.V1.PaymentMethods.AttachAsync("pm_card_visa", new PaymentMethodAttachOptions { Customer = "cus_f" });
        await world.Stripe.V1.Subscriptions.UpdateAsync("sub_f", new SubscriptionUpdateOptions { DefaultPaymentMethod = good.Id });

        var paid = await world.Stripe.V1.Invoices.PayAsync("in_f");

        Assert.Equal("paid", paid.Status);
        var charge = Assert.Single((await world.Stripe.V1.Charges.ListAsync(new ChargeListOptions { Customer = "cus_f" })).Data, c => c.Status == "succeeded");
        Assert.Equal(good.Id, charge.PaymentMethod);
    }

    [Fact]
    public async Task Smart_retries_are_on_by_default_and_follow_next_payment_attempt()
    {
        await using var world = await TestWorld.SeedAsync(Declining);
        var declined = await Assert.ThrowsAsync<StripeException>(() => world.Stripe.V1.Invoices.PayAsync("in_f"));
        Assert.Equal("insufficient_funds", declined.StripeError.DeclineCode);

        // The default policy: 4 retries within 21 days of the first attempt, spread evenly: the first 5.25 days on.
        var failed = await world.Stripe.V1.Invoices.GetAsync("in_f");
        Assert.Equal(TestWorld.DefaultNow.AddDays(21.0 / 4).UtcDateTime, failed.NextPaymentAttempt);
        var settings = await world.GetAsync("/_sandbox/smart_retries");
        Assert.True(settings["enabled"]!.GetValue<bool>());

        await world.PostAsync("/_sandbox/payment_methods/pm_dead/on_charge", new JsonObject { ["on_charge"] = "succeed" });
        await world.PostAsync("/_sandbox/clock/advance", new JsonObject { ["seconds"] = 6 * 24 * 3600 });

        var retried = await world.Stripe.V1.Invoices.GetAsync("in_f");
        Assert.Equal(("paid", 2L), (retried.Status, retried.AttemptCount));
        Assert.Null(retried.NextPaymentAttempt);

        // Stripe's own retry is no API request: the record holds only the first, declined /pay.
        Assert.Single(await world.RequestsAsync(), r => r!["path"]!.GetValue<string>().EndsWith("/pay", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Smart_retries_can_be_configured_off_and_leave_no_next_attempt()
    {
        await using var world = await TestWorld.SeedAsync(Declining);
        var off = await world.PostAsync("/_sandbox/smart_retries", new JsonObject { ["enabled"] = false });
        Assert.False(off["enabled"]!.GetValue<bool>());
        await world.PostAsync("/_sandbox/smart_retries", new JsonObject { ["max_retry_count"] = 9 }, expectedStatus: 400);

        await Assert.ThrowsAsync<StripeException>(() => world.Stripe.V1.Invoices.PayAsync("in_f"));

        Assert.Null((await world.Stripe.V1.Invoices.GetAsync("in_f")).NextPaymentAttempt);
    }

    [Fact]
    public async Task An_idempotency_key_is_forgotten_after_24_hours()
    {
        await using var world = await TestWorld.StartAsync();
        var options = new RequestOptions { IdempotencyKey = "key-24h" };
        var first = await world.Stripe.V1.Customers.CreateAsync(new CustomerCreateOptions { Email = "a@example.com" }, options);
        var replay = await world.Stripe.V1.Customers.CreateAsync(new CustomerCreateOptions { Email = "a@example.com" }, options);
        Assert.Equal(first.Id, replay.Id);

        await world.PostAsync("/_sandbox/clock/advance", new JsonObject { ["seconds"] = 24 * 3600 });
        var later = await world.Stripe.V1.Customers.CreateAsync(new CustomerCreateOptions { Email = "a@example.com" }, options);

        Assert.NotEqual(first.Id, later.Id);
    }

    [Fact]
    public async Task A_500_is_stored_for_its_idempotency_key_and_replayed()
    {
        await using var world = await TestWorld.StartAsync();
        await world.PostAsync("/_sandbox/faults", new JsonObject { ["faults"] = new JsonArray(), ["fail_writes"] = 1 });
        var options = new RequestOptions { IdempotencyKey = "key-500" };

        var failed = await Assert.ThrowsAsync<StripeException>(() => world.Stripe.V1.Customers.CreateAsync(new CustomerCreateOptions { Email = "b@example.com" }, options));
        var again = await Assert.ThrowsAsync<StripeException>(() => world.Stripe.V1.Customers.CreateAsync(new CustomerCreateOptions { Email = "b@example.com" }, options));
        var fresh = await world.Stripe.V1.Customers.CreateAsync(new CustomerCreateOptions { Email = "b@example.com" }, new RequestOptions { IdempotencyKey = "key-other" });

        Assert.Equal((HttpStatusCode.InternalServerError, HttpStatusCode.InternalServerError), (failed.HttpStatusCode, again.HttpStatusCode));
        var record = await world.RequestsAsync();
        Assert.True(record[1]!["replayed"]!.GetValue<bool>());
        Assert.StartsWith("cus_", fresh.Id);
    }

    [Fact]
    public async Task Rate_limits_answer_429_with_Stripe_rate_limit_error_once_turned_on()
    {
        await using var world = await TestWorld.StartAsync();
        Assert.False((await world.GetAsync("/_sandbox/rate_limits"))["enabled"]!.GetValue<bool>());
        await world.PostAsync("/_sandbox/rate_limits", new JsonObject { ["enabled"] = true, ["reads_per_second"] = 2 });

        using var http = new HttpClient { BaseAddress = world.Host.BaseUrl };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "sk_test_x");
        var statuses = new List<HttpStatusCode>();
        JsonObject? refusal = null;
        string? reason = null;
        for (var i = 0; i < 5; i++)
        {
            using var response = await http.GetAsync("/v1/customers");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refusal = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
                reason = response.Headers.GetValues("Stripe-Rate-Limited-Reason").Single();
            }
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.Equal("rate_limit", refusal!["error"]!["code"]!.GetValue<string>());
        Assert.Equal("invalid_request_error", refusal["error"]!["type"]!.GetValue<string>());
        Assert.Equal("global-rate", reason);
        var stripeSees = await Assert.ThrowsAnyAsync<StripeException>(async () =>
        {
            for (var i = 0; i < 5; i++)
            {
                await world.Stripe.V1.Customers.ListAsync();
            }
        });
        Assert.Equal(HttpStatusCode.TooManyRequests, stripeSees.HttpStatusCode);
    }

    [Fact]
    public async Task A_customer_bills_in_the_currency_of_their_first_subscription_or_invoice()
    {
        await using var world = await TestWorld.SeedAsync("""
            {"customers":[{"id":"cus_eur","email":"e@example.com",
              "subscriptions":[{"id":"sub_eur","status":"active","currency":"eur","items":[{"price":"price_e","quantity":1,"unit_amount":2000}],
                "current_period_start":"2026-11-01T00:00:00Z","current_period_end":"2026-12-01T00:00:00Z"}]},
              {"id":"cus_none","email":"n@example.com"}]}
            """);

        Assert.Equal("eur", (await world.Stripe.V1.Customers.GetAsync("cus_eur")).Currency);
        Assert.Null((await world.Stripe.V1.Customers.GetAsync("cus_none")).Currency);
    }

    [Fact]
    public async Task A_test_chooses_when_the_next_requests_meet_a_429_and_sees_how_many_were_in_flight_at_once()
    {
        await using var world = await TestWorld.SeedAsync(Declining);
        await world.PostAsync("/_sandbox/rate_limits", new JsonObject { ["enabled"] = true, ["refuse_next_reads"] = 1, ["refuse_next_writes"] = 1 });

        var read = await Assert.ThrowsAnyAsync<StripeException>(() => world.Stripe.V1.Customers.GetAsync("cus_f"));
        var write = await Assert.ThrowsAnyAsync<StripeException>(() => world.Stripe.V1.Customers.UpdateAsync("cus_f", new CustomerUpdateOptions { Name = "F" }));
        Assert.Equal((HttpStatusCode.TooManyRequests, "rate_limit"), (read.HttpStatusCode, read.StripeError.Code));
        Assert.Equal((HttpStatusCode.TooManyRequests, "rate_limit"), (write.HttpStatusCode, write.StripeError.Code));
        Assert.Equal("F", (await world.Stripe.V1.Customers.UpdateAsync("cus_f", new CustomerUpdateOptions { Name = "F" })).Name);
        Assert.Equal(2, (await world.GetAsync("/_sandbox/rate_limits"))["refused"]!.GetValue<long>());

        await world.PostAsync("/_sandbox/faults", new JsonObject { ["faults"] = new JsonArray(), ["latency_ms"] = 300 });
        await world.PostAsync("/_sandbox/request_counts/reset", new JsonObject());
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => world.Stripe.V1.Customers.GetAsync("cus_f")));
        await world.Stripe.V1.Customers.GetAsync("cus_f");
        var counts = await world.GetAsync("/_sandbox/request_counts");
        Assert.Equal((4, 3), (counts["total"]!.GetValue<int>(), counts["in_flight_max"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Webhook_endpoints_carry_their_api_version_and_events_go_out_in_it()
    {
        await using var world = await TestWorld.SeedAsync(Declining);
        await using var pinned = await WebhookReceiver.StartAsync();
        await using var defaulted = await WebhookReceiver.StartAsync();
        var endpoint = await world.Stripe.V1.WebhookEndpoints.CreateAsync(new WebhookEndpointCreateOptions
        {
            Url = pinned.Url,
            EnabledEvents = ["invoice.payment_failed"],
            ApiVersion = "2025-03-31.basil",
        });
        Assert.Equal("2025-03-31.basil", endpoint.ApiVersion);
        var plain = await world.Stripe.V1.WebhookEndpoints.CreateAsync(new WebhookEndpointCreateOptions { Url = defaulted.Url, EnabledEvents = ["*"] });
        Assert.Null(plain.ApiVersion);

        await world.PostAsync("/_sandbox/events", new JsonObject { ["type"] = "invoice.payment_failed", ["object"] = "in_f" });

        Assert.Equal("2025-03-31.basil", JsonNode.Parse(Assert.Single(pinned.Received).Body)!["api_version"]!.GetValue<string>());
        Assert.Equal("2026-10-28.endive", JsonNode.Parse(Assert.Single(defaulted.Received).Body)!["api_version"]!.GetValue<string>());
    }

    [Fact]
    public async Task Every_Stripe_dispute_status_seeds_and_an_appeal_moves_under_review()
    {
        string[] statuses = ["warning_needs_response", "warning_under_review", "warning_closed", "needs_response", "under_review", "won", "lost", "prevented", "appeal_needs_response", "appeal_under_review"];
        var charges = new JsonArray(statuses.Select((_, i) => (JsonNode)new JsonObject { ["id"] = $"ch_{i}", ["amount"] = 1000, ["created"] = "2026-11-01T00:00:00Z", ["status"] = "succeeded" }).ToArray());
        var disputes = new JsonArray(statuses.Select((s, i) => (JsonNode)new JsonObject { ["id"] = $"dp_{i}", ["charge"] = $"ch_{i}", ["status"] = s, ["created"] = "2026-11-02T00:00:00Z" }).ToArray());
        await using var world = await TestWorld.StartAsync();
        await world.PostAsync("/_sandbox/world", new JsonObject
        {
            ["world"] = new JsonObject { ["customers"] = new JsonArray(new JsonObject { ["id"] = "cus_d", ["charges"] = charges, ["disputes"] = disputes }) },
        });

        Assert.Equal(statuses, (await Task.WhenAll(statuses.Select((_, i) => world.Stripe.V1.Disputes.GetAsync($"dp_{i}")))).Select(d => d.Status));
        var appealed = await world.Stripe.V1.Disputes.UpdateAsync("dp_8", new DisputeUpdateOptions { Submit = true });
        Assert.Equal("appeal_under_review", appealed.Status);
        await world.PostAsync("/_sandbox/world", new JsonObject
        {
            ["world"] = new JsonObject { ["customers"] = new JsonArray(new JsonObject { ["id"] = "cus_e", ["charges"] = new JsonArray(new JsonObject { ["id"] = "ch_e", ["amount"] = 10 }), ["disputes"] = new JsonArray(new JsonObject { ["id"] = "dp_e", ["charge"] = "ch_e", ["status"] = "open" }) }) },
        }, expectedStatus: 400);
    }
}
