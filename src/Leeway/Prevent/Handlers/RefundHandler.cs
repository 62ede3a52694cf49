using Leeway.Billing;
using Leeway.Diagnostics;
using Leeway.Diagnostics.Rules;
using Leeway.Prevent.Nudges;
using Leeway.Prevent.Webhooks;
using Stripe;

namespace Leeway.Prevent.Handlers;

/// <summary>
/// <c>charge.refunded</c>: tells the customer the refund is on its way and when the money arrives (5–10 business days),
/// before they have to ask. Uses the diagnosis's <c>refund_in_progress</c> finding when it has one; a refund Stripe
/// already marks succeeded is still days from the customer's account, so the same facts are built for it here.
/// </summary>
internal sealed class RefundHandler(StripeClient stripe, CauseFinder causes, Nudger nudger) : IWebhookHandler
{
    public IReadOnlyCollection<string> EventTypes => ["charge.refunded"];

    public async Task HandleAsync(WebhookEvent e, CancellationToken cancellationToken)
    {
        if (e.ObjectId is null)
        {
            return;
        }

        var charge = await stripe.V1.Charges.GetAsync(e.ObjectId, new ChargeGetOptions { Expand = ["refunds"] }, cancellationToken: cancellationToken);
        var refund = charge.Refunds?.Data
            .Where(r => r.Status is "pending" or "succeeded")
            .OrderByDescending(r => r.Created)
            .FirstOrDefault();
        if (refund is null || string.IsNullOrEmpty(charge.CustomerId))
        {
            return;
        }

        var cause = await causes.FindAsync(charge.CustomerId, refund.Id, RootCause.RefundInProgress, cancellationToken);
        if (cause.Reason != RootCause.RefundInProgress || cause.Finding is null)
        {
            cause = new Cause(RootCause.RefundInProgress, cause.Diagnosis, Finding(refund, charge));
        }

        await nudger.NudgeAsync(new NudgeDecision(charge.CustomerId, cause, refund.Id, null, null, e.Id), cancellationToken);
    }

    private static Finding Finding(Refund refund, Charge charge)
    {
        var created = refund.Created.Utc();
        var builder = new FindingBuilder(RootCause.RefundInProgress)
            .Object(refund.Id)
            .Object(charge.Id)
            .Fact(FactKeys.Refund, refund.Id)
            .Fact(FactKeys.Charge, charge.Id)
            .Fact(FactKeys.RefundCreated, created)
            .Fact(FactKeys.RefundExpectedBy, RefundInProgressRule.AddBusinessDays(created, RefundInProgressRule.BusinessDaysToArrive))
            .Money(refund.Amount, refund.Currency ?? charge.Currency);
        if (charge.PaymentMethodDetails?.Card is { } card)
        {
            builder.Fact(FactKeys.CardDisplay, CardFormat.Describe(card.Brand, card.Last4));
        }

        return builder.Build("A refund is on its way to the card.");
    }
}
