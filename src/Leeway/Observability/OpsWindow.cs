using System.Globalization;

namespace Leeway.Observability;

/// <summary>A range of whole UTC days, both ends included.</summary>
internal sealed record OpsWindow(DateOnly From, DateOnly To)
{
    public const int MaxDays = 366;

    public int Days => To.DayNumber - From.DayNumber + 1;

    public DateTimeOffset Start => new(From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>The instant after the last day: windows are [Start, End).</summary>
    public DateTimeOffset End => new(To.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public IEnumerable<DateOnly> EachDay() => Enumerable.Range(0, Days).Select(From.AddDays);

    /// <summary>The last <paramref name="days"/> days up to and including <paramref name="today"/>.</summary>
    public static OpsWindow Last(int days, DateOnly today) => new(today.AddDays(-(days - 1)), today);

    /// <summary>
    /// Reads <c>from</c>/<c>to</c> as dates (<c>2025-03-01</c>) or instants (<c>2025-03-01T10:00:00Z</c>, taken as
    /// their UTC day). Missing: the 30 days up to <paramref name="today"/>, or 30 days from/to the one given.
    /// </summary>
    /// <returns>Null with <paramref name="error"/> naming the field and the value when either is not a date.</returns>
    public static OpsWindow? Parse(string? from, string? to, DateOnly today, out (string Field, string Message)? error)
    {
        error = null;
        DateOnly? start = null;
        DateOnly? end = null;
        if (!string.IsNullOrWhiteSpace(from))
        {
            start = ParseDay(from);
            if (start is null)
            {
                error = ("from", $"'{from}' is not a date (yyyy-MM-dd) or an ISO 8601 instant.");
                return null;
            }
        }

        if (!string.IsNullOrWhiteSpace(to))
        {
            end = ParseDay(to);
            if (end is null)
            {
                error = ("to", $"'{to}' is not a date (yyyy-MM-dd) or an ISO 8601 instant.");
                return null;
            }
        }

        var window = (start, end) switch
        {
            (null, null) => Last(30, today),
            ({ } s, null) => new OpsWindow(s, s.AddDays(29)),
            (null, { } e) => Last(30, e),
            ({ } s, { } e) => new OpsWindow(s, e),
        };
        if (window.To < window.From)
        {
            error = ("to", $"'to' ({window.To:yyyy-MM-dd}) is before 'from' ({window.From:yyyy-MM-dd}).");
            return null;
        }

        if (window.Days > MaxDays)
        {
            error = ("from", $"The window is {window.Days} days; at most {MaxDays}.");
            return null;
        }

        return window;
    }

    private static DateOnly? ParseDay(string text)
    {
        text = text.Trim();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? DateOnly.FromDateTime(at.UtcDateTime)
            : null;
    }
}
