using Stripe;

namespace Leeway.StripeSandbox.Tests.Conformance;

public sealed class CustomerTests
{
    [Fact]
    public async Task Create_retrieve_update_and_list_by_email()
    {
        await using var world = await TestWorld.StartAsync();
        var stripe = world.Stripe.V1.Customers;
        var created = await stripe.CreateAsync(new CustomerCreateOptions { Email = "a@example.com", Name = "A", Metadata = new() { ["plan"] = "team" } });
        Assert.StartsWith("cus_", created.Id);
        Assert.Equal("team", created.Metadata["plan"]);
        Assert.False(created.Livemode);

        var updated = await stripe.UpdateAsync(created.Id, new CustomerUpdateOptions { Name = "B", Metadata = new() { ["plan"] = "", ["x"] = "1" } });
        Assert.Equal("B", updated.Name);
        Assert.False(updated.Metadata.ContainsKey("plan"));
        Assert.Equal("1", updated.Metadata["x"]);

        await stripe.CreateAsync(new CustomerCreateOptions { Email = "other@example.com" });
        var byEmail = await stripe.ListAsync(new CustomerListOptions { Email = "a@example.com" });
        Assert.Equal(created.Id, Assert.Single(byEmail.Data).Id);

        var fetched = await stripe.GetAsync(created.Id);
        Assert.Equal("B", fetched.Name);
    }

    /// <summary>https://docs.stripe.com/api/customers/object#customer_object-preferred_locales: kept in order, replaced
    /// on update, cleared with an empty value, empty by default.</summary>
    [Fact]
    public async Task Preferred_locales_are_kept_in_order_replaced_and_cleared()
    {
        await using var world = await TestWorld.StartAsync();
        var stripe = world.Stripe.V1.Customers;
        var plain = await stripe.CreateAsync(new CustomerCreateOptions { Email = "p@example.com" });
        Assert.Empty(plain.PreferredLocales);

        var created = await stripe.CreateAsync(new CustomerCreateOptions { Email = "l@example.com", PreferredLocales = ["de-DE", "en"] });
        Assert.Equal(["de-DE", "en"], created.PreferredLocales);
        Assert.Equal(["de-DE", "en"], (await stripe.GetAsync(created.Id)).PreferredLocales);

        var updated = await stripe.UpdateAsync(created.Id, new CustomerUpdateOptions { PreferredLocales = ["pt-BR"] });
        Assert.Equal(["pt-BR"], updated.PreferredLocales);
        var renamed = await stripe.UpdateAsync(created.Id, new CustomerUpdateOptions { Name = "L" });
        Assert.Equal(["pt-BR"], renamed.PreferredLocales);

        var cleared = await stripe.UpdateAsync(created.Id, new CustomerUpdateOptions { PreferredLocales = [] });
        Assert.Empty(cleared.PreferredLocales);

        await using var seeded = await TestWorld.SeedAsync("""
            {"customers":[{"id":"cus_lena","email":"lena@example.com","name":"Lena","preferred_locales":["fr-CA","fr"]}]}
            """);
        Assert.Equal(["fr-CA", "fr"], (await seeded.Stripe.V1.Customers.GetAsync("cus_lena")).PreferredLocales);
    }

    [Fact]
    public async Task Unknown_customer_is_resource_missing_404()
    {
        await using var world = await TestWorld.StartAsync();
        var e = await Assert.ThrowsAsync<StripeException>(() => world.Stripe.V1.Customers.GetAsync("cus_nope"));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, e.HttpStatusCode);
        Assert.Equal("invalid_request_error", e.StripeError.Type);
        Assert.Equal("resource_missing", e.StripeError.Code);
        Assert.Equal("id", e.StripeError.Param);
        Assert.Equal("No such customer: 'cus_nope'", e.StripeError.Message);
    }

    [Fact]
    public async Task Seeded_customer_keeps_its_id_plan_risk_and_default_card()
    {
        await using var world = await TestWorld.SeedAsync("""
            {"customers":[{"id":"cus_hana","email":"hana@example.com","name":"Hana","plan":"team","risk":"high","created":"2025-03-02T10:00:00Z",
              "payment_methods":[{"id":"pm_hana","brand":"mastercard","last4":"4444","exp_month":8,"exp_year":2028,"default":true,"on_charge":"succeed"}]}]}
            """);
        var customer = await world.Stripe.V1.Customers.GetAsync("cus_hana", new CustomerGetOptions { Expand = ["invoice_settings.default_payment_method"] });
        Assert.Equal("team", customer.Metadata["plan"]);
        Assert.Equal("high", customer.Metadata["risk"]);
        Assert.Equal(new DateTime(2025, 3, 2, 10, 0, 0, DateTimeKind.Utc), customer.Created);
        Assert.Equal("pm_hana", customer.InvoiceSettings.DefaultPaymentMethodId);
        Assert.Equal("4444", customer.InvoiceSettings.DefaultPaymentMethod.Card.Last4);
        Assert.Equal("mastercard", customer.InvoiceSettings.DefaultPaymentMethod.Card.Brand);

        var cards = await world.Stripe.V1.PaymentMethods.ListAsync(new PaymentMethodListOptions { Customer = "cus_hana", Type = "card" });
        Assert.Equal("pm_hana", Assert.Single(cards.Data).Id);
        Assert.Equal(2028, cards.Data[0].Card.ExpYear);
    }
}
