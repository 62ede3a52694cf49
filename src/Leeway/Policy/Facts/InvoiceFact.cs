namespace Leeway.Policy.Facts;

/// <summary>An invoice and its last failed payment: the error code (<c>decline_code ?? code</c>) and the payment method it failed on.</summary>
internal sealed record InvoiceFact(
    string Id,
    string Status,
    long AttemptCount,
    long AmountRemaining,
    string Currency,
    string? LastPaymentError,
    string? FailedPaymentMethodId,
    string? HostedInvoiceUrl);
