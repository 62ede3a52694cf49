using Leeway.Prevent.Jobs;
using Leeway.Prevent.Webhooks;
using Stripe;

namespace Leeway.Prevent.Handlers;

/// <summary>Stripe's card events: <c>customer.source.expiring</c> (a card is about to expire) and <c>payment_method.*</c>
/// / <c>customer.updated</c> (the card on file changed). Either way, the customer's cards are checked again now.</summary>
internal sealed class CardHandler(StripeClient stripe, ExpiringCards cards) : IWebhookHandler
{
    public IReadOnlyCollection<string> EventTypes =>
    [
        "customer.source.expiring",
        "payment_method.attached",
        "payment_method.updated",
        "payment_method.automatically_updated",
        "payment_method.card_automatically_updated",
        "payment_method.detached",
        "customer.updated",
    ];

    public async Task HandleAsync(WebhookEvent e, CancellationToken cancellationToken)
    {
        var customerId = e.CustomerId;
        if (customerId is null && e.ObjectId is { } id && id.StartsWith("pm_", StringComparison.Ordinal))
        {
            // A detached payment method no longer names its customer; nothing to check then.
            customerId = (await stripe.V1.PaymentMethods.GetAsync(id, cancellationToken: cancellationToken)).CustomerId;
        }

        if (!string.IsNullOrEmpty(customerId))
        {
            await cards.CheckAsync(customerId, e.Id, cancellationToken);
        }
    }
}
