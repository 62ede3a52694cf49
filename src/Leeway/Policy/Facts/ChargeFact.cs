namespace Leeway.Policy.Facts;

/// <summary>A charge of the customer with its refunds.</summary>
internal sealed record ChargeFact(string Id, long Amount, long AmountRefunded, string Currency, string Status, DateTimeOffset Created, IReadOnlyList<RefundFact> Refunds)
{
    /// <summary>What is still refundable: pending refunds already hold their share.</summary>
    public long Refundable => Math.Max(0, Amount - Math.Max(AmountRefunded, Refunds.Where(r => r.Counts).Sum(r => r.Amount)));
}
