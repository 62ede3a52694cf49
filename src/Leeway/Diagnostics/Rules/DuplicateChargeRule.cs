using Leeway.Billing;
using Stripe;

namespace Leeway.Diagnostics.Rules;

/// <summary>
/// <c>duplicate_charge</c>: two successful, not fully refunded charges for the same invoice, or for the same amount
/// and currency within 24 hours. The finding names the one to refund: the one not attached to the invoice when
/// only one is, else the later by <c>created</c>.
/// </summary>
internal sealed class DuplicateChargeRule : IDiagnosisRule
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(24);

    public IEnumerable<Finding> Evaluate(DiagnosisInput input)
    {
        if (input.Billing is not { } billing)
        {
            yield break;
        }

        // Walk charges oldest first; each charge either duplicates one already kept (then one of the pair is the
        // refund target and the other stays kept) or is kept itself. Three identical charges give two findings.
        var kept = new List<Charge>();
        var candidates = billing.Charges
            .Where(c => c.Status == "succeeded" && c.AmountRefunded < c.Amount)
            .OrderBy(c => c.Created).ThenBy(c => c.Id, StringComparer.Ordinal);
        foreach (var charge in candidates)
        {
            var original = kept.FirstOrDefault(k => Basis(billing, k, charge) is not null);
            if (original is null)
            {
                kept.Add(charge);
                continue;
            }

            var basis = Basis(billing, original, charge)!;
            var (keep, refund) = billing.InvoiceOf(charge) is not null && billing.InvoiceOf(original) is null
                ? (charge, original)
                : (original, charge);
            kept[kept.IndexOf(original)] = keep;
            var invoice = billing.InvoiceOf(keep) ?? billing.InvoiceOf(refund);
            yield return new FindingBuilder(RootCause.DuplicateCharge)
                .Object(refund.Id)
                .Object(keep.Id)
                .Object(invoice)
                .Fact(FactKeys.RefundCharge, refund.Id)
                .Fact(FactKeys.OriginalCharge, keep.Id)
                .Fact(FactKeys.Invoice, invoice)
                .Fact(FactKeys.DuplicateBasis, basis)
                .Fact(FactKeys.ChargeCreated, refund.Created.Utc())
                .Money(refund.Amount - refund.AmountRefunded, refund.Currency)
                .Card(billing.PaymentMethodById(refund.PaymentMethod))
                .Build($"Charge {refund.Id} duplicates charge {keep.Id} and should be refunded.");
        }
    }

    /// <summary>Why two charges are duplicates (<c>same_invoice</c> or <c>same_amount_24h</c>), or null when they are not.</summary>
    private static string? Basis(BillingSnapshot billing, Charge a, Charge b)
    {
        var invoiceA = billing.InvoiceOf(a);
        if (invoiceA is not null && invoiceA == billing.InvoiceOf(b))
        {
            return "same_invoice";
        }

        var sameMoney = a.Amount == b.Amount && string.Equals(a.Currency, b.Currency, StringComparison.OrdinalIgnoreCase);
        return sameMoney && (b.Created - a.Created).Duration() <= Window ? "same_amount_24h" : null;
    }
}
