namespace Leeway.StripeSandbox.Objects;

/// <summary>One line of a checkout session (<c>line_items[n]</c>).</summary>
internal sealed record CheckoutLineItem(string Id, string? Description, long UnitAmount, long Quantity, string? Price, string Currency)
{
    public long Total => UnitAmount * Quantity;
}
