using System.Globalization;
using Leeway.StripeSandbox.Objects;
using Leeway.StripeSandbox.Payments;
using Leeway.StripeSandbox.Wire;

namespace Leeway.StripeSandbox.Admin;

/// <summary>
/// Seeds the scenario format's <c>world</c> (../shared/scenario-format.md): customers and everything under them become
/// Stripe objects with their ids kept exactly. Silent (no events). <c>usage</c> and <c>entitlements</c> belong to the
/// product's own sources and unknown fields are left to the product's strict loader: both are ignored here.
/// Runs in phases across all customers (cards, then subscriptions, invoices, charges, refunds, disputes, sessions)
/// so references resolve whatever the order in the file.
/// </summary>
internal sealed class WorldSeeder(World world)
{
    private const long Day = 24 * 3600;

    private readonly Dictionary<string, (SeedNode Node, Customer Customer)> _charges = new(StringComparer.Ordinal);

    public int Seed(SeedNode root)
    {
        var customers = root.List("customers").Select(node => (Node: node, Customer: AddCustomer(node))).ToList();
        foreach (var (node, customer) in customers)
        {
            foreach (var pm in node.List("payment_methods"))
            {
                AddPaymentMethod(pm, customer);
            }
        }

        foreach (var (node, customer) in customers)
        {
            foreach (var sub in node.List("subscriptions"))
            {
                AddSubscription(sub, customer);
            }
        }

        foreach (var (node, customer) in customers)
        {
            foreach (var invoice in node.List("invoices"))
            {
                AddInvoice(invoice, customer);
            }
        }

        foreach (var (node, customer) in customers)
        {
            foreach (var charge in node.List("charges"))
            {
                AddCharge(charge, customer);
            }
        }

        foreach (var (node, _) in customers)
        {
            foreach (var refund in node.List("refunds"))
            {
                AddRefund(refund);
            }
        }

        foreach (var (id, (node, _)) in _charges)
        {
            SynthesizeRefund(world.Find<Charge>(id)!, node);
        }

        foreach (var (node, _) in customers)
        {
            foreach (var dispute in node.List("disputes"))
            {
                AddDispute(dispute);
            }
        }

        foreach (var (node, customer) in customers)
        {
            foreach (var session in node.List("checkout_sessions"))
            {
                AddCheckoutSession(session, customer);
            }
        }

        foreach (var subscription in world.All<Subscription>())
        {
            subscription.LatestInvoice ??= world.Owned<Invoice>(subscription.Id).Where(i => i.Subscription == subscription.Id)
                .OrderByDescending(i => i.Created).ThenByDescending(i => i.Sequence).FirstOrDefault()?.Id;
        }

        return customers.Count;
    }

    private string Unique(SeedNode node)
    {
        var id = node.RequiredString("id");
        if (world.Find(id) is not null)
        {
            throw AdminException.BadRequest($"{node.Path}.id: \"{id}\" is already used by another object");
        }

        return id;
    }

    private Customer AddCustomer(SeedNode node)
    {
        var customer = new Customer
        {
            Id = Unique(node),
            Created = node.Time("created") ?? world.Now - (365 * Day),
            Email = node.String("email"),
            Name = node.String("name"),
            PreferredLocales = node.Strings("preferred_locales").ToList(),
        };
        customer.Metadata["plan"] = node.String("plan") ?? "free";
        customer.Metadata["risk"] = node.String("risk") ?? "normal";
        return world.Add(customer);
    }

    private void AddPaymentMethod(SeedNode node, Customer customer)
    {
        if (!CardBehaviour.TryParse(node.String("on_charge"), out var behaviour))
        {
            throw node.Bad("on_charge", "\"succeed\", \"requires_authentication\" or \"decline:<decline_code>\"");
        }

        var now = UnixTime.From(world.Now);
        var pm = world.Add(new PaymentMethod
        {
            Id = Unique(node),
            Created = customer.Created,
            Customer = customer.Id,
            Brand = node.String("brand") ?? "visa",
            Last4 = node.String("last4") ?? "4242",
            ExpMonth = node.Long("exp_month") ?? 12,
            ExpYear = node.Long("exp_year") ?? now.Year + 3,
            OnCharge = behaviour,
            BillingName = customer.Name,
            BillingEmail = customer.Email,
        });
        if (node.Bool("default") == true)
        {
            customer.DefaultPaymentMethod = pm.Id;
        }
    }

