using Leeway.Billing;
using Leeway.Diagnostics;
using Leeway.Diagnostics.Explanations;
using Leeway.Prevent.Webhooks;
using Stripe;

namespace Leeway.Prevent.Handlers;

/// <summary>
/// <c>charge.dispute.created</c>: a Tier 3 case with the dispute and the customer's diagnosis in its packet, and no
/// automated action: while a dispute is open, only a person decides anything about that money.
/// </summary>
internal sealed class DisputeHandler(StripeClient stripe, IDiagnosisService diagnoses, KnownCustomers known, Tier0Cases cases, IServiceProvider services) : IWebhookHandler
{
    public IReadOnlyCollection<string> EventTypes => ["charge.dispute.created"];

    public async Task HandleAsync(WebhookEvent e, CancellationToken cancellationToken)
    {
        if (e.ObjectId is null)
        {
            return;
        }

        var dispute = await stripe.V1.Disputes.GetAsync(e.ObjectId, cancellationToken: cancellationToken);
        var charge = await stripe.V1.Charges.GetAsync(dispute.ChargeId, cancellationToken: cancellationToken);
        if (string.IsNullOrEmpty(charge.CustomerId))
        {
            return;
        }

        // The dispute names no customer, so the inbox could not tell whose diagnosis to refresh.
        services.GetService<IDiagnosisCache>()?.Invalidate(charge.CustomerId);
        await known.RememberAsync(charge.CustomerId, cancellationToken);
        var diagnosis = await diagnoses.DiagnoseAsync(charge.CustomerId, cancellationToken);
        var customer = await stripe.V1.Customers.GetAsync(charge.CustomerId, cancellationToken: cancellationToken);
        var risk = customer.Metadata?.GetValueOrDefault("risk") is { Length: > 0 } r ? r : "normal";
        await cases.OpenOnceAsync(
            charge.CustomerId,
            RootCause.DisputeOpen,
            dispute.Id,
            risk,
            diagnosis,
            [],
            $"Tier 0: dispute {dispute.Id} ({dispute.Reason}, {dispute.Status}) opened on charge {charge.Id} for "
            + $"{Money.Format(dispute.Amount, dispute.Currency)}. No automated action was taken: disputes are decided by a person.",
            cancellationToken);
    }
}
