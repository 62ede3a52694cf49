using System.Globalization;
using System.Net;
using System.Text;
using Leeway.Billing;
using Leeway.Observability.Cost;
using Leeway.Observability.Drift;

namespace Leeway.Observability.Charts;

/// <summary>
/// The operations page's body as one server-rendered HTML fragment: drift flags, the cost model, and a chart per
/// metric over time. No script and no external assets; class names are prefixed <c>ops-</c> for the page to style.
/// </summary>
internal static class OpsPanel
{
    public static string Render(OpsMetrics metrics, CostTable cost, DriftReport drift)
    {
        var html = new StringBuilder();
        html.Append("<section class=\"ops-panel\" aria-label=\"Operations\">");
        html.Append("<h2>Operations, ").Append(metrics.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(" to ")
            .Append(metrics.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("</h2>");
        Drift(html, drift);
        Cost(html, cost);
        html.Append("<div class=\"ops-charts\">");
        foreach (var chart in Charts(metrics))
        {
            html.Append("<figure class=\"ops-chart\">").Append(chart).Append("</figure>");
        }

        return html.Append("</div></section>").ToString();
    }

    /// <summary>One SVG per metric, in the order the page shows them.</summary>
    public static IEnumerable<string> Charts(OpsMetrics metrics)
    {
        IReadOnlyList<ChartPoint> Series(Func<DayMetrics, double?> value) => metrics.Days.Select(d => new ChartPoint(d.Date!.Value, value(d))).ToList();
        static string Count(double v) => v.ToString("N0", CultureInfo.InvariantCulture);
        static string Percent(double v) => v.ToString("P0", CultureInfo.InvariantCulture);

        yield return SvgChart.Bars("Contacts per day", Series(d => d.Contacts), Count);
        yield return SvgChart.Line("Automated resolution rate", Series(d => d.AutomatedResolutionRate), Percent);
        yield return SvgChart.Line("Containment (never reached a person)", Series(d => d.ContainmentRate), Percent);
        yield return SvgChart.Bars("Escalations to a person", Series(d => d.Escalations), Count);
        yield return SvgChart.Bars("Dead ends (must stay 0)", Series(d => d.DeadEnds), Count);
        yield return SvgChart.Line("Effort score (1 hard – 5 easy)", Series(d => d.EffortScore), v => v.ToString("0.##", CultureInfo.InvariantCulture));
        yield return SvgChart.Line("Time to resolution (s)", Series(d => d.TimeToResolutionSeconds), Count, wholeTicks: true);
        yield return SvgChart.Line("Lee's reply latency (ms)", Series(d => d.ReplyLatencyMilliseconds), Count, wholeTicks: true);
        yield return SvgChart.Bars("Nudges sent", Series(d => d.NudgesSent), Count);
        yield return SvgChart.Bars("Payments recovered", Series(d => d.PaymentsRecovered), Count);
    }

    private static void Drift(StringBuilder html, DriftReport drift)
    {
        var state = !drift.EnoughData ? "ops-drift-quiet" : drift.Flagged ? "ops-drift-flagged" : "ops-drift-ok";
        html.Append("<p class=\"ops-drift ").Append(state).Append("\">");
        if (!drift.EnoughData)
        {
            html.Append("Drift: not enough contacts yet to compare (")
                .Append(drift.Current.Contacts).Append(" this window, ").Append(drift.Baseline.Contacts).Append(" in the baseline).");
        }
        else
        {
            html.Append("Drift: intent mix moved ").Append(E(drift.IntentMix.Distance.ToString("P1", CultureInfo.InvariantCulture)))
                .Append(drift.IntentMix.Flagged ? " (flagged)" : " (within threshold)")
                .Append("; automated resolution rate ").Append(E(Points(drift.ResolutionRate.Change)))
                .Append(drift.ResolutionRate.Flagged ? " (flagged)." : " (within threshold).");
        }

        html.Append("</p>");
    }

    private static void Cost(StringBuilder html, CostTable cost)
    {
        html.Append("<table class=\"ops-cost\"><caption>Cost model (monthly, from ").Append(cost.WindowDays.ToString("0", CultureInfo.InvariantCulture))
            .Append(" days of contacts)</caption><thead><tr><th scope=\"col\">Tier</th><th scope=\"col\">Mix</th><th scope=\"col\">Volume / month</th>")
            .Append("<th scope=\"col\">Unit cost</th><th scope=\"col\">Monthly</th></tr></thead><tbody>");
        // data-label repeats the column's name, so a narrow page can show each row as a stack of labelled values.
        foreach (var row in cost.Rows.Append(cost.Total))
        {
            html.Append(row.Tier is null ? "<tr class=\"ops-total\">" : "<tr>")
                .Append("<th scope=\"row\" data-label=\"Tier\">").Append(E(row.Label)).Append("</th>")
                .Append("<td data-label=\"Mix\">").Append(E(row.Mix.ToString("P1", CultureInfo.InvariantCulture))).Append("</td>")
                .Append("<td data-label=\"Volume / month\">").Append(row.MonthlyVolume.ToString("N0", CultureInfo.InvariantCulture)).Append("</td>")
                .Append("<td data-label=\"Unit cost\">").Append(E(Money.Format(row.UnitCost, cost.Currency))).Append("</td>")
                .Append("<td data-label=\"Monthly\">").Append(E(Money.Format(row.MonthlyCost, cost.Currency))).Append("</td></tr>");
        }

        html.Append("</tbody></table><p class=\"ops-savings\">All handled by people: ").Append(E(Money.Format(cost.MonthlyCostAllHuman, cost.Currency)))
            .Append(" a month; with Leeway: ").Append(E(Money.Format(cost.Total.MonthlyCost, cost.Currency)))
            .Append("; saved: ").Append(E(Money.Format(cost.MonthlySavings, cost.Currency))).Append('.');
        foreach (var recovered in cost.Recovered)
        {
            html.Append(" Recovered revenue: ").Append(E(Money.Format(recovered.Amount, recovered.Currency))).Append(" (")
                .Append(recovered.Payments).Append(recovered.Payments == 1 ? " payment; " : " payments; ").Append(E(Money.Format(recovered.MonthlyAmount, recovered.Currency))).Append(" a month).");
        }

        html.Append("</p>");
    }

    private static string Points(double? change) => change is { } c ? $"{c * 100:+0.0;-0.0;0.0} points" : "not measurable";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
