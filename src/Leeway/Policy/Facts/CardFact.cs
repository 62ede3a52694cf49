namespace Leeway.Policy.Facts;

/// <summary>A card as the gate reads it: whose it is and when it expires (the end of its expiry month).</summary>
internal sealed record CardFact(string Id, string? CustomerId, long ExpMonth, long ExpYear)
{
    public bool ExpiresBefore(DateTimeOffset now) =>
        ExpYear > 0 && ExpMonth is >= 1 and <= 12 && new DateTimeOffset((int)ExpYear, (int)ExpMonth, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1) <= now;
}
