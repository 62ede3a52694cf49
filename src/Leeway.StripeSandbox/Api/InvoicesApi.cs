using System.Text.Json.Nodes;
using Leeway.StripeSandbox.Objects;
using Leeway.StripeSandbox.Payments;
using Leeway.StripeSandbox.Wire;

namespace Leeway.StripeSandbox.Api;

/// <summary><c>/v1/invoices</c> (create, update, finalize, pay, send, void, mark_uncollectible, lines) and <c>/v1/invoice_payments</c>.</summary>
internal static class InvoicesApi
{
    public static JsonObject Create(ApiCall call)
    {
        var world = call.World;
        var p = call.Params;
        var customer = CustomersApi.Find(call, p.Required("customer"));
        var subscription = p.NonEmpty("subscription") is { } subId ? world.Get<Subscription>(subId, "subscription", "subscription") : null;
        var collection = p.Enum("collection_method", "charge_automatically", "charge_automatically", "send_invoice");
        var daysUntilDue = p.Long("days_until_due");
        var dueDate = p.Long("due_date");
        if (collection == "send_invoice" && daysUntilDue is null && dueDate is null)
        {
            throw ApiException.InvalidRequest("Invoices with `collection_method=send_invoice` need either `days_until_due` or `due_date`.", "days_until_due");
        }

        var invoice = new Invoice
        {
            Id = StripeIds.New("in_"),
            Created = world.Now,
            Customer = customer.Id,
            Subscription = subscription?.Id,
            Currency = (p.NonEmpty("currency") ?? customer.Currency ?? subscription?.Currency ?? "usd").ToLowerInvariant(),
            CollectionMethod = collection,
            DueDate = dueDate ?? (daysUntilDue is { } d ? world.Now + (d * 86400) : null),
            Description = p.NonEmpty("description"),
            AutoAdvance = p.Bool("auto_advance") ?? false,
            PeriodStart = world.Now,
            PeriodEnd = world.Now,
        };
        if (p.NonEmpty("default_payment_method") is { } pm)
        {
            invoice.DefaultPaymentMethod = world.Get<PaymentMethod>(pm, "PaymentMethod", "default_payment_method").Id;
        }

        p.ApplyMetadata(invoice.Metadata);
        world.Add(invoice);
        world.Emit("invoice.created", invoice);
        return call.Render(invoice);
    }

    public static JsonObject Retrieve(ApiCall call) => call.Render(Find(call));

    public static JsonObject Update(ApiCall call)
    {
        var world = call.World;
        var invoice = Find(call);
        var p = call.Params;
        var before = world.Render(invoice);
        if (invoice.Status == "draft")
        {
            invoice.Description = p.String("description") is { } d ? (d.Length == 0 ? null : d) : invoice.Description;
            invoice.DueDate = p.Long("due_date") ?? (p.Long("days_until_due") is { } days ? world.Now + (days * 86400) : invoice.DueDate);
            invoice.CollectionMethod = p.NonEmpty("collection_method") is not null ? p.Enum("collection_method", invoice.CollectionMethod, "charge_automatically", "send_invoice") : invoice.CollectionMethod;
        }
        else if (p.Has("due_date") || p.Has("collection_method") || p.Has("days_until_due"))
        {
            throw ApiException.InvalidRequest("You can only update these fields on a draft invoice.", p.Has("due_date") ? "due_date" : "collection_method", "invoice_not_editable");
        }

        invoice.AutoAdvance = p.Bool("auto_advance") ?? invoice.AutoAdvance;
        if (p.String("default_payment_method") is { } pm)
        {
            invoice.DefaultPaymentMethod = pm.Length == 0 ? null : world.Get<PaymentMethod>(pm, "PaymentMethod", "default_payment_method").Id;
        }

        p.ApplyMetadata(invoice.Metadata);
        world.EmitIfChanged("invoice.updated", invoice, before);
        return call.Render(invoice);
    }

    public static JsonObject Delete(ApiCall call)
    {
        var invoice = Find(call);
        if (invoice.Status != "draft")
        {
            throw ApiException.InvalidRequest("You can only delete draft invoices.", code: "invoice_not_editable");
        }

        var state = call.World.Render(invoice);
        foreach (var line in invoice.Lines(call.World))
        {
            call.World.Remove(line.Id);
        }

        call.World.Remove(invoice.Id);
        call.World.Emit("invoice.deleted", new FrozenObject(invoice.Id, state));
        return new JsonObject { ["id"] = invoice.Id, ["object"] = "invoice", ["deleted"] = true };
    }

