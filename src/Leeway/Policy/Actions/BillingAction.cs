namespace Leeway.Policy.Actions;

/// <summary>
/// A typed request to change something on Stripe or show the customer something actionable.
/// Every action goes through <see cref="IGate"/>; none calls Stripe's mutating endpoints directly.
/// <see cref="Type"/> is the scenario format's action name.
/// </summary>
internal abstract record BillingAction(ActionType Type)
{
    /// <summary>Every Stripe object the action names, so the gate can check the principal owns each.</summary>
    public abstract IEnumerable<string> ObjectIds { get; }

    /// <summary>Whether it moves money (retry, refund, credit): refused above the risk threshold.</summary>
    public virtual bool MovesMoney => false;
}

/// <summary>Pay an open invoice now: with <paramref name="PaymentMethodId"/> when given (a card the customer just saved),
/// else with the card Stripe charges for it (the invoice's, its subscription's, else the customer's default).</summary>
internal sealed record RetryPayment(string InvoiceId, string? PaymentMethodId = null) : BillingAction(ActionType.RetryPayment)
{
    public override IEnumerable<string> ObjectIds => PaymentMethodId is null ? [InvoiceId] : [InvoiceId, PaymentMethodId];

    public override bool MovesMoney => true;
}

/// <summary>Refund a charge, fully (Amount null) or partly.</summary>
internal sealed record RefundCharge(string ChargeId, long? Amount, string Reason) : BillingAction(ActionType.Refund)
{
    public override IEnumerable<string> ObjectIds => [ChargeId];

    public override bool MovesMoney => true;
}

/// <summary>A new payable link: a fresh Checkout Session replacing an expired one, or a fresh hosted invoice link.</summary>
internal sealed record RegenerateLink(string? ExpiredCheckoutSessionId, string? InvoiceId) : BillingAction(ActionType.RegenerateLink)
{
    public override IEnumerable<string> ObjectIds => new[] { ExpiredCheckoutSessionId, InvoiceId }.OfType<string>();
}

/// <summary>A link where the customer puts a new card on file (setup-mode Checkout Session or billing portal).</summary>
internal sealed record CardUpdateLink(string CustomerId) : BillingAction(ActionType.CardUpdateLink)
{
    public override IEnumerable<string> ObjectIds => [CustomerId];
}

/// <summary>
/// Make a card the customer saved the one Stripe charges: the customer's <c>invoice_settings.default_payment_method</c>,
/// and the <c>default_payment_method</c> of each live subscription that names another card (a subscription's own card
/// wins over the customer's). Stripe does neither when a card is saved through Checkout or the portal.
/// </summary>
internal sealed record UseCard(string CustomerId, string PaymentMethodId) : BillingAction(ActionType.UseCard)
{
    public override IEnumerable<string> ObjectIds => [CustomerId, PaymentMethodId];
}

/// <summary>The link where the customer completes 3-D Secure for an invoice (its fresh hosted invoice page).</summary>
internal sealed record AuthenticatePayment(string InvoiceId) : BillingAction(ActionType.AuthenticatePayment)
{
    public override IEnumerable<string> ObjectIds => [InvoiceId];
}

/// <summary>Cancel a subscription at the end of its current period.</summary>
internal sealed record CancelSubscription(string SubscriptionId) : BillingAction(ActionType.CancelSubscription)
{
    public override IEnumerable<string> ObjectIds => [SubscriptionId];
}

/// <summary>Undo a scheduled cancellation: the subscription renews at the end of its period again (<c>cancel_at_period_end=false</c>).</summary>
internal sealed record ResumeSubscription(string SubscriptionId) : BillingAction(ActionType.ResumeSubscription)
{
    public override IEnumerable<string> ObjectIds => [SubscriptionId];
}

/// <summary>A customer-balance credit (Amount positive, in minor units of Currency).</summary>
internal sealed record CreditBalance(string CustomerId, long Amount, string Currency, string Reason) : BillingAction(ActionType.Credit)
{
    public override IEnumerable<string> ObjectIds => [CustomerId];

    public override bool MovesMoney => true;
}
