using Leeway.Billing;
using Leeway.Diagnostics;
using Leeway.Policy;

namespace Leeway.SelfHeal;

/// <summary>
/// A fix the customer can make in one click, for what the diagnosis recommends. The page renders it as a button naming
/// <see cref="Kind"/> and <see cref="ObjectId"/>; on the click the fixes are worked out again from a fresh diagnosis and
/// only one still offered acts, so a page left open never fixes something that has since changed.
/// </summary>
public sealed record OneClickFix(string Kind, string ObjectId, string Label, string Description, bool Primary)
{
    public const string Retry = "retry_payment";
    public const string UpdateCard = "card_update_link";
    public const string Authenticate = "authenticate_payment";
    public const string FreshLink = "regenerate_link";
    public const string RefundDuplicate = "refund_duplicate";

    /// <summary>Whether the fix hands the customer a Stripe page (the click goes there) rather than acting at once.</summary>
    public bool OpensLink => IsLink(Kind);

    public static bool IsLink(string kind) => kind is UpdateCard or Authenticate or FreshLink;

    public BillingAction ToAction(string customerId) => Kind switch
    {
        Retry => new RetryPayment(ObjectId),
        UpdateCard => new CardUpdateLink(customerId),
        Authenticate => new AuthenticatePayment(ObjectId),
        FreshLink when ObjectId.StartsWith("cs_", StringComparison.Ordinal) => new RegenerateLink(ObjectId, null),
        FreshLink => new RegenerateLink(null, ObjectId),
        RefundDuplicate => new RefundCharge(ObjectId, null, "duplicate"),
        _ => throw new InvalidOperationException($"Unknown one-click fix '{Kind}'."),
    };

    /// <summary>The fixes for what the diagnosis recommends, the recommended one first. None when a person must decide.</summary>
    public static IReadOnlyList<OneClickFix> For(Diagnosis diagnosis, BillingSnapshot? billing)
    {
        var fixes = new List<OneClickFix>();
        var invoice = OpenInvoice(diagnosis, billing);
        var card = billing?.DefaultPaymentMethod?.Card is { } c ? CardFormat.Name(c.Brand, c.Last4) : "your card on file";
        var newCard = new OneClickFix(UpdateCard, diagnosis.CustomerId, "Use a different card", "Opens a secure Stripe page where you add a new card.", false);
        switch (diagnosis.RecommendedAction)
        {
            case RecommendedAction.RetryPayment when invoice is not null:
                fixes.Add(new(Retry, invoice.Id, $"Retry payment of {Due(invoice)} now", $"Charges {Due(invoice)} to {card} now.", true));
                fixes.Add(newCard);
                break;
            case RecommendedAction.ContactBank:
                fixes.Add(newCard with { Primary = true });
                if (invoice is not null)
                {
                    fixes.Add(new(Retry, invoice.Id, $"Retry payment of {Due(invoice)}", $"Tries {card} again, once your bank has approved it.", false));
                }

                break;
            case RecommendedAction.UpdateCard:
                fixes.Add(new(UpdateCard, diagnosis.CustomerId, "Update your card", "Opens a secure Stripe page where you put a new card on file.", true));
                break;
            case RecommendedAction.AuthenticatePayment when invoice is not null:
                fixes.Add(new(Authenticate, invoice.Id, $"Confirm the {Due(invoice)} payment with your bank", "Opens your bank's verification (3-D Secure) on a secure Stripe page.", true));
                break;
            case RecommendedAction.RegenerateLink:
                var finding = diagnosis.Findings.FirstOrDefault(f => f.RootCause == RootCause.PaymentLinkExpired) ?? diagnosis.Primary;
                var target = finding?.Facts.GetValueOrDefault(FactKeys.CheckoutSession)
                    ?? finding?.Facts.GetValueOrDefault(FactKeys.Invoice)
                    ?? invoice?.Id;
                if (target is not null)
                {
                    fixes.Add(new(FreshLink, target, "Pay with a fresh link", "Your old payment link expired; this opens a new secure Stripe payment page.", true));
                }

                break;
            case RecommendedAction.RefundDuplicate:
                var duplicate = diagnosis.Findings.FirstOrDefault(f => f.RootCause == RootCause.DuplicateCharge);
                var chargeId = duplicate?.Facts.GetValueOrDefault(FactKeys.RefundCharge);
                if (chargeId is not null)
                {
                    var charge = billing?.Charges.FirstOrDefault(ch => ch.Id == chargeId);
                    var amount = charge is null ? "" : $" of {Money.Format(charge.Amount - charge.AmountRefunded, charge.Currency)}";
                    fixes.Add(new(RefundDuplicate, chargeId, $"Refund the duplicate charge{amount}", "Sends the second charge back to your card. You keep the first.", true));
                }

                break;
        }

        return fixes;
    }

    private static string Due(Stripe.Invoice invoice) => Money.Format(invoice.AmountRemaining > 0 ? invoice.AmountRemaining : invoice.AmountDue, invoice.Currency);

    /// <summary>The open invoice the diagnosis points at, else the customer's most recent open one.</summary>
    private static Stripe.Invoice? OpenInvoice(Diagnosis diagnosis, BillingSnapshot? billing)
    {
        if (billing is null)
        {
            return null;
        }

        var named = diagnosis.Primary?.Facts.GetValueOrDefault(FactKeys.Invoice)
            ?? diagnosis.Primary?.ObjectIds.FirstOrDefault(id => id.StartsWith("in_", StringComparison.Ordinal));
        var open = billing.Invoices.Where(i => i.Status == "open" && i.AmountRemaining > 0).ToList();
        return open.FirstOrDefault(i => i.Id == named) ?? open.OrderByDescending(i => i.Created).FirstOrDefault();
    }
}
