namespace Leeway.Prevent;

/// <summary>
/// A Checkout Session in payment mode the customer completed, with no invoice behind it (an invoice's payment is an
/// <see cref="PaidInvoice"/>). <see cref="Renewed"/>: it replaced an expired link (its lineage has more than one
/// session), so the payment was once lost and is now recovered.
/// </summary>
internal sealed record PaidCheckout(string CustomerId, string SessionId, long Amount, string Currency, bool Renewed);
