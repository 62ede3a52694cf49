using System.Globalization;

namespace Leeway.Diagnostics.Explanations;

/// <summary>Dates as a person reads them (UTC): <c>November 8, 2026</c>, months as <c>November 2026</c>.</summary>
internal static class DateFormat
{
    public static string Day(DateTimeOffset when) => when.UtcDateTime.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture);

    public static string Month(int month, int year) =>
        new DateTime(year, Math.Clamp(month, 1, 12), 1, 0, 0, 0, DateTimeKind.Utc).ToString("MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>The wire form of a time in <see cref="Finding.Facts"/>: ISO-8601 UTC, seconds precision.</summary>
    public static string Iso(DateTimeOffset when) => when.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset? ParseIso(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value
            : null;
}