    private void AddSubscription(SeedNode node, Customer customer)
    {
        var id = Unique(node);
        var now = world.Now;
        var start = node.Time("current_period_start") ?? now - (10 * Day);
        var end = node.Time("current_period_end") ?? UnixTime.Of(UnixTime.From(start).AddMonths(1));
        var currency = (node.String("currency") ?? "usd").ToLowerInvariant();
        var status = node.String("status") ?? "active";
        var subscription = world.Add(new Subscription
        {
            Id = id,
            Customer = customer.Id,
            Created = Math.Min(start, now),
            Status = status,
            Currency = currency,
            CancelAtPeriodEnd = node.Bool("cancel_at_period_end") ?? false,
            StartDate = Math.Min(start, now),
            BillingCycleAnchor = start,
        });
        if (subscription.CancelAtPeriodEnd)
        {
            subscription.CancelAt = end;
        }

        if (status is "canceled" or "incomplete_expired")
        {
            subscription.CanceledAt = subscription.EndedAt = Math.Min(end, now);
            subscription.CancellationReason = "cancellation_requested";
        }

        foreach (var item in node.List("items"))
        {
            var price = EnsurePrice(item, currency, recurring: true);
            world.Add(new SubscriptionItem
            {
                Id = StripeIds.New("si_", 14),
                Created = subscription.Created,
                Subscription = id,
                Price = price.Id,
                Quantity = item.Long("quantity") ?? 1,
                CurrentPeriodStart = start,
                CurrentPeriodEnd = end,
            });
        }
    }

    /// <summary>One Price (and Product) per distinct price id; the first mention sets its amount.</summary>
    private Price EnsurePrice(SeedNode node, string currency, bool recurring, long? fallbackAmount = null)
    {
        var id = node.RequiredString("price");
        if (world.Find(id) is { } existing)
        {
            return existing as Price ?? throw AdminException.BadRequest($"{node.Path}.price: \"{id}\" is not a price");
        }

        var name = id.StartsWith("price_", StringComparison.Ordinal) ? id["price_".Length..] : id;
        var productId = "prod_" + name;
        if (world.Find<Product>(productId) is null)
        {
            var title = name.Replace('_', ' ');
            world.Add(new Product { Id = productId, Created = world.Now - (400 * Day), Name = title.Length > 0 ? char.ToUpperInvariant(title[0]) + title[1..] : id });
        }

        var price = world.Add(new Price
        {
            Id = id,
            Created = world.Now - (400 * Day),
            Product = productId,
            UnitAmount = node.Long("unit_amount") ?? fallbackAmount,
            Currency = currency,
            Interval = recurring ? "month" : null,
        });
        world.Find<Product>(productId)!.DefaultPrice ??= id;
        return price;
    }

