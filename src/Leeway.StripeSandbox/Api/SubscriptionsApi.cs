using System.Text.Json.Nodes;
using Leeway.StripeSandbox.Objects;
using Leeway.StripeSandbox.Payments;
using Leeway.StripeSandbox.Wire;

namespace Leeway.StripeSandbox.Api;

/// <summary><c>/v1/subscriptions</c> and <c>/v1/subscription_items</c>.</summary>
internal static class SubscriptionsApi
{
    private static readonly string[] Statuses = ["active", "past_due", "unpaid", "canceled", "incomplete", "incomplete_expired", "trialing", "paused", "all", "ended"];

    public static JsonObject Create(ApiCall call)
    {
        var world = call.World;
        var p = call.Params;
        var customer = CustomersApi.Find(call, p.Required("customer"));
        var itemParams = p.List("items");
        if (itemParams.Count == 0)
        {
            throw ApiException.InvalidRequest("Missing required param: items.", "items", "parameter_missing");
        }

        var prices = itemParams.Select(i => world.Get<Price>(i.Required("price"), "price", i.Name("price"))).ToList();
        if (prices.FirstOrDefault(x => x.Interval is null) is { } oneTime)
        {
            throw ApiException.InvalidRequest($"The price specified ({oneTime.Id}) is set to `type=one_time` but this field only accepts prices with `type=recurring`.", "items[0][price]");
        }

        var currency = prices[0].Currency;
        var now = world.Now;
        var trialDays = p.Long("trial_period_days");
        var trialEnd = trialDays is { } days ? now + (days * 86400) : p.Long("trial_end");
        var periodEnd = trialEnd ?? Add(now, prices[0].Interval!, prices[0].IntervalCount);
        var subscription = new Subscription
        {
            Id = StripeIds.New("sub_"),
            Created = now,
            Customer = customer.Id,
            Status = trialEnd is not null ? "trialing" : "incomplete",
            Currency = currency,
            StartDate = now,
            BillingCycleAnchor = now,
            CollectionMethod = p.Enum("collection_method", "charge_automatically", "charge_automatically", "send_invoice"),
            DaysUntilDue = p.Long("days_until_due"),
            Description = p.NonEmpty("description"),
        };
        if (p.NonEmpty("default_payment_method") is { } pm)
        {
            subscription.DefaultPaymentMethod = world.Get<PaymentMethod>(pm, "PaymentMethod", "default_payment_method").Id;
        }

        p.ApplyMetadata(subscription.Metadata);
        world.Add(subscription);
        for (var i = 0; i < prices.Count; i++)
        {
            var item = world.Add(new SubscriptionItem
            {
                Id = StripeIds.New("si_", 14),
                Created = now,
                Subscription = subscription.Id,
                Price = prices[i].Id,
                Quantity = itemParams[i].Long("quantity") ?? 1,
                CurrentPeriodStart = now,
                CurrentPeriodEnd = periodEnd,
            });
            itemParams[i].ApplyMetadata(item.Metadata);
        }

        if (p.Bool("cancel_at_period_end") == true)
        {
            subscription.CancelAtPeriodEnd = true;
            subscription.CancelAt = periodEnd;
        }

        var invoice = FirstInvoice(world, subscription, trialEnd is not null);
        world.Emit("customer.subscription.created", subscription);
        InvoiceSettlement.Finalize(world, invoice);
        if (subscription.Status == "incomplete")
        {
            if (subscription.CollectionMethod == "send_invoice")
            {
                subscription.Status = "active";
            }
            else if (p.NonEmpty("payment_behavior") != "default_incomplete")
            {
                try
                {
                    InvoiceSettlement.Pay(world, invoice, null, false);
                }
                catch (ApiException e) when (e.Status == 402 && p.NonEmpty("payment_behavior") != "error_if_incomplete")
                {
                    // allow_incomplete (the default): the subscription stays incomplete, the invoice open.
                }
            }
        }

        return call.Render(subscription);
    }

