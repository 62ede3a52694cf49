using System.Text.Json.Nodes;
using Leeway.StripeSandbox.Objects;
using Leeway.StripeSandbox.Wire;

namespace Leeway.StripeSandbox.Api;

/// <summary><c>/v1/checkout/sessions</c> (payment, setup, subscription modes) and <c>/v1/billing_portal/sessions</c>.</summary>
internal static class CheckoutApi
{
    private const long Day = 24 * 3600;

    public static JsonObject Create(ApiCall call)
    {
        var world = call.World;
        var p = call.Params;
        var mode = p.Enum("mode", "", "payment", "setup", "subscription");
        var customer = p.NonEmpty("customer") is { } c ? CustomersApi.Find(call, c) : null;
        var expiresAt = p.Long("expires_at") ?? world.Now + Day;
        if (expiresAt < world.Now + 1800 || expiresAt > world.Now + Day)
        {
            throw ApiException.InvalidRequest("The `expires_at` timestamp must be between 30 minutes and 24 hours from Checkout Session creation.", "expires_at");
        }

        var session = new CheckoutSession
        {
            Id = "cs_test_" + StripeIds.New("", 58),
            Created = world.Now,
            Mode = mode,
            Customer = customer?.Id,
            CustomerEmail = p.NonEmpty("customer_email") ?? customer?.Email,
            ExpiresAt = expiresAt,
            SuccessUrl = p.NonEmpty("success_url"),
            CancelUrl = p.NonEmpty("cancel_url"),
            ClientReferenceId = p.NonEmpty("client_reference_id"),
            PaymentStatus = mode == "setup" ? "no_payment_required" : "unpaid",
        };
        p.ApplyMetadata(session.Metadata);
        var currency = p.NonEmpty("currency")?.ToLowerInvariant();
        var lines = p.List("line_items");
        if (mode != "setup")
        {
            if (lines.Count == 0)
            {
                throw ApiException.InvalidRequest($"`line_items` is required in `{mode}` mode.", "line_items", "parameter_missing");
            }

            foreach (var line in lines)
            {
                var item = LineItem(world, line, mode, currency);
                currency ??= item.Currency;
                if (item.Currency != currency)
                {
                    throw ApiException.InvalidRequest("All line items must be in the same currency.", line.Name("price"));
                }

                session.LineItems.Add(item);
            }

            session.AmountTotal = session.LineItems.Sum(l => l.Total);
        }

        session.Currency = mode == "setup" ? null : currency ?? "usd";
        if (p.Object("after_expiration")?.Object("recovery") is { } recovery && recovery.Bool("enabled") == true)
        {
            session.Metadata.TryAdd("after_expiration_recovery", "enabled");
        }

        world.Add(session);
        return call.Render(session);
    }

    private static CheckoutLineItem LineItem(World world, Params line, string mode, string? currency)
    {
        var quantity = line.Long("quantity") ?? 1;
        if (quantity < 1)
        {
            throw ApiException.InvalidRequest("Invalid quantity: must be at least 1.", line.Name("quantity"));
        }

        if (line.NonEmpty("price") is { } priceId)
        {
            var price = world.Get<Price>(priceId, "price", line.Name("price"));
            if (mode == "payment" && price.Interval is not null)
            {
                throw ApiException.InvalidRequest($"You specified `payment` mode but passed a recurring price ({price.Id}). Either switch to `subscription` mode or use only one-time prices.", line.Name("price"));
            }

            return new CheckoutLineItem(StripeIds.New("li_"), world.Find<Product>(price.Product)?.Name, price.UnitAmount ?? 0, quantity, price.Id, price.Currency);
        }

        var data = line.Object("price_data")
            ?? throw ApiException.InvalidRequest("Each line item needs a `price` or `price_data`.", line.Name("price"), "parameter_missing");
        var amount = data.Long("unit_amount") ?? throw ApiException.InvalidRequest("Missing required param: unit_amount.", data.Name("unit_amount"), "parameter_missing");
        var name = data.Object("product_data")?.NonEmpty("name")
            ?? (data.NonEmpty("product") is { } product ? world.Get<Product>(product, "product", data.Name("product")).Name : null)
            ?? throw ApiException.InvalidRequest("Missing required param: product_data[name].", data.Name("product_data") + "[name]", "parameter_missing");
        return new CheckoutLineItem(StripeIds.New("li_"), name, amount, quantity, null, (data.NonEmpty("currency") ?? currency ?? "usd").ToLowerInvariant());
    }

    public static JsonObject Retrieve(ApiCall call) => call.Render(call.World.Get<CheckoutSession>(call.Route("id"), "checkout.session"));

    public static JsonObject Expire(ApiCall call)
    {
        var world = call.World;
        var session = world.Get<CheckoutSession>(call.Route("id"), "checkout.session");
        if (session.Status != "open")
        {
            throw ApiException.InvalidRequest($"Only Checkout Sessions with a status in [\"open\"] can be expired. This Checkout Session has a status of \"{session.Status}\".", code: "checkout_session_unexpected_state");
        }

        session.Status = "expired";
        world.Emit("checkout.session.expired", session);
        return call.Render(session);
    }

    public static JsonObject LineItems(ApiCall call)
    {
        var session = call.World.Get<CheckoutSession>(call.Route("id"), "checkout.session");
        return new JsonObject
        {
            ["object"] = "list",
            ["data"] = new JsonArray(session.LineItems.Select(l => (JsonNode)CheckoutSession.RenderLine(l)).ToArray()),
            ["has_more"] = false,
            ["url"] = $"/v1/checkout/sessions/{session.Id}/line_items",
        };
    }

    public static JsonObject List(ApiCall call)
    {
        var p = call.Params;
        var customer = p.NonEmpty("customer");
        var status = p.NonEmpty("status");
        var intent = p.NonEmpty("payment_intent");
        var subscription = p.NonEmpty("subscription");
        var items = call.World.Owned<CheckoutSession>(customer).Where(s =>
            (customer is null || s.Customer == customer)
            && (status is null || s.Status == status)
            && (intent is null || s.PaymentIntent == intent)
            && (subscription is null || s.Subscription == subscription));
        return ListPage.Of(call, items, "/v1/checkout/sessions");
    }

    public static JsonObject CreatePortalSession(ApiCall call)
    {
        var world = call.World;
        var p = call.Params;
        var customer = CustomersApi.Find(call, p.Required("customer"));
        var session = world.Add(new PortalSession
        {
            Id = StripeIds.New("bps_"),
            Created = world.Now,
            Customer = customer.Id,
            ReturnUrl = p.NonEmpty("return_url"),
            Locale = p.NonEmpty("locale"),
            FlowType = p.Object("flow_data")?.NonEmpty("type"),
        });
        return call.Render(session);
    }
}
