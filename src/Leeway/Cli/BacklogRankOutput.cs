using System.Globalization;
using System.Text;
using System.Text.Json;
using Leeway.Agent.Understanding;
using Leeway.Observability.Backlog;

namespace Leeway.Cli;

/// <summary>The ranked backlog as <c>leeway backlog rank</c> prints it, in each <see cref="BacklogFormat"/>.</summary>
internal static class BacklogRankOutput
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <param name="width">The screen's width; null when the output goes to a file or a pipe (lines are not wrapped).</param>
    public static string Render(BacklogRanking ranking, BacklogFormat format, int? width) => format switch
    {
        BacklogFormat.Csv => Csv(ranking),
        BacklogFormat.Json => JsonSerializer.Serialize(ranking, new JsonSerializerOptions { WriteIndented = true }) + "\n",
        BacklogFormat.Markdown => Markdown(ranking),
        _ => Table(ranking, width),
    };

    public static string Title(BacklogRanking ranking)
    {
        var span = ranking.MonthsAssumed
            ? "taken as one month (no usable CreatedDate)"
            : string.Create(Invariant, $"{ranking.FirstCreated:yyyy-MM-dd} to {ranking.LastCreated:yyyy-MM-dd}, {ranking.Months:0.##} months");
        return string.Create(Invariant, $"{Path.GetFileName(ranking.File)}: {ranking.Cases:N0} cases, {span}");
    }

    private static readonly string[] Headers = ["Intent", "Cases", "Share", "Cumulative", "Confidence", "Tier that could take it", "Monthly now", "Monthly with Leeway"];

    private static string[] Cells(ParetoRow row, string currency) =>
    [
        row.Intent,
        row.Cases.ToString("N0", Invariant),
        row.Share.ToString("P1", Invariant),
        row.CumulativeShare.ToString("P1", Invariant),
        row.MeanConfidence.ToString("0.00", Invariant),
        row.TierLabel,
        Billing.Money.Format(row.MonthlyCostNow, currency),
        Billing.Money.Format(row.MonthlyCostWithLeeway, currency),
    ];

    private static string[] Totals(BacklogRanking ranking) =>
    [
        "Billing cases",
        ranking.Rows.Sum(r => r.Cases).ToString("N0", Invariant),
        "", "", "", "",
        Billing.Money.Format(ranking.MonthlyCostNow, ranking.Currency),
        Billing.Money.Format(ranking.MonthlyCostWithLeeway, ranking.Currency),
    ];

    private static string Table(BacklogRanking ranking, int? width)
    {
        var table = new TextTable(Headers.Select((h, i) => new TextColumn(h, RightAligned: i is not (0 or 5))).ToList());
        foreach (var row in ranking.Rows)
        {
            table.AddRow(Cells(row, ranking.Currency));
        }

        table.AddFooter(Totals(ranking));
        var text = new StringBuilder();
        AppendWrapped(text, Title(ranking), width);
        text.Append('\n').Append(table.Render(width)).Append('\n');
        AppendWrapped(text, ranking.OutOfScope.Describe(), width);
        AppendWrapped(text, "Share: of the billing cases. Confidence: the classifier's mean on the intent's cases (1.00 = sure).", width);
        return text.ToString();
    }

    private static void AppendWrapped(StringBuilder text, string sentence, int? width)
    {
        foreach (var line in width is { } w ? TextTable.Wrap(sentence, w) : [sentence])
        {
            text.Append(line).Append('\n');
        }
    }

    private static string Markdown(BacklogRanking ranking)
    {
        static string Cell(string s) => s.Replace("|", "\\|", StringComparison.Ordinal);
        var text = new StringBuilder().Append("**").Append(Cell(Title(ranking))).Append("**\n\n");
        text.Append("| ").Append(string.Join(" | ", Headers)).Append(" |\n");
        text.Append("| ").Append(string.Join(" | ", Headers.Select((_, i) => i is 0 or 5 ? "---" : "---:"))).Append(" |\n");
        foreach (var row in ranking.Rows)
        {
            text.Append("| ").Append(string.Join(" | ", Cells(row, ranking.Currency).Select(Cell))).Append(" |\n");
        }

        var totals = Totals(ranking);
        totals[0] = "**Billing cases**";
        text.Append("| ").Append(string.Join(" | ", totals.Select(Cell))).Append(" |\n\n");
        return text.Append(Cell(ranking.OutOfScope.Describe())).Append('\n').ToString();
    }

    private static string Csv(BacklogRanking ranking)
    {
        // RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled.
        static string Field(object? value)
        {
            var text = Convert.ToString(value, Invariant) ?? "";
            return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
        }

        var csv = new StringBuilder();
        void Line(params object?[] fields) => csv.Append(string.Join(',', fields.Select(Field))).Append('\n');

        Line("intent", "in_scope", "cases", "share", "cumulative_share", "mean_confidence", "unsure_cases", "tier", "tier_label", "monthly_cases", "monthly_cost_now", "monthly_cost_with_leeway", "currency");
        foreach (var row in ranking.Rows)
        {
            Line(row.Intent, "true", row.Cases, row.Share, row.CumulativeShare, row.MeanConfidence, row.Unsure, row.Tier, row.TierLabel, row.MonthlyCases, row.MonthlyCostNow, row.MonthlyCostWithLeeway, ranking.Currency);
        }

        // Out of scope: counted, not ranked or costed; its share is of all cases.
        var other = ranking.OutOfScope;
        Line(Intent.Other, "false", other.Cases, other.Share, "", other.MeanConfidence, other.Unsure, "", "", "", "", "", ranking.Currency);
        return csv.ToString();
    }
}
