using System.Text;
using Leeway.Agent.Understanding;
using Leeway.Observability.Backlog;
using Leeway.Observability.Cost;
using Leeway.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Leeway.Tests.Observability.Backlog;

public sealed class BacklogRankerTests
{
    [Fact]
    public async Task Ranks_intents_most_cases_first_with_shares_tiers_and_monthly_costs()
    {
        // 6 payment failures, 3 refunds, 1 dispute over 60 days (two months).
        var rows = new StringBuilder("Subject,CreatedDate\n");
        for (var i = 0; i < 10; i++)
        {
            var subject = i < 6 ? "declined" : i < 9 ? "refund" : "chargeback";
            rows.Append(subject).Append(',').Append(new DateTime(2026, 1, 1).AddDays(i * 60 / 9.0).ToString("O")).Append('\n');
        }

        using var reader = CaseCsvReader.Open(new MemoryStream(Encoding.UTF8.GetBytes(rows.ToString())), "cases.csv");
        var ranking = await new BacklogRanker(new KeywordUnderstander(), new RoutingTable(), new CostOptions()).RankAsync(reader, "cases.csv", 3, null, default);

        Assert.Equal(10, ranking.Cases);
        Assert.Equal(2, ranking.Months);
        Assert.False(ranking.MonthsAssumed);
        Assert.Equal([Intent.PaymentFailed, Intent.RefundRequest, Intent.Dispute], ranking.Rows.Select(r => r.Intent));
        Assert.Equal([0.6, 0.3, 0.1], ranking.Rows.Select(r => r.Share));
        Assert.Equal([0.6, 0.9, 1.0], ranking.Rows.Select(r => r.CumulativeShare));
        Assert.Equal([Tier.SelfHeal, Tier.Agent, Tier.Human], ranking.Rows.Select(r => r.Tier));
        Assert.Equal([3L, 2, 1], ranking.Rows.Select(r => r.MonthlyCases));
        Assert.Equal([2_400L, 1_600, 800], ranking.Rows.Select(r => r.MonthlyCostNow));
        Assert.Equal([30L, 40, 800], ranking.Rows.Select(r => r.MonthlyCostWithLeeway));
        Assert.Equal((4_800L, 870L), (ranking.MonthlyCostNow, ranking.MonthlyCostWithLeeway));
    }

    [Fact]
    public async Task Cases_read_as_not_about_billing_are_counted_apart_with_the_classifiers_confidence_and_left_out_of_the_costs()
    {
        // 3 payment failures, 1 refund, 4 sentences that are not about billing (read as other).
        using var reader = CaseCsvReader.Open(new MemoryStream(Encoding.UTF8.GetBytes(
            "Subject\ndeclined\ndeclined\ndeclined\nrefund\ncan I top up using my car\nwhere is the nearest branch\nhello\nweather\n")), "cases.csv");
        var ranking = await new BacklogRanker(new KeywordUnderstander(), new RoutingTable(), new CostOptions()).RankAsync(reader, "cases.csv", 2, null, default);

        Assert.Equal(8, ranking.Cases);
        Assert.Equal([Intent.PaymentFailed, Intent.RefundRequest], ranking.Rows.Select(r => r.Intent));
        Assert.Equal([0.75, 0.25], ranking.Rows.Select(r => r.Share)); // shares of the billing cases
        Assert.Equal(1.0, ranking.Rows[^1].CumulativeShare);
        Assert.Equal((4L, 0.5), (ranking.OutOfScope.Cases, ranking.OutOfScope.Share));
        Assert.Equal(0.3, ranking.OutOfScope.MeanConfidence, 3);
        Assert.Equal(4, ranking.OutOfScope.Unsure); // all under Lee's confidence floor
        Assert.Equal(ranking.Rows.Sum(r => r.MonthlyCostNow), ranking.MonthlyCostNow);
        Assert.Contains("4 cases, 50.0", ranking.OutOfScope.Describe());
    }

    [Fact]
    public async Task An_export_without_dates_is_taken_as_one_month_and_bad_rows_are_counted_not_ranked()
    {
        using var reader = CaseCsvReader.Open(new MemoryStream(Encoding.UTF8.GetBytes("Subject,Description\nrefund,a\nrefund,b,extra\ndeclined,c\n")), "cases.csv");
        var ranking = await new BacklogRanker(new KeywordUnderstander(), new RoutingTable(), new CostOptions()).RankAsync(reader, "cases.csv", 1, null, default);

        Assert.True(ranking.MonthsAssumed);
        Assert.Equal(2, ranking.Cases);
        Assert.Equal(1, ranking.SkippedRows);
        Assert.Equal(3, Assert.Single(ranking.Problems).Line);
    }

