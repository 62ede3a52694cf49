using System.Text.Json;
using Leeway.Audit;
using Leeway.Policy;
using Leeway.Policy.Actions;
using Leeway.Prevent;
using Leeway.Prevent.Nudges;
using Leeway.Storage;

namespace Leeway.Routing;

/// <summary>
/// Tier 0 in the contact log: every nudge sent is a Tier 0 contact, and an invoice paid after it had failed is a
/// recovered payment, credited to what the product's own records say paid it (see <see cref="ViaAsync"/>).
/// </summary>
internal sealed class PreventContacts(IContactLog log, IAuditLog audit, INudgeStore nudges, CustomerLocks gateLocks, TimeProvider time) : IPreventObserver
{
    /// <summary>How far back a card-update link counts towards a payment (links are not tied to one invoice).</summary>
    private static readonly TimeSpan CardUpdateReach = TimeSpan.FromDays(30);

    public Task OnNudgeSentAsync(Nudge nudge, CancellationToken cancellationToken) =>
        log.RecordNudgeAsync(nudge.CustomerId, WireName.Of(nudge.Reason), nudge.Channel, cancellationToken);

    public async Task OnInvoicePaidAsync(PaidInvoice invoice, CancellationToken cancellationToken)
    {
        // The payment that paid this invoice may be a gate action still in flight: Stripe sends invoice.paid before the
        // gate has audited its own success. The gate holds the customer's lock from decision to audit, so waiting for it
        // means the audit log already says who paid.
        using (await gateLocks.AcquireAsync(invoice.CustomerId, cancellationToken))
        {
        }

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
        using (await gateLocks.AcquireAsync(checkout.CustomerId, cancellationToken))
        {
        }

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
    /// The latest action that went through the gate and succeeded for this invoice (or a recent card-update link for
    /// the customer), by who took it: the customer on the dashboard → <c>dashboard</c>, Lee → <c>agent</c>, Tier 0's
    /// retry → <c>retry</c>, a link Tier 0 sent → <c>nudge</c>, a person → <c>retry</c> or <c>link</c>. Else a nudge sent
    /// about the invoice → <c>nudge</c>. Null when the product did nothing about it.
    /// </summary>
    private async Task<string?> ViaAsync(string customerId, string objectId, CancellationToken cancellationToken)
    {
        var quoted = $"\"{objectId}\"";
        var since = time.GetUtcNow() - CardUpdateReach;
        // Newest first (the audit log lists by sequence, descending): the latest action is the one that paid.
        var entries = await audit.ListAsync(new AuditQuery(Customer: customerId, Decision: AuditDecision.Allowed), cancellationToken);
        var acted = entries.FirstOrDefault(e => Succeeded(e)
            && (e.Parameters.Contains(quoted, StringComparison.Ordinal) || e.Outcome?.Contains(quoted, StringComparison.Ordinal) == true
                || (e.Action == WireName.Of(ActionType.CardUpdateLink) && e.At >= since)));
        if (acted is not null)
        {
            var retry = acted.Action == WireName.Of(ActionType.RetryPayment);
            if (acted.Actor == Actor.Customer.Name)
            {
                return "dashboard";
            }

            if (acted.Actor == Actor.AgentLee.Name)
            {
                return LeeNames.Source;
            }

            return retry ? "retry" : acted.Actor == Actor.Tier0.Name ? "nudge" : "link";
        }

        var nudged = (await nudges.ListForCustomerAsync(customerId, cancellationToken))
            .Any(n => n.ObjectId == objectId && n.State is NudgeState.Sent or NudgeState.Resolved);
        return nudged ? "nudge" : null;
    }

    private static bool Succeeded(AuditEntry entry)
    {
        if (string.IsNullOrEmpty(entry.Outcome))
        {
            return false;
        }

        try
        {
            using var outcome = JsonDocument.Parse(entry.Outcome);
            return outcome.RootElement.TryGetProperty("succeeded", out var succeeded) && succeeded.ValueKind == JsonValueKind.True;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
