namespace Leeway.Prevent;

/// <summary>An invoice Stripe reports paid, with what Tier 0 knows of its past.</summary>
/// <param name="AmountPaid">Minor units.</param>
/// <param name="AttemptCount">Stripe's automatic attempts (more than one: an earlier one failed).</param>
/// <param name="FailureSeen">Tier 0 received a failed or unauthenticated payment event for it earlier.</param>
internal sealed record PaidInvoice(string CustomerId, string InvoiceId, long AmountPaid, string Currency, long AttemptCount, bool FailureSeen);