    private static Invoice FirstInvoice(World world, Subscription subscription, bool trial)
    {
        var items = subscription.Items(world);
        var lines = items.Select(i => (Item: i, Price: world.Find<Price>(i.Price)!)).ToList();
        var total = trial ? 0 : lines.Sum(l => (l.Price.UnitAmount ?? 0) * l.Item.Quantity);
        var invoice = world.Add(new Invoice
        {
            Id = StripeIds.New("in_"),
            Created = world.Now,
            Customer = subscription.Customer,
            Subscription = subscription.Id,
            Currency = subscription.Currency,
            Total = total,
            AmountDue = total,
            BillingReason = "subscription_create",
            CollectionMethod = subscription.CollectionMethod,
            DueDate = subscription.CollectionMethod == "send_invoice" ? world.Now + ((subscription.DaysUntilDue ?? 30) * 86400) : null,
            PeriodStart = world.Now,
            PeriodEnd = world.Now,
        });
        foreach (var (item, price) in lines)
        {
            var product = world.Find<Product>(price.Product);
            world.Add(new InvoiceLine
            {
                Id = StripeIds.New("il_"),
                Created = world.Now,
                Invoice = invoice.Id,
                Amount = trial ? 0 : (price.UnitAmount ?? 0) * item.Quantity,
                Currency = subscription.Currency,
                Description = trial ? $"Trial period for {product?.Name}" : $"{item.Quantity} × {product?.Name ?? price.Id}",
                Quantity = item.Quantity,
                Price = price.Id,
                Subscription = subscription.Id,
                SubscriptionItem = item.Id,
                PeriodStart = item.CurrentPeriodStart,
                PeriodEnd = item.CurrentPeriodEnd,
            });
        }

        subscription.LatestInvoice = invoice.Id;
        world.Emit("invoice.created", invoice);
        return invoice;
    }

    public static JsonObject Retrieve(ApiCall call) => call.Render(call.World.Get<Subscription>(call.Route("id"), "subscription"));

    public static JsonObject Update(ApiCall call)
    {
        var world = call.World;
        var subscription = world.Get<Subscription>(call.Route("id"), "subscription");
        var p = call.Params;
        if (subscription.Status is "canceled" or "incomplete_expired")
        {
            throw ApiException.InvalidRequest($"A canceled subscription can only update its cancellation_details and metadata.", code: "resource_missing");
        }

        var before = world.Render(subscription);
        var periodEnd = subscription.Items(world).Select(i => i.CurrentPeriodEnd).DefaultIfEmpty(world.Now).Max();
        if (p.Bool("cancel_at_period_end") is { } atPeriodEnd)
        {
            subscription.CancelAtPeriodEnd = atPeriodEnd;
            subscription.CancelAt = atPeriodEnd ? periodEnd : null;
            subscription.CanceledAt = atPeriodEnd ? world.Now : null;
            subscription.CancellationReason = atPeriodEnd ? "cancellation_requested" : null;
        }

        if (p.Has("cancel_at"))
        {
            var at = p.Long("cancel_at");
            if (at is { } time && time <= world.Now)
            {
                throw ApiException.InvalidRequest("Invalid cancel_at: must be in the future.", "cancel_at");
            }

            subscription.CancelAt = at;
            subscription.CancelAtPeriodEnd = at == periodEnd;
            subscription.CanceledAt = at is null ? null : world.Now;
            subscription.CancellationReason = at is null ? null : "cancellation_requested";
        }

        if (p.String("default_payment_method") is { } pm)
        {
            subscription.DefaultPaymentMethod = pm.Length == 0 ? null : world.Get<PaymentMethod>(pm, "PaymentMethod", "default_payment_method").Id;
        }

        if (p.String("description") is { } description)
        {
            subscription.Description = description.Length == 0 ? null : description;
        }

        if (p.Object("cancellation_details") is { } details && details.NonEmpty("comment") is not null)
        {
            subscription.CancellationReason ??= "cancellation_requested";
        }

        foreach (var itemParams in p.List("items"))
        {
            UpdateItem(world, subscription, itemParams);
        }

        p.ApplyMetadata(subscription.Metadata);
        world.EmitIfChanged("customer.subscription.updated", subscription, before);
        return call.Render(subscription);
    }

