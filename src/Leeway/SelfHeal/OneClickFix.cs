using Leeway.Billing;
using Leeway.Diagnostics;
using Leeway.Policy;
using Leeway.Policy.Actions;

namespace Leeway.SelfHeal;

/// <summary>
/// A fix the customer can make in one click, for what the diagnosis recommends. The page renders it as a button naming
/// <see cref="Kind"/> and <see cref="ObjectId"/>; on the click the fixes are worked out again from a fresh diagnosis and
/// only one still offered acts, so a page left open never fixes something that has since changed.
/// </summary>
internal sealed record OneClickFix(FixKind Kind, string ObjectId, string Label, string Description, bool Primary)
{
    /// <summary>Whether the fix hands the customer a Stripe page (the click goes there) rather than acting at once.</summary>
    public bool OpensLink => Remedies.IsLink(Kind.Action());

    /// <summary>Whether a fix's spelling (as posted, or kept in the click ledger) names one that opens a link.</summary>
    public static bool IsLink(string kind) => FixKinds.Parse(kind) is { } fix && Remedies.IsLink(fix.Action());

    public BillingAction ToAction(string customerId) => Kind switch
    {
        FixKind.RetryPayment => new RetryPayment(ObjectId),
        FixKind.CardUpdateLink => new CardUpdateLink(customerId),
        FixKind.AuthenticatePayment => new AuthenticatePayment(ObjectId),
        FixKind.RegenerateLink when ObjectId.StartsWith("cs_", StringComparison.Ordinal) => new RegenerateLink(ObjectId, null),
        FixKind.RegenerateLink => new RegenerateLink(null, ObjectId),
        FixKind.RefundDuplicate => new RefundCharge(ObjectId, null, "duplicate"),
    };

    /// <summary>The fixes for what the diagnosis recommends, the recommended one first, in <paramref name="says"/>'s words (English by default). None when a person must decide.</summary>
    public static IReadOnlyList<OneClickFix> For(Diagnosis diagnosis, BillingSnapshot? billing, MeterSays? says = null)
    {
        says ??= MeterSays.English;
        var fixes = new List<OneClickFix>();
        var invoice = OpenInvoice(diagnosis, billing);
        var card = billing?.DefaultPaymentMethod?.Card is { } c ? says.Card(c.Brand, c.Last4) : says.Text("Card.OnFile");
        var newCard = new OneClickFix(FixKind.CardUpdateLink, diagnosis.CustomerId, says.Text("Fix.NewCard"), says.Text("Fix.NewCard.Desc"), false);
        switch (diagnosis.RecommendedAction)
        {
            case RecommendedAction.RetryPayment when invoice is not null:
                fixes.Add(new(FixKind.RetryPayment, invoice.Id, says.Text("Fix.Retry", Due(invoice, says)), says.Text("Fix.Retry.Desc", Due(invoice, says), card), true));
                fixes.Add(newCard);
                break;
            case RecommendedAction.ContactBank:
                fixes.Add(newCard with { Primary = true });
                if (invoice is not null)
                {
                    fixes.Add(new(FixKind.RetryPayment, invoice.Id, says.Text("Fix.RetryLater", Due(invoice, says)), says.Text("Fix.RetryLater.Desc", card), false));
                }

                break;
            case RecommendedAction.UpdateCard:
                fixes.Add(new(FixKind.CardUpdateLink, diagnosis.CustomerId, says.Text("Fix.UpdateCard"), says.Text("Fix.UpdateCard.Desc"), true));
                break;
            case RecommendedAction.AuthenticatePayment when invoice is not null:
                fixes.Add(new(FixKind.AuthenticatePayment, invoice.Id, says.Text("Fix.Authenticate", Due(invoice, says)), says.Text("Fix.Authenticate.Desc"), true));
                break;
            case RecommendedAction.RegenerateLink:
                var finding = diagnosis.Findings.FirstOrDefault(f => f.RootCause == RootCause.PaymentLinkExpired) ?? diagnosis.Primary;
                var target = finding?.Facts.GetValueOrDefault(FactKeys.CheckoutSession)
                    ?? finding?.Facts.GetValueOrDefault(FactKeys.Invoice)
                    ?? invoice?.Id;
                if (target is not null)
                {
                    fixes.Add(new(FixKind.RegenerateLink, target, says.Text("Fix.FreshLink"), says.Text("Fix.FreshLink.Desc"), true));
                }

                break;
            case RecommendedAction.RefundDuplicate:
                var duplicate = diagnosis.Findings.FirstOrDefault(f => f.RootCause == RootCause.DuplicateCharge);
                var chargeId = duplicate?.Facts.GetValueOrDefault(FactKeys.RefundCharge);
                if (chargeId is not null)
                {
                    var charge = billing?.Charges.FirstOrDefault(ch => ch.Id == chargeId);
                    var label = charge is null
                        ? says.Text("Fix.Refund")
                        : says.Text("Fix.RefundAmount", says.Amount(charge.Amount - charge.AmountRefunded, charge.Currency));
                    fixes.Add(new(FixKind.RefundDuplicate, chargeId, label, says.Text("Fix.Refund.Desc"), true));
                }

                break;
        }

        return fixes;
    }

    private static string Due(Stripe.Invoice invoice, MeterSays says) => says.Amount(invoice.AmountRemaining > 0 ? invoice.AmountRemaining : invoice.AmountDue, invoice.Currency);
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
