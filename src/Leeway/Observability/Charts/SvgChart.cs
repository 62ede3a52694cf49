using System.Globalization;
using System.Net;
using System.Text;

namespace Leeway.Observability.Charts;

/// <summary>
/// Self-contained SVG charts (no script, no external assets) that a server-rendered page can inline and a file can hold.
/// Colours come from CSS variables with fallbacks, so the embedding page can theme them.
/// </summary>
public static class SvgChart
{
    private const int Width = 640;
    private const int Height = 220;
    private const int Left = 56;
    private const int Right = 16;
    private const int Top = 28;
    private const int Bottom = 36;

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
        if (points.Count > 0)
        {
            Text(svg, Left, Height - 12, "start", points[0].Day.ToString("MMM d", CultureInfo.InvariantCulture));
            Text(svg, Width - Right, Height - 12, "end", points[^1].Day.ToString("MMM d", CultureInfo.InvariantCulture));
        }

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
                .Append("\" font-size=\"10\" text-anchor=\"end\" transform=\"rotate(-35 ").Append(F(cx)).Append(' ').Append(F(Top + plotHeight + 12))
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
        svg.Append("<text x=\"").Append(Left).Append("\" y=\"18\" font-size=\"13\" font-weight=\"600\" fill=\"currentColor\">").Append(Escape(title)).Append("</text>");
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

    private static void Text(StringBuilder svg, double x, double y, string anchor, string text) =>
        svg.Append("<text x=\"").Append(F(x)).Append("\" y=\"").Append(F(y)).Append("\" font-size=\"10\" text-anchor=\"").Append(anchor)
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