    private void AddInvoice(SeedNode node, Customer customer)
    {
        var id = Unique(node);
        var now = world.Now;
        var subscription = node.String("subscription") is { } subId
            ? world.Find<Subscription>(subId) ?? throw AdminException.BadRequest($"{node.Path}.subscription: no subscription \"{subId}\" in the world")
            : null;
        var created = node.Time("created") ?? now;
        var currency = (node.String("currency") ?? subscription?.Currency ?? "usd").ToLowerInvariant();
        var items = subscription?.Items(world) ?? [];
        var lineNodes = node.List("lines");
        var linesTotal = lineNodes.Count > 0
            ? lineNodes.Sum(l => l.Long("amount") ?? 0)
            : items.Sum(i => (world.Find<Price>(i.Price)?.UnitAmount ?? 0) * i.Quantity);
        var amountDue = node.Long("amount_due") ?? linesTotal;
        var status = node.String("status") ?? "open";
        var lastError = node.String("last_payment_error");
        var invoice = world.Add(new Invoice
        {
            Id = id,
            Customer = customer.Id,
            Subscription = subscription?.Id,
            Created = created,
            Status = status,
            Currency = currency,
            Total = amountDue,
            AmountDue = amountDue,
            AmountPaid = node.Long("amount_paid") ?? (status == "paid" ? amountDue : 0),
            AttemptCount = node.Long("attempt_count") ?? (status == "paid" || lastError is not null ? 1 : 0),
            DueDate = node.Time("due_date"),
            NextPaymentAttempt = node.Time("next_payment_attempt"),
            BillingReason = subscription is null ? "manual" : "subscription_cycle",
            PeriodStart = items.Count > 0 ? items[0].CurrentPeriodStart : created,
            PeriodEnd = items.Count > 0 ? items[0].CurrentPeriodEnd : created,
            AutoAdvance = status is "draft" or "open",
        });
        invoice.Attempted = invoice.AttemptCount > 0;
        invoice.FirstAttemptAt = invoice.Attempted ? created : null;
        if (status != "draft")
        {
            // A link that expires at a given time: Stripe derives the expiry from the invoice's dates, so the
            // finalization time is the one that gives it (HostedInvoice.Expiry).
            var linkExpiresAt = node.Time("hosted_invoice_url_expires_at");
            invoice.FinalizedAt = linkExpiresAt is { } expires ? HostedInvoice.FinalizedFor(expires, invoice.DueDate) : created;
            invoice.Number = $"{customer.InvoicePrefix}-{world.Owned<Invoice>(customer.Id).Count(i => i.Customer == customer.Id && i.Number is not null) + 1:D4}";
            invoice.HostedToken = "test_" + StripeIds.New("", 40);
            invoice.HostedExpiresAt = linkExpiresAt ?? HostedInvoice.Expiry(invoice);
        }

        switch (status)
        {
            case "paid":
                invoice.PaidAt = created + 300 <= now ? created + 300 : created;
                break;
            case "void":
                invoice.VoidedAt = created;
                break;
            case "uncollectible":
                invoice.MarkedUncollectibleAt = created;
                break;
        }

        AddLines(invoice, lineNodes, items, subscription);
        if (status is "open" or "uncollectible" && invoice.AmountRemaining > 0)
        {
            AddOpenIntent(invoice, customer, lastError, node);
        }
    }

    private void AddLines(Invoice invoice, IReadOnlyList<SeedNode> lineNodes, List<SubscriptionItem> items, Subscription? subscription)
    {
        if (lineNodes.Count > 0)
        {
            foreach (var line in lineNodes)
            {
                var amount = line.Long("amount") ?? 0;
                var quantity = line.Long("quantity") ?? 1;
                var price = line.String("price") is not null
                    ? EnsurePrice(line, invoice.Currency, recurring: subscription is not null, fallbackAmount: quantity == 0 ? amount : amount / quantity)
                    : null;
                var item = price is null ? null : items.FirstOrDefault(i => i.Price == price.Id);
                world.Add(new InvoiceLine
                {
                    Id = StripeIds.New("il_"),
                    Created = invoice.Created,
                    Invoice = invoice.Id,
                    Amount = amount,
                    Currency = invoice.Currency,
                    Description = line.String("description"),
                    Quantity = quantity,
                    Price = price?.Id,
                    Subscription = subscription?.Id,
                    SubscriptionItem = item?.Id,
                    InvoiceItem = item is null ? StripeIds.New("ii_") : null,
                    PeriodStart = invoice.PeriodStart,
                    PeriodEnd = invoice.PeriodEnd,
                });
            }

            return;
        }

        if (items.Count > 0)
        {
            foreach (var item in items)
            {
                var price = world.Find<Price>(item.Price);
                var product = world.Find<Product>(price?.Product);
                var unit = price?.UnitAmount ?? 0;
                world.Add(new InvoiceLine
                {
                    Id = StripeIds.New("il_"),
                    Created = invoice.Created,
                    Invoice = invoice.Id,
                    Amount = unit * item.Quantity,
                    Currency = invoice.Currency,
                    Description = $"{item.Quantity} × {product?.Name ?? item.Price} (at {Money(unit, invoice.Currency)} / month)",
                    Quantity = item.Quantity,
                    Price = item.Price,
                    Subscription = subscription?.Id,
                    SubscriptionItem = item.Id,
                    PeriodStart = item.CurrentPeriodStart,
                    PeriodEnd = item.CurrentPeriodEnd,
                });
            }

            return;
        }

        world.Add(new InvoiceLine
        {
            Id = StripeIds.New("il_"),
            Created = invoice.Created,
            Invoice = invoice.Id,
            Amount = invoice.AmountDue,
            Currency = invoice.Currency,
            Quantity = 1,
            InvoiceItem = StripeIds.New("ii_"),
            PeriodStart = invoice.PeriodStart,
            PeriodEnd = invoice.PeriodEnd,
        });
    }

