using System.Text.Json.Nodes;
using Stripe;

namespace Leeway.StripeSandbox.Tests;

/// <summary><c>/v1/webhook_endpoints</c> as Stripe has it: an endpoint carries the API version its events are rendered
/// as (set at creation), its secret is shown only at creation; and a sandbox started with one key refuses any other.</summary>
public sealed class WebhookEndpointApiTests
{
    private const string World = """
        {"customers":[{"id":"cus_ada","email":"ada@example.com",
          "invoices":[{"id":"in_ada","status":"open","amount_due":2000,"created":"2026-11-10T08:00:00Z","attempt_count":1}]}]}
        """;

    [Fact]
    public async Task An_endpoint_keeps_the_api_version_it_was_created_on_and_its_secret_is_shown_once()
    {
        await using var world = await TestWorld.StartAsync();
        var endpoints = world.Stripe.V1.WebhookEndpoints;

        var pinned = await endpoints.CreateAsync(new WebhookEndpointCreateOptions { Url = "https://a.example/hook", ApiVersion = StripeConfiguration.ApiVersion, EnabledEvents = ["invoice.paid"] });
        var accountDefault = await endpoints.CreateAsync(new WebhookEndpointCreateOptions { Url = "https://b.example/hook", EnabledEvents = ["*"] });

        Assert.Equal(StripeConfiguration.ApiVersion, pinned.ApiVersion);
        Assert.StartsWith("whsec_", pinned.Secret);
        Assert.Null(accountDefault.ApiVersion); // Stripe: null, events rendered on the account's default version
        var again = await endpoints.GetAsync(pinned.Id);
        Assert.Equal(StripeConfiguration.ApiVersion, again.ApiVersion);
        Assert.Null(again.Secret);
        Assert.All(await endpoints.ListAsync(), e => Assert.Null(e.Secret));
    }

    [Fact]
    public async Task A_malformed_api_version_is_refused_naming_the_parameter()
    {
        await using var world = await TestWorld.StartAsync();

        var e = await Assert.ThrowsAsync<StripeException>(() => world.Stripe.V1.WebhookEndpoints.CreateAsync(
            new WebhookEndpointCreateOptions { Url = "https://a.example/hook", ApiVersion = "latest", EnabledEvents = ["*"] }));

        Assert.Equal(400, (int)e.HttpStatusCode);
        Assert.Equal("api_version", e.StripeError.Param);
        Assert.Empty(await world.Stripe.V1.WebhookEndpoints.ListAsync());
    }

    [Fact]
    public async Task Each_endpoint_receives_events_labelled_with_its_own_api_version()
    {
        await using var world = await TestWorld.SeedAsync(World);
        await using var old = await WebhookReceiver.StartAsync();
        await using var current = await WebhookReceiver.StartAsync();
        await world.Stripe.V1.WebhookEndpoints.CreateAsync(new WebhookEndpointCreateOptions { Url = old.Url, ApiVersion = "2024-06-20", EnabledEvents = ["invoice.payment_failed"] });
        await world.Stripe.V1.WebhookEndpoints.CreateAsync(new WebhookEndpointCreateOptions { Url = current.Url, EnabledEvents = ["invoice.payment_failed"] });

        await world.PostAsync("/_sandbox/events", new JsonObject { ["type"] = "invoice.payment_failed", ["object"] = "in_ada" });

        Assert.Equal("2024-06-20", JsonNode.Parse(Assert.Single(old.Received).Body)!["api_version"]!.GetValue<string>());
        Assert.Equal(StripeConfiguration.ApiVersion, JsonNode.Parse(Assert.Single(current.Received).Body)!["api_version"]!.GetValue<string>());
    }

    [Fact]
    public async Task Started_with_one_key_it_answers_any_other_with_Stripe_s_401()
    {
        await using var host = await SandboxHost.StartAsync(new SandboxHostOptions { ApiKey = "sk_test_the_account_key" });
        StripeClient Client(string key) => new(new StripeClientOptions { ApiKey = key, ApiBase = host.BaseUrl.ToString().TrimEnd('/') });

        var e = await Assert.ThrowsAsync<StripeException>(() => Client("sk_test_another_key_5678").V1.Customers.ListAsync());
        var listed = await Client("sk_test_the_account_key").V1.Customers.ListAsync();

        Assert.Equal(401, (int)e.HttpStatusCode);
        Assert.Equal("invalid_request_error", e.StripeError.Type);
        Assert.Equal("Invalid API Key provided: sk_test_************5678", e.StripeError.Message);
        Assert.Empty(listed.Data);
    }
}
