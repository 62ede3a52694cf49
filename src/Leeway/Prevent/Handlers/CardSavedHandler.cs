using Leeway.Identity;
using Leeway.Policy;
using Leeway.Policy.Actions;
using Leeway.Policy.Rules;
using Leeway.Prevent.Webhooks;
using Microsoft.Extensions.Logging;
using Stripe;

namespace Leeway.Prevent.Handlers;

/// <summary>
/// A customer saved a card (<c>setup_intent.succeeded</c> from a setup-mode Checkout Session, <c>payment_method.attached</c>
/// from the billing portal or anywhere else). Stripe only attaches it: unless Leeway acts, the retries and the renewals
/// charge the dead card again. So, through the gate: the card becomes the one Stripe charges (<see cref="UseCard"/>:
/// the customer's invoice default and any subscription that names another card), then every open invoice of the
/// customer is paid with it (<see cref="RetryPayment"/> naming the card: a new card lifts the attempts-exhausted stop).
/// Both events arrive for one save; the decision key is the card, so the second acts on nothing twice.
/// </summary>
internal sealed class CardSavedHandler(StripeClient stripe, IGate gate, ILogger<CardSavedHandler> logger) : IWebhookHandler
{
    public const string SetupSucceeded = "setup_intent.succeeded";
    public const string Attached = "payment_method.attached";

    public IReadOnlyCollection<string> EventTypes => [SetupSucceeded, Attached];

    public async Task HandleAsync(WebhookEvent e, CancellationToken cancellationToken)
    {
        var (cardId, customerId) = e.Event.Data.Object switch
        {
            SetupIntent { Status: "succeeded" } setup => (setup.PaymentMethodId, setup.CustomerId),
            PaymentMethod card => (card.Id, card.CustomerId),
            _ => (null, null),
        };
        if (string.IsNullOrEmpty(cardId) || string.IsNullOrEmpty(customerId))
        {
            return;
        }

        var principal = Principal.Customer(customerId);
        var decisionKey = $"card_saved:{cardId}";
        var use = await gate.ExecuteAsync(Actor.Tier0, principal, new UseCard(customerId, cardId), decisionKey, cancellationToken);
        if (!use.Succeeded)
        {
            // Refused (an expired card, a dispute, high risk: the gate's audit names the rule) or Stripe failed.
            ThrowIfStripeFailed(use);
            logger.LogInformation("Card {Card} of {Customer} was not made the default: {Rule} {Message}", cardId, customerId, use.Rule, use.Message);
            return;
        }

        var open = await stripe.V1.Invoices.ListAsync(new InvoiceListOptions { Customer = customerId, Status = "open", Limit = 100 }, cancellationToken: cancellationToken);
        foreach (var invoice in open.Data.Where(i => i.AmountRemaining > 0 && i.CollectionMethod == "charge_automatically").OrderBy(i => i.Created))
        {
            var paid = await gate.ExecuteAsync(Actor.Tier0, principal, new RetryPayment(invoice.Id, cardId), decisionKey, cancellationToken);
            ThrowIfStripeFailed(paid);
        }
    }

    /// <summary>Stripe failing is not a decision: the event is tried again (the same keys make it safe).</summary>
    private static void ThrowIfStripeFailed(GateOutcome outcome)
    {
        if (outcome.Rule == GateRules.StripeError && !outcome.Allowed)
        {
            throw new InvalidOperationException($"Stripe failed while acting on a saved card: {outcome.Message}");
        }
    }
}
