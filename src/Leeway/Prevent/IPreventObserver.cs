using Leeway.Prevent.Nudges;

namespace Leeway.Prevent;

/// <summary>
/// Told what Tier 0 did: the hook for the contact log and metrics. Register any number
/// (<c>services.AddSingleton&lt;IPreventObserver, …&gt;()</c>); a failing observer is logged and never fails the nudge,
/// the webhook or the job.
/// </summary>
internal interface IPreventObserver
{
    /// <summary>A nudge went out: an in-app nudge once stored (storing is what shows it), an e-mail once the mail server took it.</summary>
    Task OnNudgeSentAsync(Nudge nudge, CancellationToken cancellationToken);

    /// <summary>Stripe says an invoice is paid (read back from Stripe, not from the event). Told once per event, so possibly more than once per invoice.</summary>
    Task OnInvoicePaidAsync(PaidInvoice invoice, CancellationToken cancellationToken);

    /// <summary>A payment link without an invoice was paid (read back from Stripe). Told once per event.</summary>
    Task OnCheckoutPaidAsync(PaidCheckout checkout, CancellationToken cancellationToken) => Task.CompletedTask;
}
