namespace Leeway.Policy.Facts;

/// <summary>A Checkout Session (and, when it pays an invoice, that invoice's status).</summary>
internal sealed record SessionFact(string Id, string Status, string Mode, long? AmountTotal, string Currency, string? InvoiceId, string? InvoiceStatus, string? Url);
