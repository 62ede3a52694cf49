using System.Text.Json.Nodes;

namespace Leeway.StripeSandbox.Objects;

internal sealed class Customer : StripeObject
{
    public override string ObjectType => "customer";

    public override string? CustomerId => Id;

    public string? Email { get; set; }

    public string? Name { get; set; }

    public string? Description { get; set; }

    public string? Phone { get; set; }

    public long Balance { get; set; }

    public string? Currency { get; set; }

    public string? DefaultPaymentMethod { get; set; }

    public string? TestClock { get; set; }

    /// <summary>
    /// The customer's preferred languages, most preferred first (<c>["de-DE", "en"]</c>); empty when unset. Stripe keeps
    /// them as given and uses them for the e-mails and hosted pages it sends the customer:
    /// https://docs.stripe.com/api/customers/object#customer_object-preferred_locales
    /// </summary>
    public List<string> PreferredLocales { get; set; } = [];

    public bool Deleted { get; set; }

    public string InvoicePrefix { get; init; } = Wire.StripeIds.New("", 8).ToUpperInvariant();

    public override JsonObject Render(RenderContext context)
    {
        if (Deleted)
        {
            return new JsonObject { ["id"] = Id, ["object"] = "customer", ["deleted"] = true };
        }

        var json = Start();
        json["email"] = Email;
        json["name"] = Name;
        json["description"] = Description;
        json["phone"] = Phone;
        json["balance"] = Balance;
        json["currency"] = Currency ?? BilledCurrency(context.World);
        json["invoice_prefix"] = InvoicePrefix;
        json["test_clock"] = TestClock;
        json["preferred_locales"] = new JsonArray(PreferredLocales.Select(l => (JsonNode)JsonValue.Create(l)).ToArray());
        json["delinquent"] = context.World.Owned<Invoice>(Id).Any(i => i.Customer == Id && i.Status == "open" && i.Attempted);
        json["next_invoice_sequence"] = context.World.Owned<Invoice>(Id).Count(i => i.Customer == Id && i.Number is not null) + 1;
        var settings = (JsonObject)json["invoice_settings"]!;
        settings["default_payment_method"] = context.Child("invoice_settings").Ref("default_payment_method", DefaultPaymentMethod);
        return json;
    }

    /// <summary>
    /// Stripe sets a customer's <c>currency</c> with their first subscription or invoice and keeps it (docs.stripe.com/api/customers/object:
    /// "the currency the customer can be charged in for recurring billing purposes"): the earliest one's here.
    /// </summary>
    private string? BilledCurrency(World world) =>
        world.Owned<Subscription>(Id).Select(s => (s.Created, s.Currency))
            .Concat(world.Owned<Invoice>(Id).Select(i => (i.Created, i.Currency)))
            .Where(c => !string.IsNullOrEmpty(c.Currency))
            .OrderBy(c => c.Created)
            .Select(c => c.Currency)
            .FirstOrDefault();
}
