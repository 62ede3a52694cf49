using System.Globalization;
using System.Text.RegularExpressions;
using Leeway.Observability.Charts;

namespace Leeway.Tests.Observability.Charts;

public sealed partial class SvgChartTests
{
    private static readonly DateOnly Day = new(2026, 3, 1);

    [Fact]
    public void A_count_series_with_whole_ticks_labels_its_axis_with_whole_numbers_only()
    {
        var points = new[] { new ChartPoint(Day, 0), new ChartPoint(Day.AddDays(1), 1), new ChartPoint(Day.AddDays(2), null) };

        var whole = SvgChart.Line("Escalations", points, v => v.ToString("0.##", CultureInfo.InvariantCulture), wholeTicks: true);
        var plain = SvgChart.Line("Escalations", points, v => v.ToString("0.##", CultureInfo.InvariantCulture));

        Assert.Equal(["0", "1", "2", "3", "4"], AxisLabels(whole));
        Assert.Equal(["0", "0.25", "0.5", "0.75", "1"], AxisLabels(plain));
        Assert.Contains("<title>2026-03-02: 1</title>", whole, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(7, 8)]
    [InlineData(9, 20)]
    [InlineData(120, 200)]
    public void Whole_ticks_round_the_top_up_to_four_nice_steps(double top, double axisTop)
    {
        var chart = SvgChart.Line("Contacts", [new ChartPoint(Day, top)], v => v.ToString("0.##", CultureInfo.InvariantCulture), wholeTicks: true);

        Assert.Equal(axisTop.ToString(CultureInfo.InvariantCulture), AxisLabels(chart)[^1]);
        Assert.All(AxisLabels(chart), l => Assert.DoesNotContain(".", l, StringComparison.Ordinal));
    }

    [Fact]
    public void A_month_of_counts_is_one_bar_a_day_with_five_dates_under_it_and_each_value_on_hover()
    {
        var points = Enumerable.Range(0, 30).Select(i => new ChartPoint(Day.AddDays(i), i % 4)).ToList();

        var chart = SvgChart.Bars("Escalations", points, v => v.ToString("N0", CultureInfo.InvariantCulture));

        Assert.Equal(30, Regex.Count(chart, "<rect "));
        Assert.Equal(["Mar 1", "Mar 8", "Mar 15", "Mar 23", "Mar 30"], DateLabels(chart));
        Assert.Contains("<title>2026-03-04: 3</title>", chart, StringComparison.Ordinal);
        Assert.All(Regex.Matches(chart, "font-size=\"(?<size>\\d+)\"").Select(m => int.Parse(m.Groups["size"].Value, CultureInfo.InvariantCulture)), size => Assert.True(size >= 15));
    }

    private static List<string> DateLabels(string svg) =>
        Regex.Matches(svg, ">(?<label>[A-Z][a-z]{2} \\d{1,2})</text>").Select(m => m.Groups["label"].Value).ToList();

    /// <summary>The y-axis labels, bottom to top: the first five right-aligned texts (the last date label is right-aligned too).</summary>
    private static List<string> AxisLabels(string svg) =>
        AxisLabel().Matches(svg).Take(5).Select(m => m.Groups["label"].Value).ToList();

    [GeneratedRegex("""text-anchor="end" fill="currentColor">(?<label>[^<]*)</text>""")]
    private static partial Regex AxisLabel();
}
