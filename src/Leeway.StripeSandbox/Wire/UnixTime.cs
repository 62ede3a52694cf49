namespace Leeway.StripeSandbox.Wire;

internal static class UnixTime
{
    public static long Of(DateTimeOffset time) => time.ToUnixTimeSeconds();

    public static DateTimeOffset From(long seconds) => DateTimeOffset.FromUnixTimeSeconds(seconds);

    public static string Iso(long seconds) => From(seconds).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