    [Fact]
    public async Task A_failing_classifier_fails_the_ranking_instead_of_hanging()
    {
        var csv = new StringBuilder("Subject\n");
        for (var i = 0; i < 5_000; i++)
        {
            csv.Append("boom\n");
        }

        using var reader = CaseCsvReader.Open(new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString())), "cases.csv");
        var ranker = new BacklogRanker(new KeywordUnderstander(), new RoutingTable(), new CostOptions());

        await Assert.ThrowsAsync<InvalidOperationException>(() => ranker.RankAsync(reader, "cases.csv", 2, null, default).WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task A_synthetic_export_ranked_with_lees_real_classifier_puts_failed_payments_first()
    {
        using var stream = new MemoryStream();
        SyntheticBacklog.Write(stream, 3_000, seed: 11);
        stream.Position = 0;
        using var services = new ServiceCollection().AddUnderstanding().BuildServiceProvider();
        var progressed = new List<long>();

        using var reader = CaseCsvReader.Open(stream, "synthetic.csv");
        var ranking = await new BacklogRanker(services.GetRequiredService<IUnderstander>(), new RoutingTable(), new CostOptions())
            .RankAsync(reader, "synthetic.csv", 2, progressed.Add, default);

        Assert.Equal(3_000, ranking.Cases);
        Assert.Equal(0, ranking.SkippedRows);
        Assert.Equal(progressed.Order(), progressed);
        Assert.Equal(stream.Length, progressed[^1]);
        Assert.Equal(3, Math.Round(ranking.Months));
        // The generator's mix is 20 % failed payments; the classifier should find about that many, and put them first.
        Assert.Equal(Intent.PaymentFailed, ranking.Rows[0].Intent);
        Assert.InRange(ranking.Rows[0].Share, 0.15, 0.30);
        Assert.True(ranking.MonthlyCostWithLeeway < ranking.MonthlyCostNow / 2);
    }

    [Fact]
    public async Task Progress_moves_forward_batch_by_batch_as_cases_are_classified_and_ends_at_the_whole_file()
    {
        var csv = new StringBuilder("Subject\n");
        for (var i = 0; i < 10_000; i++)
        {
            csv.Append(i % 2 == 0 ? "declined\n" : "refund\n");
        }

        var bytes = Encoding.UTF8.GetBytes(csv.ToString());
        var progressed = new List<long>();
        using var reader = CaseCsvReader.Open(new MemoryStream(bytes), "cases.csv");

        var ranking = await new BacklogRanker(new KeywordUnderstander(), new RoutingTable(), new CostOptions()).RankAsync(reader, "cases.csv", 1, progressed.Add, default);

        Assert.Equal(10_000, ranking.Cases);
        Assert.True(progressed.Count >= 4, $"{progressed.Count} progress reports");
        Assert.Equal(progressed.Order().Distinct(), progressed);
        Assert.Equal(bytes.Length, progressed[^1]);
    }

    [Fact]
    public async Task Ranking_through_the_batch_classifier_equals_ranking_case_by_case()
    {
        using var stream = new MemoryStream();
        SyntheticBacklog.Write(stream, 2_500, seed: 4);
        var bytes = stream.ToArray();
        var shipped = new Understander(SharedIntentModel.Instance);

        using var batchReader = CaseCsvReader.Open(new MemoryStream(bytes), "synthetic.csv");
        var batched = await new BacklogRanker(shipped, new RoutingTable(), new CostOptions()).RankAsync(batchReader, "synthetic.csv", 2, null, default);
        using var singleReader = CaseCsvReader.Open(new MemoryStream(bytes), "synthetic.csv");
        var single = await new BacklogRanker(new OneAtATime(shipped), new RoutingTable(), new CostOptions()).RankAsync(singleReader, "synthetic.csv", 2, null, default);

        Assert.Equal(2_500, batched.Cases);
        Assert.Equal(single.Rows, batched.Rows);
        Assert.True(batched.Rows.Count >= 10);
    }

    /// <summary>Lee's classifier seen only as an <see cref="IUnderstander"/>: the ranker must ask it case by case.</summary>
    private sealed class OneAtATime(IUnderstander inner) : IUnderstander
    {
        public Understanding Understand(string text) => inner.Understand(text);
    }

    /// <summary>A stand-in for Lee's classifier in the aggregation tests: a keyword names the intent.</summary>
    private sealed class KeywordUnderstander : IUnderstander
    {
        public Understanding Understand(string text)
        {
            if (text.StartsWith("boom", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("classifier failed");
            }

            var intent = text.StartsWith("declined", StringComparison.Ordinal) ? Intent.PaymentFailed
                : text.StartsWith("refund", StringComparison.Ordinal) ? Intent.RefundRequest
                : text.StartsWith("chargeback", StringComparison.Ordinal) ? Intent.Dispute
                : Intent.Other;
            return new Understanding(intent, intent == Intent.Other ? 0.3 : 1, null, 0, new Entities([], [], [], [], []), new Signals(false, false, false, false, false, "en"));
        }
    }
}