    private static string Money(long amount, string currency) =>
        (currency == "eur" ? "€" : currency == "gbp" ? "£" : "$") + (amount / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>An open invoice's payment intent; with <c>last_payment_error</c>, the failed attempt that left it there.</summary>
    private void AddOpenIntent(Invoice invoice, Customer customer, string? lastError, SeedNode node)
    {
        var intent = world.Add(new PaymentIntent
        {
            Id = "pi_" + StripeIds.New("", 24),
            Created = invoice.Created,
            Amount = invoice.AmountRemaining,
            Currency = invoice.Currency,
            Customer = customer.Id,
            Description = $"Invoice {invoice.Number}",
            Invoice = invoice.Id,
        });
        invoice.PaymentIntent = intent.Id;
        world.Add(new InvoicePayment
        {
            Id = StripeIds.New("inpay_"),
            Created = invoice.Created,
            Invoice = invoice.Id,
            AmountRequested = intent.Amount,
            Currency = invoice.Currency,
            PaymentIntent = intent.Id,
            IsDefault = true,
        });
        if (lastError is null)
        {
            return;
        }

        if (!lastError.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_'))
        {
            throw node.Bad("last_payment_error", "a decline code such as \"insufficient_funds\"");
        }

        var card = world.Find<PaymentMethod>(customer.DefaultPaymentMethod)
            ?? world.Owned<PaymentMethod>(customer.Id).Where(pm => pm.Customer == customer.Id).OrderBy(pm => pm.Sequence).FirstOrDefault();
        var decline = Decline.For(lastError);
        var attemptedAt = Math.Min(invoice.Created + 3600, world.Now);
        intent.PaymentMethod = card?.Id;
        intent.LastPaymentErrorMethod = card?.Id;
        if (decline.Code == "authentication_required")
        {
            intent.Status = "requires_action";
            intent.NextAction = new System.Text.Json.Nodes.JsonObject
            {
                ["type"] = "use_stripe_sdk",
                ["use_stripe_sdk"] = new System.Text.Json.Nodes.JsonObject
                {
                    ["type"] = "three_d_secure_redirect",
                    ["stripe_js"] = $"{world.BaseUrl}/3ds/{intent.Id}",
                    ["source"] = StripeIds.New("src_"),
                },
            };
            intent.LastPaymentError = PaymentEngine.ErrorJson(decline, null);
            return;
        }

        var charge = world.Add(new Charge
        {
            Id = StripeIds.New("ch_"),
            Created = attemptedAt,
            Amount = intent.Amount,
            Currency = intent.Currency,
            Customer = customer.Id,
            PaymentIntent = intent.Id,
            PaymentMethod = card?.Id,
            Card = card is null ? null : CardSnapshot.Of(card),
            Status = "failed",
            FailureCode = decline.Code,
            FailureMessage = decline.Message,
            Outcome = decline.Outcome(),
            Description = intent.Description,
        });
        intent.Status = "requires_payment_method";
        intent.PaymentMethod = null;
        intent.LatestCharge = charge.Id;
        intent.LastPaymentError = PaymentEngine.ErrorJson(decline, charge.Id);
    }

    private void AddCharge(SeedNode node, Customer customer)
    {
        var id = Unique(node);
        var now = world.Now;
        var card = node.String("payment_method") is { } pmId
            ? world.Find<PaymentMethod>(pmId) ?? throw AdminException.BadRequest($"{node.Path}.payment_method: no payment method \"{pmId}\" in the world")
            : world.Find<PaymentMethod>(customer.DefaultPaymentMethod);
        var invoice = node.String("invoice") is { } invoiceId
            ? world.Find<Invoice>(invoiceId) ?? throw AdminException.BadRequest($"{node.Path}.invoice: no invoice \"{invoiceId}\" in the world")
            : null;
        var amount = node.Long("amount") ?? invoice?.AmountDue ?? 0;
        var created = node.Time("created") ?? now;
        var status = node.String("status") ?? "succeeded";
        var currency = (node.String("currency") ?? invoice?.Currency ?? "usd").ToLowerInvariant();
        var intent = world.Add(new PaymentIntent
        {
            Id = "pi_" + StripeIds.New("", 24),
            Created = created,
            Amount = amount,
            Currency = currency,
            Customer = customer.Id,
            PaymentMethod = status == "failed" ? null : card?.Id,
            Description = node.String("description") ?? (invoice is null ? null : $"Invoice {invoice.Number}"),
            Invoice = invoice?.Id,
            Status = status switch { "succeeded" => "succeeded", "pending" => "processing", _ => "requires_payment_method" },
            AmountReceived = status == "succeeded" ? amount : 0,
            LatestCharge = id,
        });
        var charge = world.Add(new Charge
        {
            Id = id,
            Created = created,
            Amount = amount,
            Currency = currency,
            Customer = customer.Id,
            PaymentIntent = intent.Id,
            PaymentMethod = card?.Id,
            Card = card is null ? new CardSnapshot("visa", "4242", 12, UnixTime.From(now).Year + 2, "credit", "US", StripeIds.New("", 16)) : CardSnapshot.Of(card),
            Status = status,
            Description = node.String("description"),
            Disputed = node.Bool("disputed") ?? false,
            BalanceTransaction = status == "succeeded" ? StripeIds.New("txn_") : null,
        });
        if (status == "failed")
        {
            var decline = Decline.For("generic_decline");
            charge.FailureCode = decline.Code;
            charge.FailureMessage = decline.Message;
            charge.Outcome = decline.Outcome();
            intent.LastPaymentError = PaymentEngine.ErrorJson(decline, id);
            intent.LastPaymentErrorMethod = card?.Id;
        }
        else
        {
            charge.Outcome = new System.Text.Json.Nodes.JsonObject
            {
                ["advice_code"] = null,
                ["network_advice_code"] = null,
                ["network_decline_code"] = null,
                ["network_status"] = "approved_by_network",
                ["reason"] = null,
                ["risk_level"] = "normal",
                ["risk_score"] = 20,
                ["seller_message"] = "Payment complete.",
                ["type"] = "authorized",
            };
        }

        if (invoice is not null)
        {
            var first = invoice.Payments(world).Count == 0;
            world.Add(new InvoicePayment
            {
                Id = StripeIds.New("inpay_"),
                Created = created,
                Invoice = invoice.Id,
                AmountRequested = amount,
                AmountPaid = status == "succeeded" ? amount : null,
                Currency = currency,
                Status = status == "succeeded" ? "paid" : "open",
                PaymentIntent = intent.Id,
                Charge = id,
                IsDefault = first,
                PaidAt = status == "succeeded" ? created : null,
            });
            if (first && invoice.PaymentIntent is null)
            {
                invoice.PaymentIntent = intent.Id;
            }

            if (invoice.Status == "paid" && first && status == "succeeded")
            {
                invoice.PaidAt = created;
            }
        }

        _charges[id] = (node, customer);
    }

    private void AddRefund(SeedNode node)
    {
        var id = Unique(node);
        var chargeId = node.RequiredString("charge");
        var charge = world.Find<Charge>(chargeId) ?? throw AdminException.BadRequest($"{node.Path}.charge: no charge \"{chargeId}\" in the world");
        var status = node.String("status") ?? "succeeded";
        world.Add(new Refund
        {
            Id = id,
            Created = node.Time("created") ?? world.Now,
            Charge = charge.Id,
            PaymentIntent = charge.PaymentIntent,
            Customer = charge.Customer,
            PaymentMethod = charge.PaymentMethod,
            Amount = node.Long("amount") ?? charge.Amount,
            Currency = charge.Currency,
            Status = status,
            FailureReason = status == "failed" ? "declined" : null,
            BalanceTransaction = StripeIds.New("txn_"),
        });
    }

    /// <summary><c>amount_refunded</c> with no refund to explain it: the refund that made it, succeeded.</summary>
    private void SynthesizeRefund(Charge charge, SeedNode node)
    {
        var wanted = node.Long("amount_refunded") ?? 0;
        var missing = wanted - charge.AmountRefunded(world);
        if (missing <= 0)
        {
            return;
        }

        world.Add(new Refund
        {
            Id = StripeIds.New("re_"),
            Created = Math.Min(charge.Created + Day, world.Now),
            Charge = charge.Id,
            PaymentIntent = charge.PaymentIntent,
            Customer = charge.Customer,
            PaymentMethod = charge.PaymentMethod,
            Amount = missing,
            Currency = charge.Currency,
            Status = "succeeded",
            Reason = "requested_by_customer",
            BalanceTransaction = StripeIds.New("txn_"),
        });
    }

    private void AddDispute(SeedNode node)
    {
        var id = Unique(node);
        var chargeId = node.RequiredString("charge");
        var charge = world.Find<Charge>(chargeId) ?? throw AdminException.BadRequest($"{node.Path}.charge: no charge \"{chargeId}\" in the world");
        var created = node.Time("created") ?? world.Now;
        var status = node.String("status") ?? "needs_response";
        if (!DisputeStatus.All.Contains(status))
        {
            throw node.Bad("status", $"a Stripe dispute status ({string.Join(", ", DisputeStatus.All)})");
        }

        charge.Disputed = true;
        world.Add(new Dispute
        {
            Id = id,
            Created = created,
            Charge = charge.Id,
            PaymentIntent = charge.PaymentIntent,
            Amount = node.Long("amount") ?? charge.Amount,
            Currency = charge.Currency,
            Status = status,
            Reason = node.String("reason") ?? "general",
            EvidenceDueBy = created + (14 * Day),
            Card = charge.Card,
        });
    }

    private void AddCheckoutSession(SeedNode node, Customer customer)
    {
        var id = Unique(node);
        var mode = node.String("mode") ?? "payment";
        var status = node.String("status") ?? "open";
        var expiresAt = node.Time("expires_at") ?? (status == "expired" ? world.Now - 3600 : world.Now + Day);
        var invoice = node.String("invoice");
        if (invoice is not null && world.Find<Invoice>(invoice) is null)
        {
            throw AdminException.BadRequest($"{node.Path}.invoice: no invoice \"{invoice}\" in the world");
        }

        var currency = (node.String("currency") ?? "usd").ToLowerInvariant();
        var amount = mode == "setup" ? null : node.Long("amount_total");
        var session = world.Add(new CheckoutSession
        {
            Id = id,
            Created = Math.Min(expiresAt - Day, world.Now),
            Mode = mode,
            Status = status,
            PaymentStatus = status == "complete" ? (mode == "setup" ? "no_payment_required" : "paid") : "unpaid",
            Customer = customer.Id,
            CustomerEmail = customer.Email,
            AmountTotal = amount,
            Currency = mode == "setup" ? null : currency,
            ExpiresAt = expiresAt,
            Invoice = invoice,
        });
        if (amount is { } total)
        {
            session.LineItems.Add(new CheckoutLineItem(StripeIds.New("li_"), null, total, 1, null, currency));
        }
    }
}