    private static void UpdateItem(World world, Subscription subscription, Params itemParams)
    {
        var items = subscription.Items(world);
        var existing = itemParams.NonEmpty("id") is { } id
            ? items.FirstOrDefault(i => i.Id == id) ?? throw ApiException.Missing("subscription item", id, itemParams.Name("id"))
            : null;
        if (existing is not null && itemParams.Bool("deleted") == true)
        {
            world.Remove(existing.Id);
            return;
        }

        var price = itemParams.NonEmpty("price") is { } priceId ? world.Get<Price>(priceId, "price", itemParams.Name("price")) : null;
        if (existing is null)
        {
            var template = items.FirstOrDefault();
            existing = world.Add(new SubscriptionItem
            {
                Id = StripeIds.New("si_", 14),
                Created = world.Now,
                Subscription = subscription.Id,
                Price = price?.Id ?? throw ApiException.InvalidRequest("Missing required param: price.", itemParams.Name("price"), "parameter_missing"),
                CurrentPeriodStart = template?.CurrentPeriodStart ?? world.Now,
                CurrentPeriodEnd = template?.CurrentPeriodEnd ?? world.Now,
            });
        }

        existing.Price = price?.Id ?? existing.Price;
        existing.Quantity = itemParams.Long("quantity") ?? existing.Quantity;
        itemParams.ApplyMetadata(existing.Metadata);
    }

    /// <summary><c>DELETE /v1/subscriptions/{id}</c>: cancels now.</summary>
    public static JsonObject Cancel(ApiCall call)
    {
        var world = call.World;
        var subscription = world.Get<Subscription>(call.Route("id"), "subscription");
        if (subscription.Status == "canceled")
        {
            throw ApiException.InvalidRequest($"This subscription has already been canceled: {subscription.Id}.", "id");
        }

        subscription.Status = "canceled";
        subscription.CanceledAt = world.Now;
        subscription.EndedAt = world.Now;
        subscription.CancelAtPeriodEnd = false;
        subscription.CancellationReason = "cancellation_requested";
        world.Emit("customer.subscription.deleted", subscription);
        return call.Render(subscription);
    }

    public static JsonObject List(ApiCall call)
    {
        var p = call.Params;
        var customer = p.NonEmpty("customer");
        var status = p.Enum("status", "default", [.. Statuses, "default"]);
        var price = p.NonEmpty("price");
        var world = call.World;
        var items = world.Owned<Subscription>(customer).Where(s =>
            (customer is null || s.Customer == customer)
            && status switch
            {
                "all" => true,
                "default" => s.Status is not ("canceled" or "incomplete_expired"),
                "ended" => s.Status is "canceled" or "incomplete_expired",
                _ => s.Status == status,
            }
            && (price is null || s.Items(world).Any(i => i.Price == price)));
        return ListPage.Of(call, items, "/v1/subscriptions");
    }

    public static JsonObject ListItems(ApiCall call)
    {
        var subscription = call.World.Get<Subscription>(call.Params.Required("subscription"), "subscription", "subscription");
        return ListPage.Of(call, subscription.Items(call.World), $"/v1/subscription_items?subscription={subscription.Id}");
    }

    public static JsonObject RetrieveItem(ApiCall call) => call.Render(call.World.Get<SubscriptionItem>(call.Route("id"), "subscription item"));

    public static long Add(long start, string interval, long count)
    {
        var time = UnixTime.From(start);
        return UnixTime.Of(interval switch
        {
            "day" => time.AddDays(count),
            "week" => time.AddDays(7 * count),
            "year" => time.AddYears((int)count),
            _ => time.AddMonths((int)count),
        });
    }
}