    /// <summary><c>/add_lines</c>: lines on a draft (<c>lines[n][amount|description|quantity|pricing[price]]</c>).</summary>
    public static JsonObject AddLines(ApiCall call)
    {
        var world = call.World;
        var invoice = Find(call);
        if (invoice.Status != "draft")
        {
            throw ApiException.InvalidRequest("You can only add lines to a draft invoice.", code: "invoice_not_editable");
        }

        var lines = call.Params.List("lines");
        if (lines.Count == 0)
        {
            throw ApiException.InvalidRequest("Missing required param: lines.", "lines", "parameter_missing");
        }

        foreach (var line in lines)
        {
            var price = line.Object("pricing")?.NonEmpty("price") is { } priceId ? world.Get<Price>(priceId, "price", line.Name("pricing") + "[price]") : null;
            var quantity = line.Long("quantity") ?? 1;
            var amount = line.Long("amount") ?? ((price?.UnitAmount ?? 0) * quantity);
            world.Add(new InvoiceLine
            {
                Id = StripeIds.New("il_"),
                Created = world.Now,
                Invoice = invoice.Id,
                Amount = amount,
                Currency = invoice.Currency,
                Description = line.NonEmpty("description") ?? (price is null ? null : world.Find<Product>(price.Product)?.Name),
                Quantity = quantity,
                Price = price?.Id,
                InvoiceItem = StripeIds.New("ii_"),
                PeriodStart = world.Now,
                PeriodEnd = world.Now,
            });
            invoice.Total += amount;
            invoice.AmountDue += amount;
        }

        return call.Render(invoice);
    }

    public static JsonObject Finalize(ApiCall call)
    {
        var invoice = Find(call);
        if (call.Params.Bool("auto_advance") is { } auto)
        {
            invoice.AutoAdvance = auto;
        }

        InvoiceSettlement.Finalize(call.World, invoice);
        return call.Render(invoice);
    }

    public static JsonObject Pay(ApiCall call)
    {
        var invoice = Find(call);
        InvoiceSettlement.Pay(call.World, invoice, call.Params.NonEmpty("payment_method"), call.Params.Bool("paid_out_of_band") ?? false);
        return call.Render(invoice);
    }

    public static JsonObject Send(ApiCall call)
    {
        var invoice = Find(call);
        InvoiceSettlement.Send(call.World, invoice);
        return call.Render(invoice);
    }

    public static JsonObject Void(ApiCall call)
    {
        var invoice = Find(call);
        InvoiceSettlement.Void(call.World, invoice);
        return call.Render(invoice);
    }

    public static JsonObject MarkUncollectible(ApiCall call)
    {
        var invoice = Find(call);
        InvoiceSettlement.MarkUncollectible(call.World, invoice);
        return call.Render(invoice);
    }

    public static JsonObject Lines(ApiCall call)
    {
        var invoice = Find(call);
        return ListPage.Of(call, invoice.Lines(call.World), $"/v1/invoices/{invoice.Id}/lines");
    }

    public static JsonObject List(ApiCall call)
    {
        var p = call.Params;
        var customer = p.NonEmpty("customer");
        var status = p.NonEmpty("status");
        if (status is not null && status is not ("draft" or "open" or "paid" or "uncollectible" or "void"))
        {
            throw ApiException.InvalidRequest($"Invalid status: must be one of draft, open, paid, uncollectible, or void", "status");
        }

        var subscription = p.NonEmpty("subscription");
        var collection = p.NonEmpty("collection_method");
        var items = call.World.Owned<Invoice>(customer ?? subscription).Where(i =>
            (customer is null || i.Customer == customer)
            && (status is null || i.Status == status)
            && (subscription is null || i.Subscription == subscription)
            && (collection is null || i.CollectionMethod == collection));
        return ListPage.Of(call, items, "/v1/invoices");
    }

    public static JsonObject ListPayments(ApiCall call)
    {
        var p = call.Params;
        var invoice = p.NonEmpty("invoice");
        var status = p.NonEmpty("status");
        var payment = p.Object("payment");
        var intent = payment?.NonEmpty("payment_intent");
        var items = call.World.Owned<InvoicePayment>(invoice).Where(x =>
            (invoice is null || x.Invoice == invoice)
            && (status is null || x.Status == status)
            && (intent is null || x.PaymentIntent == intent));
        return ListPage.Of(call, items, "/v1/invoice_payments");
    }

    public static JsonObject RetrievePayment(ApiCall call) => call.Render(call.World.Get<InvoicePayment>(call.Route("id"), "invoice payment"));

    private static Invoice Find(ApiCall call) => call.World.Get<Invoice>(call.Route("id"), "invoice");
}
