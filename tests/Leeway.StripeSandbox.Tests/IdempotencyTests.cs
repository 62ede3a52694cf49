using System.Net;
using System.Text.Json.Nodes;
using Stripe;

namespace Leeway.StripeSandbox.Tests;

public sealed class IdempotencyTests
{
    private const string World = """
        {"customers":[{"id":"cus_jon","payment_methods":[{"id":"pm_jon","default":true,"on_charge":"decline:insufficient_funds"}],
          "invoices":[{"id":"in_jon","status":"open","amount_due":9900,"created":"2026-11-01T00:00:00Z","attempt_count":1}],
          "charges":[{"id":"ch_jon","amount":9900,"created":"2026-11-01T00:05:00Z","status":"succeeded"}]}]}
        """;

    [Fact]
    public async Task Same_key_and_body_replays_the_stored_response_with_one_effect()
    {
        await using var world = await TestWorld.SeedAsync(World);
        var options = new RequestOptions { IdempotencyKey = "refund-ch_jon-1" };
        var first = await world.Stripe.V1.Refunds.CreateAsync(new RefundCreateOptions { Charge = "ch_jon", Amount = 1000 }, options);
        var second = await world.Stripe.V1.Refunds.CreateAsync(new RefundCreateOptions { Charge = "ch_jon", Amount = 1000 }, options);
        Assert.Equal(first.Id, second.Id);
        Assert.Equal(first.StripeResponse.Content, second.StripeResponse.Content);
        Assert.Equal("true", second.StripeResponse.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(1000, (await world.Stripe.V1.Charges.GetAsync("ch_jon")).AmountRefunded);

        var requests = await world.RequestsAsync();
        Assert.Equal(2, requests.Count);
        Assert.False(requests[0]!["replayed"]!.GetValue<bool>());
        Assert.True(requests[1]!["replayed"]!.GetValue<bool>());
        Assert.Equal(first.Id, requests[1]!["object_id"]!.GetValue<string>());
        Assert.Equal("1000", requests[0]!["params"]!["amount"]!.GetValue<string>());
        Assert.Equal("refund-ch_jon-1", requests[0]!["idempotency_key"]!.GetValue<string>());
    }

    [Fact]
    public async Task Same_key_with_other_parameters_is_a_400_idempotency_error()
    {
        await using var world = await TestWorld.SeedAsync(World);
        var options = new RequestOptions { IdempotencyKey = "k1" };
        await world.Stripe.V1.Refunds.CreateAsync(new RefundCreateOptions { Charge = "ch_jon", Amount = 1000 }, options);
        var e = await Assert.ThrowsAsync<StripeException>(() => world.Stripe.V1.Refunds.CreateAsync(new RefundCreateOptions { Charge = "ch_jon", Amount = 2000 }, options));
        Assert.Equal(HttpStatusCode.BadRequest, e.HttpStatusCode);
        Assert.Equal("idempotency_error", e.StripeError.Type);
        Assert.Equal(1000, (await world.Stripe.V1.Charges.GetAsync("ch_jon")).AmountRefunded);
    }

    [Fact]
    public async Task A_decline_is_replayed_too_and_counts_one_attempt()
    {
        await using var world = await TestWorld.SeedAsync(World);
        var options = new RequestOptions { IdempotencyKey = "pay-in_jon" };
        var first = await Assert.ThrowsAsync<StripeException>(() => world.Stripe.V1.Invoices.PayAsync("in_jon", null, options));
        var second = await Assert.ThrowsAsync<StripeException>(() => world.Stripe.V1.Invoices.PayAsync("in_jon", null, options));
        Assert.Equal(HttpStatusCode.PaymentRequired, second.HttpStatusCode);
        Assert.Equal(first.StripeError.Charge, second.StripeError.Charge);
        Assert.Equal(2, (await world.Stripe.V1.Invoices.GetAsync("in_jon")).AttemptCount);
        var requests = await world.RequestsAsync();
        Assert.Equal([402, 402], requests.Select(r => r!["status"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Fifty_concurrent_identical_refunds_make_exactly_one_refund()
    {
        await using var world = await TestWorld.SeedAsync(World);
        var options = new RequestOptions { IdempotencyKey = "refund-once" };
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 50).Select(async _ =>
        {
            try
            {
                return (await world.Stripe.V1.Refunds.CreateAsync(new RefundCreateOptions { Charge = "ch_jon", Amount = 700 }, options)).Id;
            }
            catch (StripeException e) when (e.HttpStatusCode == HttpStatusCode.Conflict)
            {
                Assert.Equal("idempotency_error", e.StripeError.Type);
                return null;
            }
        }));

        Assert.Single(outcomes.Where(id => id is not null).Distinct());
        Assert.Equal(700, (await world.Stripe.V1.Charges.GetAsync("ch_jon")).AmountRefunded);
        Assert.Single((await world.Stripe.V1.Refunds.ListAsync(new RefundListOptions { Charge = "ch_jon" })).Data);
        var requests = await world.RequestsAsync();
        Assert.Equal(50, requests.Count);
        Assert.Single(requests, r => r!["status"]!.GetValue<int>() == 200 && !r["replayed"]!.GetValue<bool>());
    }
}
