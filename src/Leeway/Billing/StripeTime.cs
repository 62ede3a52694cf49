namespace Leeway.Billing;

/// <summary>
/// Stripe.net gives times as <see cref="DateTime"/> in UTC; the product works in <see cref="DateTimeOffset"/>. One
/// conversion for every capability (no <c>DateTime.SpecifyKind</c> elsewhere): a time Stripe always sends (a
/// <c>created</c>) converts as it is; an optional one (<see cref="Nullable{DateTime}"/>: a due date, the next attempt)
/// that Stripe sent as 0 (Stripe.net's <see cref="DateTime.UnixEpoch"/>) is no time at all, so it reads as unknown
/// rather than as 1970.
/// </summary>
internal static class StripeTime
{
    public static DateTimeOffset Utc(this DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));

    public static DateTimeOffset? Utc(this DateTime? time) => time is { } t && t > DateTime.UnixEpoch ? t.Utc() : null;
}
