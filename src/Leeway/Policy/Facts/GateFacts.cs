using Leeway.Policy.Actions;
using Leeway.Policy.Rules;

namespace Leeway.Policy.Facts;

/// <summary>
/// What the gate knows, read fresh from Stripe for one decision: who owns each object the action names, the customer's
/// risk, open disputes and charges (with refunds), and the state of the object acted on. The rules are a pure function
/// of these facts (<see cref="PolicyRules"/>), so they are tested without Stripe.
/// </summary>
internal sealed record GateFacts
{
    /// <summary>The Stripe customer the action concerns.</summary>
    public required string CustomerId { get; init; }

    /// <summary>False when Stripe has no such customer (or it is deleted).</summary>
    public bool CustomerExists { get; init; } = true;

    /// <summary>Customer metadata <c>risk</c>: normal, elevated or high.</summary>
    public string Risk { get; init; } = "normal";

    public string? DefaultPaymentMethodId { get; init; }

    /// <summary>The customer's <c>currency</c>: what Stripe bills them in, set by their first subscription or invoice
    /// (null before either).</summary>
    public string? Currency { get; init; }

    /// <summary>Each object id the action names → the customer that owns it, or null when Stripe has no such object.</summary>
    public IReadOnlyDictionary<string, string?> Owners { get; init; } = new Dictionary<string, string?>();

    /// <summary>Every charge of the customer, with its refunds.</summary>
    public IReadOnlyList<ChargeFact> Charges { get; init; } = [];

    /// <summary>Disputes on the customer's charges that are still open (every status but won, lost, warning_closed and prevented: <see cref="Billing.DisputeStatuses"/>).</summary>
    public IReadOnlyList<string> OpenDisputes { get; init; } = [];

    public IReadOnlyList<SubscriptionFact> Subscriptions { get; init; } = [];

    public InvoiceFact? Invoice { get; init; }

    public SessionFact? Session { get; init; }

    /// <summary>The card the action names (<see cref="UseCard"/>, a retry with a given card), as Stripe has it.</summary>
    public CardFact? Card { get; init; }
}
