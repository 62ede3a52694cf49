using Leeway.Policy;
using Leeway.Policy.Actions;
using Leeway.Policy.Facts;
using Leeway.Policy.Rules;
using Leeway.Storage;

namespace Leeway.Tests.Policy;

/// <summary>
/// One customer's billing as plain facts, standing in for Stripe where tests need thousands of decisions fast
/// (property tests): the gate reads facts from it and acts on it. Like Stripe, it remembers every idempotency key
/// it acted on and replays the answer instead of acting twice; <see cref="Effects"/> is its own record of what it did.
/// </summary>
internal sealed class InMemoryBilling(string customerId, TimeProvider time) : IGateFacts, IActionExecutor
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, ActionExecution> _byKey = [];
    private int _ids;

    public string CustomerId { get; } = customerId;

    public string Risk { get; set; } = "normal";

    public string? DefaultPaymentMethodId { get; set; } = "pm_default";

    public List<ChargeFact> Charges { get; } = [];

    public Dictionary<string, InvoiceFact> Invoices { get; } = [];

    public Dictionary<string, SessionFact> Sessions { get; } = [];

    public Dictionary<string, SubscriptionFact> Subscriptions { get; } = [];

    public List<string> OpenDisputes { get; } = [];

    /// <summary>Objects of other customers: id → owner.</summary>
    public Dictionary<string, string> Foreign { get; } = [];

    public List<Effect> Effects { get; } = [];

    public int ExecuteCalls { get; private set; }

    /// <summary>Run as Stripe is called, before it acts: what a webhook sent because of the call would see.</summary>
    public Func<Task>? WhileCalled { get; set; }

    public async Task<string?> CustomerOfAsync(BillingAction action, CancellationToken cancellationToken)
    {
        await Task.Yield();
        lock (_lock)
        {
            var id = action.ObjectIds.First();
            return Owner(id);
        }
    }

    public async Task<GateFacts> ReadAsync(string customerId, BillingAction action, CancellationToken cancellationToken)
    {
        await Task.Yield();
        lock (_lock)
        {
            var invoiceId = action switch
            {
                RetryPayment a => a.InvoiceId,
                AuthenticatePayment a => a.InvoiceId,
                RegenerateLink a => a.InvoiceId,
                _ => null,
            };
            var sessionId = (action as RegenerateLink)?.ExpiredCheckoutSessionId;
            var mine = customerId == CustomerId;
            return new GateFacts
            {
                CustomerId = customerId,
                CustomerExists = mine || Foreign.ContainsValue(customerId),
                Risk = mine ? Risk : "normal",
                DefaultPaymentMethodId = DefaultPaymentMethodId,
                Owners = action.ObjectIds.Distinct().ToDictionary(id => id, Owner),
                Charges = mine ? [.. Charges] : [],
                OpenDisputes = mine ? [.. OpenDisputes] : [],
                Subscriptions = mine ? [.. Subscriptions.Values] : [],
                Invoice = invoiceId is not null && Invoices.TryGetValue(invoiceId, out var invoice) ? invoice : null,
                Session = sessionId is not null && Sessions.TryGetValue(sessionId, out var session) ? session : null,
            };
        }
    }

    public async Task<ActionExecution> ExecuteAsync(BillingAction action, PolicyDecision decision, GateFacts facts, string idempotencyKey, CancellationToken cancellationToken)
    {
        await Task.Yield();
        if (WhileCalled is { } called)
        {
            await called();
        }

        lock (_lock)
        {
            ExecuteCalls++;
            if (_byKey.TryGetValue(idempotencyKey, out var earlier))
            {
                return earlier with { StripeReplayed = true };
            }

            var now = time.GetUtcNow();
            var requestId = $"req_{++_ids}";
            ActionResult result;
            switch (action)
            {
                case RefundCharge refund:
                    var index = Charges.FindIndex(c => c.Id == refund.ChargeId);
                    var charge = Charges[index];
                    var amount = decision.Amount!.Value;
                    var created = new RefundFact($"re_{_ids}", amount, "succeeded", now);
                    Charges[index] = charge with { AmountRefunded = charge.AmountRefunded + amount, Refunds = [.. charge.Refunds, created] };
                    result = new ActionResult(created.Id, "succeeded", null, amount, charge.Currency, requestId, null);
                    Effects.Add(new Effect("refund", charge.Id, amount, now, idempotencyKey));
                    break;
                case RetryPayment retry:
                    var invoice = Invoices[retry.InvoiceId];
                    Invoices[retry.InvoiceId] = invoice with { Status = "paid", AttemptCount = invoice.AttemptCount + 1, AmountRemaining = 0 };
                    result = new ActionResult(invoice.Id, "paid", null, invoice.AmountRemaining, invoice.Currency, requestId, null);
                    Effects.Add(new Effect("retry_payment", invoice.Id, invoice.AmountRemaining, now, idempotencyKey));
                    break;
                case CreditBalance credit:
                    result = new ActionResult($"cbtxn_{_ids}", "succeeded", null, credit.Amount, credit.Currency, requestId, null);
                    Effects.Add(new Effect("credit", credit.CustomerId, credit.Amount, now, idempotencyKey));
                    break;
                case CancelSubscription cancel:
                    var subscription = Subscriptions[cancel.SubscriptionId];
                    Subscriptions[cancel.SubscriptionId] = subscription with { CancelAtPeriodEnd = true };
                    result = new ActionResult(subscription.Id, subscription.Status, null, null, subscription.Currency, requestId, null);
                    Effects.Add(new Effect("cancel_subscription", subscription.Id, null, now, idempotencyKey));
                    break;
                default:
                    var target = action.ObjectIds.First();
                    result = new ActionResult($"cs_new_{_ids}", "open", $"https://pay.example/{_ids}", null, "usd", requestId, null);
                    Effects.Add(new Effect(WireName.Of(action.Type), target, null, now, idempotencyKey));
                    break;
            }

            var done = new ActionExecution(result, true, false);
            _byKey[idempotencyKey] = done;
            return done;
        }
    }

    private string? Owner(string id)
    {
        if (id == CustomerId || Charges.Any(c => c.Id == id) || Invoices.ContainsKey(id) || Sessions.ContainsKey(id) || Subscriptions.ContainsKey(id))
        {
            return CustomerId;
        }

        if (Foreign.TryGetValue(id, out var owner))
        {
            return owner;
        }

        return Foreign.ContainsValue(id) ? id : null;
    }

    /// <summary>What "Stripe" did: one entry per effect, never for a replay.</summary>
    public sealed record Effect(string Type, string Target, long? Amount, DateTimeOffset At, string IdempotencyKey);
}
