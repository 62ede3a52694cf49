using Stripe;

namespace Leeway.Diagnostics.Rules;

/// <summary>A decline on an invoice: the code to classify, the PaymentIntent and the card it happened on, where known.</summary>
internal sealed record InvoiceDecline(string Code, PaymentIntent? Intent, PaymentMethod? Card);
