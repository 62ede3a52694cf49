using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Leeway.Billing;
using Leeway.Diagnostics;
using Leeway.Diagnostics.Rules;
using Leeway.Diagnostics.Sources;
using Leeway.Policy;
using Leeway.Policy.Rules;
using Stripe;
using Stripe.Checkout;

namespace Leeway.Tests.Diagnostics;

/// <summary>
/// One customer of a scenario-format world turned into the Stripe.net objects Stripe (the sandbox) would return,
/// in memory, for pure-rule tests. Mirrors the scenario format's field table.
/// </summary>
internal static class ScenarioWorld
{
    public static DateTimeOffset Time(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static JsonObject Customer(string json) => JsonNode.Parse(json)!.AsObject();

    /// <summary>The findings one rule gives for a customer (written in the scenario format) at a moment.</summary>
    public static List<Finding> Evaluate(IDiagnosisRule rule, string customerJson, string now, PolicySettings? policy = null, params string[] unavailable) =>
        rule.Evaluate(Input(Customer(customerJson), now, policy, unavailable)).ToList();

    public static DiagnosisInput Input(JsonObject customer, string now, PolicySettings? policy = null, params string[] unavailable)
    {
        var down = unavailable.ToHashSet();
        return new DiagnosisInput(
            down.Contains(SourceNames.Stripe) ? null : Snapshot(customer),
            down.Contains(SourceNames.Entitlements) ? null : Entitlements(customer),
            down.Contains(SourceNames.Usage) ? null : Usage(customer),
            unavailable,
            policy ?? new PolicySettings(),
            Time(now));
    }

    public static IReadOnlyList<EntitlementRecord> Entitlements(JsonObject customer) =>
        Items(customer, "entitlements").Select(e => new EntitlementRecord(Str(e, "feature")!, Bool(e, "active"), Str(e, "source") ?? "subscription")).ToList();

    public static IReadOnlyList<UsageRecord> Usage(JsonObject customer) =>
        Items(customer, "usage").Select(u => new UsageRecord(Str(u, "meter")!, Time(Str(u, "period_start")!), Time(Str(u, "period_end")!), Long(u, "quantity"), Long(u, "amount"))).ToList();

    public static BillingSnapshot Snapshot(JsonObject c)
    {
        var id = Str(c, "id")!;
        var paymentMethods = Items(c, "payment_methods").Select(pm => new PaymentMethod
        {
            Id = Str(pm, "id"),
            Type = "card",
            CustomerId = id,
            Card = new PaymentMethodCard { Brand = Str(pm, "brand"), Last4 = Str(pm, "last4"), ExpMonth = Long(pm, "exp_month"), ExpYear = Long(pm, "exp_year") },
        }).ToList();
        var defaultPm = Items(c, "payment_methods").FirstOrDefault(pm => Bool(pm, "default")) is { } d ? Str(d, "id") : paymentMethods.FirstOrDefault()?.Id;
        var metadata = new Dictionary<string, string> { ["plan"] = Str(c, "plan") ?? "free" };
        if (Str(c, "risk") is { } risk)
        {
            metadata["risk"] = risk;
        }

        var customer = new Customer
        {
            Id = id,
            Email = Str(c, "email"),
            Name = Str(c, "name"),
            Metadata = metadata,
            InvoiceSettings = new CustomerInvoiceSettings { DefaultPaymentMethodId = defaultPm },
        };

        var subscriptions = Items(c, "subscriptions").Select(s => new Subscription
        {
            Id = Str(s, "id"),
            CustomerId = id,
            Status = Str(s, "status") ?? "active",
            Currency = Str(s, "currency") ?? "usd",
            CancelAtPeriodEnd = Bool(s, "cancel_at_period_end"),
            Created = Utc(Str(s, "current_period_start")),
            Items = new StripeList<SubscriptionItem>
            {
                Data = Items(s, "items").Select(i => new SubscriptionItem
                {
                    Price = new Price { Id = Str(i, "price"), UnitAmount = Long(i, "unit_amount") },
                    Quantity = Long(i, "quantity"),
                    CurrentPeriodStart = Utc(Str(s, "current_period_start")),
                    CurrentPeriodEnd = Utc(Str(s, "current_period_end")),
                }).ToList(),
            },
        }).ToList();

        var invoices = new List<Invoice>();
        var intents = new List<PaymentIntent>();
        var invoiceByIntent = new Dictionary<string, string>();
        foreach (var i in Items(c, "invoices"))
        {
            var invoiceId = Str(i, "id")!;
            var status = Str(i, "status") ?? "open";
            var amountDue = Long(i, "amount_due");
            var amountPaid = Long(i, "amount_paid");
            var expires = Str(i, "hosted_invoice_url_expires_at");
            invoices.Add(new Invoice
            {
                Id = invoiceId,
                CustomerId = id,
                Status = status,
                AmountDue = amountDue,
                AmountPaid = amountPaid,
                AmountRemaining = status == "paid" ? 0 : amountDue - amountPaid,
                Currency = Str(i, "currency") ?? "usd",
                Created = Utc(Str(i, "created")),
                DueDate = Str(i, "due_date") is { } due ? Utc(due) : null,
                AttemptCount = Long(i, "attempt_count"),
                NextPaymentAttempt = Str(i, "next_payment_attempt") is { } next ? Utc(next) : null,
                HostedInvoiceUrl = $"https://invoice.example/{invoiceId}",

                // Stripe's link expiry follows the invoice's dates (30 days after finalization without a due date).
                StatusTransitions = new InvoiceStatusTransitions { FinalizedAt = expires is null ? Utc(Str(i, "created")) : Utc(expires).AddDays(-30) },
                Parent = Str(i, "subscription") is { } sub
                    ? new InvoiceParent { Type = "subscription_details", SubscriptionDetails = new InvoiceParentSubscriptionDetails { SubscriptionId = sub } }
                    : null,
            });

            var error = Str(i, "last_payment_error");
            var intentId = "pi_" + invoiceId;
            intents.Add(new PaymentIntent
            {
                Id = intentId,
                CustomerId = id,
                Amount = amountDue,
                Currency = Str(i, "currency") ?? "usd",
                Created = Utc(Str(i, "created")),
                PaymentMethodId = defaultPm,
                Status = status == "paid" ? "succeeded" : error == "authentication_required" ? "requires_action" : "requires_payment_method",
                LastPaymentError = error is null ? null : new StripeError
                {
                    Type = "card_error",
                    Code = error is "authentication_required" or "expired_card" or "incorrect_cvc" ? error : "card_declined",
                    DeclineCode = error == "authentication_required" ? null : error,
                },
            });
            invoiceByIntent[intentId] = invoiceId;
        }

        var charges = Items(c, "charges").Select(ch => new Charge
        {
            Id = Str(ch, "id"),
            CustomerId = id,
            Amount = Long(ch, "amount"),
            Currency = Str(ch, "currency") ?? "usd",
            Created = Utc(Str(ch, "created")),
            Status = Str(ch, "status") ?? "succeeded",
            AmountRefunded = Long(ch, "amount_refunded"),
            Refunded = Long(ch, "amount_refunded") >= Long(ch, "amount") && Long(ch, "amount") > 0,
            Disputed = Bool(ch, "disputed"),
            Description = Str(ch, "description"),
            PaymentMethod = Str(ch, "payment_method"),
        }).ToList();
        var invoiceByCharge = Items(c, "charges").Where(ch => Str(ch, "invoice") is not null).ToDictionary(ch => Str(ch, "id")!, ch => Str(ch, "invoice")!);
        string CurrencyOfCharge(string? chargeId) => charges.FirstOrDefault(ch => ch.Id == chargeId)?.Currency ?? "usd";

        var refunds = Items(c, "refunds").Select(r => new Refund
        {
            Id = Str(r, "id"),
            ChargeId = Str(r, "charge"),
            Amount = Long(r, "amount"),
            Currency = CurrencyOfCharge(Str(r, "charge")),
            Status = Str(r, "status") ?? "succeeded",
            Created = Utc(Str(r, "created")),
        }).ToList();
        var disputes = Items(c, "disputes").Select(dp => new Dispute
        {
            Id = Str(dp, "id"),
            ChargeId = Str(dp, "charge"),
            Amount = Long(dp, "amount"),
            Currency = CurrencyOfCharge(Str(dp, "charge")),
            Status = Str(dp, "status") ?? "needs_response",
            Reason = Str(dp, "reason") ?? "general",
            Created = Utc(Str(dp, "created")),
        }).ToList();
        var sessions = Items(c, "checkout_sessions").Select(s => new Session
        {
            Id = Str(s, "id"),
            CustomerId = id,
            Mode = Str(s, "mode") ?? "payment",
            Status = Str(s, "status") ?? "open",
            ExpiresAt = Utc(Str(s, "expires_at")),
            Created = Utc(Str(s, "expires_at")).AddHours(-24),
            InvoiceId = Str(s, "invoice"),
            AmountTotal = Long(s, "amount_total"),
            Currency = Str(s, "currency") ?? "usd",
        }).ToList();

        return new BillingSnapshot(customer, paymentMethods, subscriptions, invoices, intents, charges, refunds, disputes, sessions, invoiceByCharge, invoiceByIntent);
    }

    private static IEnumerable<JsonObject> Items(JsonObject o, string key) => o[key] is JsonArray a ? a.OfType<JsonObject>() : [];

    private static string? Str(JsonObject o, string key) => o[key] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static long Long(JsonObject o, string key) => o[key] is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? v.GetValue<long>() : 0;

    private static bool Bool(JsonObject o, string key) => o[key] is JsonValue v && v.GetValueKind() == JsonValueKind.True;

    private static DateTime Utc(string? iso) => iso is null ? DateTime.UnixEpoch : Time(iso).UtcDateTime;
}
