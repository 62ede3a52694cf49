using Leeway.Agent.Understanding;
using Leeway.Observability;
using Leeway.Observability.Drift;
using Leeway.Routing;

namespace Leeway.Tests.Observability;

public sealed class DriftDetectorTests
{
    private static readonly DateOnly Today = new(2026, 3, 31);
    private static readonly DriftOptions Options = new();

    [Fact]
    public void The_current_week_is_compared_with_the_four_weeks_before_it()
    {
        var (baseline, current) = DriftDetector.Windows(Today, Options);

        Assert.Equal((new DateOnly(2026, 3, 25), Today), (current.From, current.To));
        Assert.Equal((new DateOnly(2026, 2, 25), new DateOnly(2026, 3, 24)), (baseline.From, baseline.To));
    }

    [Fact]
    public void The_same_mix_and_rate_are_not_flagged()
    {
        var report = Compare(Mix((Intent.PaymentFailed, 60, 50), (Intent.BillingQuestion, 40, 30)), Mix((Intent.PaymentFailed, 30, 25), (Intent.BillingQuestion, 20, 15)));

        Assert.True(report.EnoughData);
        Assert.False(report.Flagged);
        Assert.Equal(0, report.IntentMix.Distance);
    }

    [Fact]
    public void A_new_intent_taking_over_flags_the_mix_and_names_the_biggest_change_first()
    {
        var report = Compare(
            Mix((Intent.PaymentFailed, 80, 60), (Intent.BillingQuestion, 20, 15)),
            Mix((Intent.PaymentFailed, 30, 22), (Intent.BillingQuestion, 10, 8), (Intent.UsageQuestion, 60, 45)));

        Assert.True(report.IntentMix.Flagged);
        Assert.True(report.Flagged);
        Assert.Equal(Intent.UsageQuestion, report.IntentMix.Intents[0].Intent);
        Assert.Equal(0.6, report.IntentMix.Distance, 3);
        Assert.False(report.ResolutionRate.Flagged);
    }

    [Fact]
    public void A_drop_in_the_automated_resolution_rate_is_flagged()
    {
        var report = Compare(Mix((Intent.PaymentFailed, 100, 80)), Mix((Intent.PaymentFailed, 100, 50)));

        Assert.False(report.IntentMix.Flagged);
        Assert.True(report.ResolutionRate.Flagged);
        Assert.Equal(-0.3, report.ResolutionRate.Change!.Value, 3);
    }

    [Fact]
    public void Too_few_contacts_is_noise_not_drift()
    {
        var report = Compare(Mix((Intent.PaymentFailed, 10, 9)), Mix((Intent.Dispute, 10, 0)));

        Assert.False(report.EnoughData);
        Assert.False(report.Flagged);
        Assert.Equal(1, report.IntentMix.Distance);
    }

    private static DriftReport Compare(List<ContactTally> baseline, List<ContactTally> current)
    {
        var (b, c) = DriftDetector.Windows(Today, Options);
        return DriftDetector.Compare(b, baseline, c, current, Options);
    }

    /// <summary>Per intent: contacts, of which that many resolved by Lee and the rest escalated.</summary>
    private static List<ContactTally> Mix(params (string Intent, long Contacts, long Resolved)[] intents) =>
    [
        .. intents.SelectMany(i => new[]
        {
            new ContactTally(Today, "chat", Tier.Agent, Tier.Agent, i.Intent, ContactOutcome.Resolved, i.Resolved, 0, 0, 0, 0, 0, 0),
            new ContactTally(Today, "chat", Tier.Agent, Tier.Human, i.Intent, ContactOutcome.Escalated, i.Contacts - i.Resolved, 0, 0, 0, 0, 0, 0),
        }),
    ];
}
