using Leeway.Observability;

namespace Leeway.Tests.Observability;

public sealed class OpsWindowTests
{
    private static readonly DateOnly Today = new(2026, 3, 31);

    [Theory]
    [InlineData(null, null, "2026-03-02", "2026-03-31")]
    [InlineData("2026-03-01", "2026-03-07", "2026-03-01", "2026-03-07")]
    [InlineData("2026-03-01T23:30:00-02:00", null, "2026-03-02", "2026-03-31")]
    [InlineData(null, "2026-02-28", "2026-01-30", "2026-02-28")]
    public void Reads_dates_and_instants_as_whole_utc_days(string? from, string? to, string first, string last)
    {
        var window = OpsWindow.Parse(from, to, Today, out var error);

        Assert.Null(error);
        Assert.Equal((DateOnly.Parse(first), DateOnly.Parse(last)), (window!.From, window.To));
    }

    [Theory]
    [InlineData("yesterday", null, "from")]
    [InlineData(null, "2026-13-01", "to")]
    [InlineData("2026-03-10", "2026-03-01", "to")]
    [InlineData("2024-01-01", "2026-01-01", "from")]
    public void A_bad_window_names_the_field_and_the_value(string? from, string? to, string field)
    {
        Assert.Null(OpsWindow.Parse(from, to, Today, out var error));
        Assert.Equal(field, error!.Value.Field);
    }
}
