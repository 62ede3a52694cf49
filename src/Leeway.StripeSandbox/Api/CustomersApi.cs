using System.Text.Json.Nodes;
using Leeway.StripeSandbox.Objects;
using Leeway.StripeSandbox.Wire;

namespace Leeway.StripeSandbox.Api;

/// <summary><c>/v1/customers</c>, their payment methods and balance transactions.</summary>
internal static class CustomersApi
{
    public static JsonObject Create(ApiCall call)
    {
        var world = call.World;
        var p = call.Params;
        var customer = new Customer { Id = StripeIds.New("cus_", 14), Created = world.Now };
        Apply(call, customer);
        world.Add(customer);
        if (p.NonEmpty("payment_method") is { } pmId)
        {
            var pm = world.Get<PaymentMethod>(pmId, "payment_method", "payment_method");
            pm.Customer = customer.Id;
            world.Reindex(pm);
        }

        world.Emit("customer.created", customer);
        return call.Render(customer);
    }

    public static JsonObject Retrieve(ApiCall call) => call.Render(Find(call, call.Route("id"), allowDeleted: true));

    public static JsonObject Update(ApiCall call)
    {
        var customer = Find(call, call.Route("id"));
        var before = call.World.Render(customer);
        Apply(call, customer);
        call.World.EmitIfChanged("customer.updated", customer, before);
        return call.Render(customer);
    }

    public static JsonObject Delete(ApiCall call)
    {
        var customer = Find(call, call.Route("id"));
        var state = call.World.Render(customer);
        customer.Deleted = true;
        foreach (var subscription in call.World.Owned<Subscription>(customer.Id).Where(s => s.Customer == customer.Id && s.Status != "canceled"))
        {
            subscription.Status = "canceled";
            subscription.CanceledAt = subscription.EndedAt = call.World.Now;
            call.World.Emit("customer.subscription.deleted", subscription);
        }

        call.World.Emit("customer.deleted", new FrozenObject(customer.Id, state));
        return call.Render(customer);
    }

    public static JsonObject List(ApiCall call)
    {
        var email = call.Params.NonEmpty("email");
        var items = call.World.All<Customer>().Where(c => !c.Deleted && (email is null || string.Equals(c.Email, email, StringComparison.Ordinal)));
        return ListPage.Of(call, items, "/v1/customers");
    }

    public static JsonObject PaymentMethods(ApiCall call)
    {
        var customer = Find(call, call.Route("id"));
        var type = call.Params.NonEmpty("type");
        var items = call.World.Owned<PaymentMethod>(customer.Id).Where(pm => pm.Customer == customer.Id && (type is null || type == "card"));
        return ListPage.Of(call, items, $"/v1/customers/{customer.Id}/payment_methods");
    }

    public static JsonObject CreateBalanceTransaction(ApiCall call)
    {
        var world = call.World;
        var customer = Find(call, call.Route("id"));
        var p = call.Params;
        var amount = p.Long("amount") ?? throw ApiException.InvalidRequest("Missing required param: amount.", "amount", "parameter_missing");
        var currency = p.Required("currency").ToLowerInvariant();
        if (customer.Currency is { } existing && existing != currency)
        {
            throw ApiException.InvalidRequest($"The customer's balance is in {existing}; a transaction in {currency} cannot be added.", "currency");
        }

        var before = world.Render(customer);
        customer.Currency ??= currency;
        customer.Balance += amount;
        var transaction = new BalanceTransaction
        {
            Id = StripeIds.New("cbtxn_"),
            Created = world.Now,
            Customer = customer.Id,
            Amount = amount,
            Currency = currency,
            Description = p.NonEmpty("description"),
            EndingBalance = customer.Balance,
        };
        p.ApplyMetadata(transaction.Metadata);
        world.Add(transaction);
        world.EmitIfChanged("customer.updated", customer, before);
        return call.Render(transaction);
    }

    public static JsonObject BalanceTransactions(ApiCall call)
    {
        var customer = Find(call, call.Route("id"));
        return ListPage.Of(call, call.World.Owned<BalanceTransaction>(customer.Id).Where(t => t.Customer == customer.Id), $"/v1/customers/{customer.Id}/balance_transactions");
    }

    public static JsonObject BalanceTransaction(ApiCall call)
    {
        var customer = Find(call, call.Route("id"));
        var transaction = call.World.Find<BalanceTransaction>(call.Route("transaction"));
        return transaction is not null && transaction.Customer == customer.Id
            ? call.Render(transaction)
            : throw ApiException.Missing("customer balance transaction", call.Route("transaction"));
    }

    public static JsonObject UpdateBalanceTransaction(ApiCall call)
    {
        var transaction = call.World.Find<BalanceTransaction>(call.Route("transaction")) ?? throw ApiException.Missing("customer balance transaction", call.Route("transaction"));
        if (call.Params.String("description") is { } description)
        {
            transaction.Description = description.Length == 0 ? null : description;
        }

        call.Params.ApplyMetadata(transaction.Metadata);
        return call.Render(transaction);
    }

    public static Customer Find(ApiCall call, string id, bool allowDeleted = false)
    {
        var customer = call.World.Get<Customer>(id, "customer");
        return customer.Deleted && !allowDeleted ? throw ApiException.Missing("customer", id) : customer;
    }

    private static void Apply(ApiCall call, Customer customer)
    {
        var p = call.Params;
        if (p.String("email") is { } email)
        {
            customer.Email = email.Length == 0 ? null : email;
        }

        if (p.String("name") is { } name)
        {
            customer.Name = name.Length == 0 ? null : name;
        }

        if (p.String("description") is { } description)
        {
            customer.Description = description.Length == 0 ? null : description;
        }

        if (p.String("phone") is { } phone)
        {
            customer.Phone = phone.Length == 0 ? null : phone;
        }

        // preferred_locales[0]=de-DE sets the list in order; preferred_locales= clears it
        // (https://docs.stripe.com/api/customers/update#update_customer-preferred_locales).
        if (p.Has("preferred_locales"))
        {
            customer.PreferredLocales = p.Strings("preferred_locales").ToList();
        }

        if (p.Long("balance") is { } balance)
        {
            customer.Balance = balance;
        }

        if (p.NonEmpty("test_clock") is { } clock)
        {
            customer.TestClock = call.World.Get<TestClock>(clock, "test clock", "test_clock").Id;
        }

        if (p.Object("invoice_settings") is { } settings && settings.String("default_payment_method") is { } pmId)
        {
            if (pmId.Length == 0)
            {
                customer.DefaultPaymentMethod = null;
            }
            else
            {
                var pm = call.World.Get<PaymentMethod>(pmId, "PaymentMethod", "invoice_settings[default_payment_method]");
                if (pm.Customer != customer.Id)
                {
                    throw ApiException.InvalidRequest(
                        $"The customer does not have a payment method with the ID {pmId}. The payment method must be attached to the customer.",
                        "invoice_settings[default_payment_method]", "resource_missing");
                }

                customer.DefaultPaymentMethod = pmId;
            }
        }

        p.ApplyMetadata(customer.Metadata);
    }
}
