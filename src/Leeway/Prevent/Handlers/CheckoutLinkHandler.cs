using Leeway.Diagnostics;
using Leeway.Policy;
using Leeway.Policy.Actions;
using Leeway.Prevent.Nudges;
using Leeway.Prevent.Webhooks;
using Microsoft.Extensions.Options;
using Stripe;
using Stripe.Checkout;

namespace Leeway.Prevent.Handlers;

/// <summary>
/// Self-renewing payment links. <c>checkout.session.expired</c>: a fresh session replaces the expired one (through the
/// gate, marked <c>recovered_from</c>) and the customer is nudged with it; a renewed link that expires again is renewed
/// again, up to <see cref="PreventOptions.MaxLinkRenewals"/> generations, then a person follows up.
/// <c>checkout.session.completed</c>: the customer paid, so the nudges about the links it replaced are resolved, and a
/// paid link without an invoice is told to the observers (the contact log counts a renewed one as a recovery).
/// </summary>
internal sealed class CheckoutLinkHandler(
    StripeClient stripe,
    CauseFinder causes,
    Nudger nudger,
    NudgeOutbox outbox,
    PreventObservers observers,
    IOptions<PreventOptions> options) : IWebhookHandler
{
    public const string Expired = "checkout.session.expired";
    public const string Completed = "checkout.session.completed";

    public IReadOnlyCollection<string> EventTypes => [Expired, Completed];

    public async Task HandleAsync(WebhookEvent e, CancellationToken cancellationToken)
    {
        if (e.ObjectId is null)
        {
            return;
        }

        var session = await stripe.V1.Checkout.Sessions.GetAsync(e.ObjectId, cancellationToken: cancellationToken);
        // A setup session is a card-update link, not a way to pay: nothing is owed when it lapses.
        if (string.IsNullOrEmpty(session.CustomerId) || session.Mode == "setup")
        {
            return;
        }

        var lineage = await LineageAsync(session, cancellationToken);
        if (e.Type == Completed)
        {
            if (session.Status == "complete")
            {
                await outbox.ResolveAsync(session.CustomerId, lineage, null, cancellationToken);
                // A link with an invoice behind it is counted when invoice.paid arrives; a link on its own only here.
                if (session.Mode == "payment" && string.IsNullOrEmpty(session.InvoiceId) && session.PaymentStatus == "paid")
                {
                    await observers.CheckoutPaidAsync(new PaidCheckout(session.CustomerId, session.Id, session.AmountTotal ?? 0, session.Currency ?? "usd", Renewed: lineage.Count > 1));
                }
            }

            return;
        }

        if (session.Status != "expired")
        {
            return;
        }

        var cause = await causes.FindAsync(session.CustomerId, session.Id, RootCause.PaymentLinkExpired, cancellationToken);
        var renewalsSoFar = lineage.Count - 1;
        var exhausted = renewalsSoFar >= options.Value.MaxLinkRenewals;
        BillingAction? fix = exhausted ? null : FixActions.For(cause.Reason, session.CustomerId, session.InvoiceId, session.Id);
        await nudger.NudgeAsync(new NudgeDecision(session.CustomerId, cause, session.Id, fix, null, e.Id, NeedsHuman: exhausted), cancellationToken);
    }

    /// <summary>This session and the ones it renewed (<c>metadata.recovered_from</c>), newest first.</summary>
    private async Task<List<string>> LineageAsync(Session session, CancellationToken cancellationToken)
    {
        var lineage = new List<string> { session.Id };
        var current = session;
        while (lineage.Count <= options.Value.MaxLinkRenewals
            && current.Metadata?.GetValueOrDefault("recovered_from") is { Length: > 0 } previous
            && !lineage.Contains(previous))
        {
            lineage.Add(previous);
            current = await stripe.V1.Checkout.Sessions.GetAsync(previous, cancellationToken: cancellationToken);
        }

        return lineage;
    }
}
