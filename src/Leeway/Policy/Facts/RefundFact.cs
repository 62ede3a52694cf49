namespace Leeway.Policy.Facts;

/// <summary>A refund as the gate sees it (from Stripe's charge.refunds).</summary>
internal sealed record RefundFact(string Id, long Amount, string Status, DateTimeOffset Created)
{
    /// <summary>Failed and canceled refunds returned no money, so they do not count against the per-customer limit.</summary>
    public bool Counts => Status is not ("failed" or "canceled");
}
