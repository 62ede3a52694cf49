using System.Globalization;
using System.Net;
using System.Text;

namespace Leeway.Observability.Charts;

/// <summary>
/// Self-contained SVG charts (no script, no external assets) that a server-rendered page can inline and a file can hold.
/// Colours come from CSS variables with fallbacks, so the embedding page can theme them.
/// </summary>
internal static class SvgChart
{
    // A narrow drawing scaled to its box: at a phone's ~300 px the text is still >= 12 px (16 units x 300/400), and
    // beside another chart on a desktop (~480 px) it is 19 px, never the 6-9 px a 640-unit drawing shrank to.
    private const int Width = 400;
    private const int Height = 240;
    private const int Left = 66; // room for the widest tick label ("100 %") at FontSize
    private const int Right = 18;
    private const int Top = 34;
    private const int Bottom = 34;

    /// <summary>Axis and tick text, in drawing units (see <see cref="Width"/>).</summary>
    internal const int FontSize = 16;

    /// <summary>Date ticks along the x axis: enough to place any day, few enough not to collide at <see cref="FontSize"/>.</summary>
    private const int MaxDateTicks = 5;

    /// <summary>A daily time series as a line with points; gaps where a day has no value.</summary>
    /// <param name="wholeTicks">Put the axis ticks (quarters of the top) on whole numbers: a count of 0.25 is no label.</param>
    public static string Line(string title, IReadOnlyList<ChartPoint> points, Func<double, string> format, bool wholeTicks = false)
    {
        var svg = Open(title);
        var values = points.Where(p => p.Value is not null).Select(p => p.Value!.Value).ToList();
        var max = values.Count == 0 ? 1 : Math.Max(values.Max(), 0);
        max = wholeTicks ? 4 * NiceCeiling(Math.Max(max / 4, 1)) : NiceCeiling(max);
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        double X(int i) => Left + (points.Count <= 1 ? plotWidth / 2.0 : i * plotWidth / (double)(points.Count - 1));
        double Y(double v) => Top + plotHeight - (v / max * plotHeight);

        Axes(svg, max, format, plotWidth, plotHeight);
        DateTicks(svg, points, X);

        var path = new StringBuilder();
        var pen = false;
        for (var i = 0; i < points.Count; i++)
        {
            if (points[i].Value is not { } v)
            {
                pen = false;
                continue;
            }

            path.Append(pen ? " L" : " M").Append(F(X(i))).Append(' ').Append(F(Y(v)));
            pen = true;
        }

        if (path.Length > 0)
        {
            svg.Append("<path d=\"").Append(path.ToString().Trim()).Append("\" fill=\"none\" stroke=\"var(--chart-line, #2563eb)\" stroke-width=\"2\"/>");
        }

        for (var i = 0; i < points.Count; i++)
        {
            if (points[i].Value is { } v)
            {
                svg.Append("<circle cx=\"").Append(F(X(i))).Append("\" cy=\"").Append(F(Y(v))).Append("\" r=\"2.5\" fill=\"var(--chart-line, #2563eb)\"><title>")
                    .Append(Escape($"{points[i].Day:yyyy-MM-dd}: {format(v)}")).Append("</title></circle>");
            }
        }

        return Close(svg, values.Count == 0 ? "no data in this window" : null);
    }

    /// <summary>A daily count as one bar per day (a count is a number of things, not a trend between days), each with its value on hover.</summary>
    public static string Bars(string title, IReadOnlyList<ChartPoint> points, Func<double, string> format)
    {
        var svg = Open(title);
        var values = points.Where(p => p.Value is not null).Select(p => p.Value!.Value).ToList();
        var max = values.Count == 0 ? 1 : Math.Max(values.Max(), 0);
        max = 4 * NiceCeiling(Math.Max(max / 4, 1));
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        var slot = plotWidth / (double)Math.Max(points.Count, 1);
        double X(int i) => Left + (slot * (i + 0.5));
        double Y(double v) => Top + plotHeight - (v / max * plotHeight);

        Axes(svg, max, format, plotWidth, plotHeight);
        for (var i = 0; i < points.Count; i++)
        {
            if (points[i].Value is not { } v)
            {
                continue;
            }

            // A zero day still gets a sliver, so hovering it says "0" rather than nothing.
            var top = Math.Min(Y(v), Top + plotHeight - 1);
            svg.Append("<rect x=\"").Append(F(X(i) - (slot * 0.35))).Append("\" y=\"").Append(F(top)).Append("\" width=\"").Append(F(Math.Max(slot * 0.7, 1)))
                .Append("\" height=\"").Append(F(Top + plotHeight - top)).Append("\" fill=\"var(--chart-line, #2563eb)\"><title>")
                .Append(Escape($"{points[i].Day:yyyy-MM-dd}: {format(v)}")).Append("</title></rect>");
        }

        DateTicks(svg, points, X);
        return Close(svg, values.Count == 0 ? "no data in this window" : null);
    }

