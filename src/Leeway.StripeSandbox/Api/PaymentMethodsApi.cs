using System.Text.Json.Nodes;
using Leeway.StripeSandbox.Objects;
using Leeway.StripeSandbox.Payments;
using Leeway.StripeSandbox.Wire;

namespace Leeway.StripeSandbox.Api;

/// <summary><c>/v1/payment_methods</c>: cards only.</summary>
internal static class PaymentMethodsApi
{
    public static JsonObject Create(ApiCall call)
    {
        var world = call.World;
        var p = call.Params;
        var type = p.Required("type");
        if (type != "card")
        {
            throw ApiException.InvalidRequest($"The sandbox only supports card payment methods, not '{type}'.", "type");
        }

        var card = p.Object("card") ?? throw ApiException.InvalidRequest("Missing required param: card.", "card", "parameter_missing");
        var pm = new PaymentMethod { Id = StripeIds.New("pm_"), Created = world.Now };
        if (card.NonEmpty("token") is { } token && TestCards.Token(token) is { } fromToken)
        {
            (pm.Brand, pm.Last4, pm.OnCharge) = fromToken;
        }
        else
        {
            var number = card.Required("number").Replace(" ", "", StringComparison.Ordinal);
            if (number.Length < 12 || !number.All(char.IsAsciiDigit))
            {
                throw new ApiException(402, "card_error", "Your card number is incorrect.") { Code = "incorrect_number", Param = "card[number]" };
            }

            pm.Brand = TestCards.BrandOf(number);
            pm.Last4 = number[^4..];
            pm.OnCharge = TestCards.BehaviourOf(number);
        }

        pm.ExpMonth = card.Long("exp_month") ?? pm.ExpMonth;
        pm.ExpYear = card.Long("exp_year") ?? pm.ExpYear;
        ApplyBilling(p, pm);
        p.ApplyMetadata(pm.Metadata);
        world.Add(pm);
        return call.Render(pm);
    }

    public static JsonObject Retrieve(ApiCall call) => call.Render(Find(call, call.Route("id")));

    public static JsonObject Update(ApiCall call)
    {
        var pm = Find(call, call.Route("id"));
        var before = call.World.Render(pm);
        if (call.Params.Object("card") is { } card)
        {
            pm.ExpMonth = card.Long("exp_month") ?? pm.ExpMonth;
            pm.ExpYear = card.Long("exp_year") ?? pm.ExpYear;
        }

        ApplyBilling(call.Params, pm);
        call.Params.ApplyMetadata(pm.Metadata);
        call.World.EmitIfChanged("payment_method.updated", pm, before);
        return call.Render(pm);
    }

    public static JsonObject List(ApiCall call)
    {
        var customer = call.Params.NonEmpty("customer");
        if (customer is not null)
        {
            CustomersApi.Find(call, customer);
        }

        var type = call.Params.NonEmpty("type");
        var items = call.World.Owned<PaymentMethod>(customer).Where(pm => (customer is null || pm.Customer == customer) && (type is null || type == "card"));
        return ListPage.Of(call, items, "/v1/payment_methods");
    }

    public static JsonObject Attach(ApiCall call)
    {
        var world = call.World;
        var id = call.Route("id");
        var customer = CustomersApi.Find(call, call.Params.Required("customer"));
        var pm = world.Find<PaymentMethod>(id);
        if (pm is null && TestCards.Token(id) is { } token)
        {
            pm = world.Add(new PaymentMethod { Id = StripeIds.New("pm_"), Created = world.Now, Brand = token.Brand, Last4 = token.Last4, OnCharge = token.Behaviour });
        }

        if (pm is null)
        {
            throw ApiException.Missing("PaymentMethod", id);
        }
        if (pm.Customer is not null && pm.Customer != customer.Id)
        {
            throw ApiException.InvalidRequest("The payment method you provided has already been attached to a customer.", "payment_method", "payment_method_unexpected_state");
        }

        pm.Customer = customer.Id;
        world.Reindex(pm);
        world.Emit("payment_method.attached", pm);
        return call.Render(pm);
    }

    public static JsonObject Detach(ApiCall call)
    {
        var world = call.World;
        var pm = Find(call, call.Route("id"));
        if (pm.Customer is null)
        {
            throw ApiException.InvalidRequest("The payment method you provided is not attached to a customer so detachment is impossible.", "payment_method", "payment_method_unexpected_state");
        }

        if (world.Find<Customer>(pm.Customer) is { } customer && customer.DefaultPaymentMethod == pm.Id)
        {
            var before = world.Render(customer);
            customer.DefaultPaymentMethod = null;
            world.EmitIfChanged("customer.updated", customer, before);
        }

        pm.Customer = null;
        world.Emit("payment_method.detached", pm);
        return call.Render(pm);
    }

    private static PaymentMethod Find(ApiCall call, string id) => call.World.Get<PaymentMethod>(id, "PaymentMethod");

    private static void ApplyBilling(Params p, PaymentMethod pm)
    {
        if (p.Object("billing_details") is { } billing)
        {
            pm.BillingName = billing.String("name") is { } name ? (name.Length == 0 ? null : name) : pm.BillingName;
            pm.BillingEmail = billing.String("email") is { } email ? (email.Length == 0 ? null : email) : pm.BillingEmail;
        }
    }
}
