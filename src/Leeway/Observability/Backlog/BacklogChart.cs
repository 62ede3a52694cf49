using System.Globalization;
using System.Net;
using System.Text;
using Leeway.Billing;
using Leeway.Observability.Charts;

namespace Leeway.Observability.Backlog;

/// <summary>The ranked backlog as files a person opens: a Pareto SVG, or a self-contained HTML page with it and the table.</summary>
internal static class BacklogChart
{
    public static string Svg(BacklogRanking ranking) =>
        SvgChart.Pareto($"Billing backlog by intent: {ranking.Rows.Sum(r => r.Cases):N0} cases", ranking.Rows.Select(r => new ParetoBar(r.Intent, r.Cases, r.CumulativeShare)).ToList());

    public static string Html(BacklogRanking ranking)
    {
        static string E(string s) => WebUtility.HtmlEncode(s);
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Backlog ranking</title><style>")
            .Append("body{font-family:system-ui,sans-serif;margin:2rem;color:#1f2937}table{border-collapse:collapse;margin-top:1rem}")
            .Append("th,td{padding:.3rem .7rem;white-space:nowrap;border-bottom:1px solid #e5e7eb;text-align:right}th:first-child,td:first-child,td:nth-child(5){text-align:left}")
            .Append("tfoot td{font-weight:600}</style></head><body>");
        html.Append("<h1>Where the demand comes from</h1><p>").Append(E(Path.GetFileName(ranking.File))).Append(": ")
            .Append(ranking.Cases.ToString("N0", CultureInfo.InvariantCulture)).Append(" cases over ")
            .Append(ranking.MonthsAssumed ? "one month (assumed: no usable dates)" : $"{ranking.Months:0.##} months")
            .Append(ranking.SkippedRows switch { 0 => "", 1 => "; 1 row could not be read", var n => $"; {n:N0} rows could not be read" }).Append(".</p>")
            .Append("<p>").Append(E(ranking.OutOfScope.Describe())).Append("</p>");
        html.Append(Svg(ranking));
        html.Append("<table><thead><tr><th>Intent</th><th>Cases</th><th>Share</th><th>Cumulative</th><th>Tier that could take it</th>")
            .Append("<th>Monthly now</th><th>Monthly with Leeway</th></tr></thead><tbody>");
        foreach (var row in ranking.Rows)
        {
            html.Append("<tr><td>").Append(E(row.Intent)).Append("</td><td>").Append(row.Cases.ToString("N0", CultureInfo.InvariantCulture))
                .Append("</td><td>").Append(row.Share.ToString("P1", CultureInfo.InvariantCulture))
                .Append("</td><td>").Append(row.CumulativeShare.ToString("P1", CultureInfo.InvariantCulture))
                .Append("</td><td>").Append(E(row.TierLabel))
                .Append("</td><td>").Append(E(Money.Format(row.MonthlyCostNow, ranking.Currency)))
                .Append("</td><td>").Append(E(Money.Format(row.MonthlyCostWithLeeway, ranking.Currency))).Append("</td></tr>");
        }

        html.Append("</tbody><tfoot><tr><td>Billing cases</td><td>").Append(ranking.Rows.Sum(r => r.Cases).ToString("N0", CultureInfo.InvariantCulture))
            .Append("</td><td></td><td></td><td></td><td>").Append(E(Money.Format(ranking.MonthlyCostNow, ranking.Currency)))
            .Append("</td><td>").Append(E(Money.Format(ranking.MonthlyCostWithLeeway, ranking.Currency))).Append("</td></tr></tfoot></table>");
        foreach (var problem in ranking.Problems)
        {
            html.Append("<p>").Append(E(problem.Problem)).Append("</p>");
        }

        return html.Append("</body></html>").ToString();
    }
}