    /// <summary>Bars sorted as given (largest first) with the cumulative-share line on a 0–100 % right axis.</summary>
    public static string Pareto(string title, IReadOnlyList<ParetoBar> bars)
    {
        var svg = Open(title, height: Height + 60);
        var chartHeight = Height + 60;
        var plotWidth = Width - Left - 40;
        var plotHeight = chartHeight - Top - Bottom - 60;
        var max = NiceCeiling(bars.Count == 0 ? 1 : bars.Max(b => b.Value));
        var slot = bars.Count == 0 ? plotWidth : plotWidth / (double)bars.Count;
        double Y(double v) => Top + plotHeight - (v / max * plotHeight);
        double Yshare(double s) => Top + plotHeight - (s * plotHeight);

        Axes(svg, max, v => v.ToString("N0", CultureInfo.InvariantCulture), plotWidth, plotHeight);
        Text(svg, Left + plotWidth + 4, Top + 4, "start", "100%");
        Text(svg, Left + plotWidth + 4, Top + plotHeight + 4, "start", "0%");
        var line = new StringBuilder();
        for (var i = 0; i < bars.Count; i++)
        {
            var x = Left + (i * slot);
            var y = Y(bars[i].Value);
            svg.Append("<rect x=\"").Append(F(x + (slot * 0.15))).Append("\" y=\"").Append(F(y)).Append("\" width=\"").Append(F(slot * 0.7))
                .Append("\" height=\"").Append(F(Top + plotHeight - y)).Append("\" fill=\"var(--chart-bar, #93c5fd)\"><title>")
                .Append(Escape($"{bars[i].Label}: {bars[i].Value:N0} ({bars[i].CumulativeShare:P0} cumulative)")).Append("</title></rect>");
            var cx = x + (slot / 2);
            line.Append(i == 0 ? "M" : " L").Append(F(cx)).Append(' ').Append(F(Yshare(bars[i].CumulativeShare)));
            svg.Append("<text x=\"").Append(F(cx)).Append("\" y=\"").Append(F(Top + plotHeight + 12))
                .Append("\" font-size=\"").Append(FontSize).Append("\" text-anchor=\"end\" transform=\"rotate(-35 ").Append(F(cx)).Append(' ').Append(F(Top + plotHeight + 12))
                .Append(")\" fill=\"currentColor\">").Append(Escape(bars[i].Label)).Append("</text>");
        }

        if (bars.Count > 0)
        {
            svg.Append("<path d=\"").Append(line).Append("\" fill=\"none\" stroke=\"var(--chart-line, #dc2626)\" stroke-width=\"2\"/>");
        }

        return Close(svg, bars.Count == 0 ? "no cases" : null, chartHeight);
    }

    private static StringBuilder Open(string title, int height = Height)
    {
        var svg = new StringBuilder();
        svg.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").Append(Width).Append(' ').Append(height)
            .Append("\" width=\"").Append(Width).Append("\" height=\"").Append(height).Append("\" role=\"img\" aria-label=\"").Append(Escape(title))
            .Append("\" font-family=\"system-ui, sans-serif\" style=\"color: var(--chart-text, #1f2937)\"><title>").Append(Escape(title)).Append("</title>");
        svg.Append("<text x=\"8\" y=\"22\" font-size=\"").Append(FontSize + 1).Append("\" font-weight=\"600\" fill=\"currentColor\">").Append(Escape(title)).Append("</text>");
        return svg;
    }

    private static string Close(StringBuilder svg, string? empty, int height = Height)
    {
        if (empty is not null)
        {
            Text(svg, Width / 2.0, height / 2.0, "middle", empty);
        }

        return svg.Append("</svg>").ToString();
    }

    private static void Axes(StringBuilder svg, double max, Func<double, string> format, int plotWidth, int plotHeight)
    {
        for (var i = 0; i <= 4; i++)
        {
            var v = max * i / 4;
            var y = Top + plotHeight - (plotHeight * i / 4.0);
            svg.Append("<line x1=\"").Append(Left).Append("\" x2=\"").Append(Left + plotWidth).Append("\" y1=\"").Append(F(y)).Append("\" y2=\"").Append(F(y))
                .Append("\" stroke=\"var(--chart-grid, #e5e7eb)\"/>");
            Text(svg, Left - 6, y + 4, "end", format(v));
        }
    }

    /// <summary>Up to <see cref="MaxDateTicks"/> dates, evenly spread from the first day to the last, each under its day with a tick mark.</summary>
    private static void DateTicks(StringBuilder svg, IReadOnlyList<ChartPoint> points, Func<int, double> x)
    {
        if (points.Count == 0)
        {
            return;
        }

        var ticks = Math.Min(points.Count, MaxDateTicks);
        var shown = new HashSet<int>();
        for (var t = 0; t < ticks; t++)
        {
            var i = ticks == 1 ? 0 : (int)Math.Round(t * (points.Count - 1) / (double)(ticks - 1));
            if (!shown.Add(i))
            {
                continue;
            }

            var at = x(i);
            svg.Append("<line x1=\"").Append(F(at)).Append("\" x2=\"").Append(F(at)).Append("\" y1=\"").Append(Height - Bottom).Append("\" y2=\"").Append(Height - Bottom + 5)
                .Append("\" stroke=\"currentColor\"/>");
            // The first and last labels hug the plot's edges so they never run off the drawing.
            var anchor = ticks > 1 && t == 0 ? "start" : ticks > 1 && t == ticks - 1 ? "end" : "middle";
            Text(svg, anchor == "start" ? at - 4 : anchor == "end" ? at + 4 : at, Height - 10, anchor, points[i].Day.ToString("MMM d", CultureInfo.InvariantCulture));
        }
    }

    private static void Text(StringBuilder svg, double x, double y, string anchor, string text) =>
        svg.Append("<text x=\"").Append(F(x)).Append("\" y=\"").Append(F(y)).Append("\" font-size=\"").Append(FontSize).Append("\" text-anchor=\"").Append(anchor)
            .Append("\" fill=\"currentColor\">").Append(Escape(text)).Append("</text>");

    /// <summary>1, 2 or 5 times a power of ten, at least <paramref name="value"/>: axis labels people can read.</summary>
    internal static double NiceCeiling(double value)
    {
        if (value <= 0)
        {
            return 1;
        }

        var power = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var step in new[] { 1.0, 2.0, 5.0, 10.0 })
        {
            if (step * power >= value)
            {
                return step * power;
            }
        }

        return 10 * power;
    }

    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
