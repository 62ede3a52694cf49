using Leeway.Prevent.Nudges;

namespace Leeway.Prevent;

/// <summary>Tells every <see cref="IPreventObserver"/>, each failure logged and swallowed: observing Tier 0 never fails it.</summary>
internal sealed class PreventObservers(IEnumerable<IPreventObserver> observers, ILogger<PreventObservers> logger)
{
    public Task NudgeSentAsync(Nudge nudge) => TellAsync(o => o.OnNudgeSentAsync(nudge, CancellationToken.None), nudge.Id);

    public Task InvoicePaidAsync(PaidInvoice invoice) => TellAsync(o => o.OnInvoicePaidAsync(invoice, CancellationToken.None), invoice.InvoiceId);

    public Task CheckoutPaidAsync(PaidCheckout checkout) => TellAsync(o => o.OnCheckoutPaidAsync(checkout, CancellationToken.None), checkout.SessionId);

    // CancellationToken.None: what happened is recorded even while the host stops.
    private async Task TellAsync(Func<IPreventObserver, Task> tell, string about)
    {
        foreach (var observer in observers)
        {
            try
            {
                await tell(observer);
            }
            catch (Exception e)
            {
                logger.LogError(e, "Tier 0 observer {Observer} failed on {Object}", observer.GetType().Name, about);
            }
        }
    }
}
