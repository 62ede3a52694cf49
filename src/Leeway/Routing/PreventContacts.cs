using Leeway.Policy;
using Leeway.Policy.Actions;
using Leeway.Prevent;
using Leeway.Prevent.Nudges;
using Leeway.Storage;

namespace Leeway.Routing;

/// <summary>
/// Tier 0 in the contact log: every nudge sent is a Tier 0 contact, and an invoice paid after it had failed is a
/// recovered payment, credited to what the gate's record says paid it (see <see cref="ViaAsync"/>).
/// </summary>
internal sealed class PreventContacts(IContactLog log, IGateActions actions, INudgeStore nudges, TimeProvider time) : IPreventObserver
{
    /// <summary>How far back a card-update link counts towards a payment (links are not tied to one invoice).</summary>
    private static readonly TimeSpan CardUpdateReach = TimeSpan.FromDays(30);

    /// <summary>How long a decision sent to Stripe counts as in flight: past it, a pending one is a gate that never answered.</summary>
    private static readonly TimeSpan InFlightReach = TimeSpan.FromMinutes(5);

    public Task OnNudgeSentAsync(Nudge nudge, CancellationToken cancellationToken) =>
        log.RecordNudgeAsync(nudge.CustomerId, WireName.Of(nudge.Reason), nudge.Channel, cancellationToken);

    public async Task OnInvoicePaidAsync(PaidInvoice invoice, CancellationToken cancellationToken)
    {
        var via = await ViaAsync(invoice.CustomerId, invoice.InvoiceId, cancellationToken);
        if (via is null && !invoice.FailureSeen && invoice.AttemptCount <= 1)
        {
            // Paid at its first attempt and nothing of ours touched it: a payment, not a recovery.
            return;
        }

        // Otherwise Stripe's own dunning retry collected it.
        await log.RecordRecoveryAsync(invoice.CustomerId, invoice.InvoiceId, invoice.AmountPaid, invoice.Currency, via ?? "retry", cancellationToken);
    }

    public async Task OnCheckoutPaidAsync(PaidCheckout checkout, CancellationToken cancellationToken)
    {
        // A link someone of ours made (a renewal of an expired one, or a link Lee, the page or a person made) that was paid
        // is money that would otherwise have been lost; a merchant's own first link paid at once is just a payment.
        var via = await ViaAsync(checkout.CustomerId, checkout.SessionId, cancellationToken);
        if (via is null && !checkout.Renewed)
        {
            return;
        }

        await log.RecordRecoveryAsync(checkout.CustomerId, checkout.SessionId, checkout.Amount, checkout.Currency, via ?? "nudge", cancellationToken);
    }

    /// <summary>
    /// The latest action that went through the gate and succeeded for this object (or a recent card-update link for the
    /// customer), by who took it (<see cref="RecoveryVia"/>). An action naming the object
    /// that is still in flight counts too: Stripe may send <c>invoice.paid</c> for the gate's own payment before the gate
    /// has recorded Stripe's answer, and the gate puts every action on record before it calls Stripe. Else a nudge sent
    /// about the object → <c>nudge</c>. Null when the product did nothing about it.
    /// </summary>
    private async Task<string?> ViaAsync(string customerId, string objectId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var since = now - CardUpdateReach;
        var acted = (await actions.ListForCustomerAsync(customerId, DateTimeOffset.UnixEpoch, cancellationToken)).FirstOrDefault(a =>
            (a.Decision == GateDecision.Allowed && a.Succeeded && (a.Names(objectId) || (a.Type == ActionType.CardUpdateLink && a.At >= since)))
            || (a.Decision == GateDecision.Pending && a.At >= now - InFlightReach && a.Names(objectId)));
        if (acted is not null)
        {
            return RecoveryVia.Of(acted);
        }

        var nudged = (await nudges.ListForCustomerAsync(customerId, cancellationToken))
            .Any(n => n.ObjectId == objectId && n.State is NudgeState.Sent or NudgeState.Resolved);
        return nudged ? "nudge" : null;
    }
}
