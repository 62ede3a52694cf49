namespace Leeway.Agent.Brain;

/// <summary>
/// Identifiers in a message that are not the customer's own (another person's email, an object id Stripe shows no link to).
/// Lee neither confirms nor echoes them: whether they exist is itself another customer's data.
/// </summary>
internal static class ForeignReferences
{
    public static bool Any(Turn turn)
    {
        var billing = turn.Billing;
        var ownEmail = billing?.Customer.Email;
        if (turn.Understanding.Entities.Emails.Any(e => !string.Equals(e, ownEmail, StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        if (billing is null)
        {
            return turn.Understanding.Entities.ObjectIds.Count > 0;
        }

        var own = OwnIds(billing);
        return turn.Understanding.Entities.ObjectIds.Any(id => !own.Contains(id));
    }

    public static HashSet<string> OwnIds(Billing.BillingSnapshot billing)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal) { billing.Customer.Id };
        ids.UnionWith(billing.PaymentMethods.Select(x => x.Id));
        ids.UnionWith(billing.Subscriptions.Select(x => x.Id));
        ids.UnionWith(billing.Invoices.Select(x => x.Id));
        ids.UnionWith(billing.PaymentIntents.Select(x => x.Id));
        ids.UnionWith(billing.Charges.Select(x => x.Id));
        ids.UnionWith(billing.Refunds.Select(x => x.Id));
        ids.UnionWith(billing.Disputes.Select(x => x.Id));
        ids.UnionWith(billing.CheckoutSessions.Select(x => x.Id));
        return ids;
    }
}
