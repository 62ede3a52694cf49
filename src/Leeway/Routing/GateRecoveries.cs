using Leeway.Policy;
using Leeway.Policy.Actions;

namespace Leeway.Routing;

/// <summary>
/// The gate's own payments in the contact log: a payment the gate made on an invoice is a recovered payment, credited
/// to whoever acted (<see cref="RecoveryVia"/>) as soon as the gate has Stripe's answer, whether or not Stripe's
/// <c>invoice.paid</c> ever arrives. When it does arrive, <see cref="PreventContacts"/> credits the same way from the
/// gate's record, and the contact log keeps one recovery per invoice.
/// </summary>
internal sealed class GateRecoveries(IContactLog log) : IGateObserver
{
    public async Task OnDecidedAsync(GateActionRecord record, CancellationToken cancellationToken)
    {
        if (record is { Decision: GateDecision.Allowed, Succeeded: true, Action: RetryPayment paid, CustomerId: { } customerId, ReplayOf: null }
            && record.ResultStatus == "paid" && record.Amount is { } amount && record.Currency is { } currency)
        {
            await log.RecordRecoveryAsync(customerId, paid.InvoiceId, amount, currency, RecoveryVia.Of(record), cancellationToken);
        }
    }
}
