namespace Leeway.Prevent;

/// <summary>Stripe.net gives times as <see cref="DateTime"/> in UTC; Tier 0 works in <see cref="DateTimeOffset"/>.</summary>
internal static class StripeTime
{
    public static DateTimeOffset Utc(this DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));

    public static DateTimeOffset? Utc(this DateTime? time) => time is { } t && t > DateTime.UnixEpoch ? t.Utc() : null;
}
