using System.Globalization;
using System.Text.Json.Nodes;
using Leeway.Cli;
using Leeway.Diagnostics;
using Leeway.Diagnostics.Rules;
using Leeway.Policy;
using Leeway.Policy.Rules;
using Leeway.Storage;
using Leeway.Tests.Diagnostics;

namespace Leeway.Tests.Cli;

/// <summary>
/// <c>leeway serve</c>'s demo world has a customer for every state the pages handle, read through the same rules as the
/// product: each root cause a demo customer can show on arrival, a duplicate over the automatic refund cap (the
/// approval flow: refused on the page, a person approves), a plan set to cancel ("Keep my plan"), money owed with
/// nothing failed.
/// </summary>
public sealed class DemoWorldTests
{
    private static readonly DateTimeOffset Today = new(2026, 12, 5, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Every_state_the_pages_handle_has_a_demo_customer()
    {
        var demo = DemoWorld.Load(Today);
        var now = demo.Now.ToString("O", CultureInfo.InvariantCulture);
        var customers = demo.World["customers"]!.AsArray().OfType<JsonObject>().ToList();
        var diagnoses = customers.ToDictionary(
            c => c["id"]!.GetValue<string>(),
            c => RuleEngine.Diagnose(c["id"]!.GetValue<string>(), ScenarioWorld.Input(c, now), []));

        string[] states =
        [
            "none", "payment_failed_insufficient_funds", "payment_failed_card_expired", "payment_failed_authentication_required",
            "duplicate_charge", "payment_link_expired", "dispute_open", "card_expiring_soon", "usage_spike", "payment_blocked_risk",
            "refund_in_progress", "payment_due", "payment_failed_incorrect_details", "payment_failed_card_declined",
            "invoice_past_due", "entitlement_mismatch",
        ];
        var shown = diagnoses.Values.Select(d => WireName.Of(d.RootCause)).ToHashSet();
        Assert.All(states, state => Assert.Contains(state, shown));

        var cap = new PolicySettings().RefundAutoMax;
        Assert.Contains(diagnoses.Values, d => d.RootCause == RootCause.DuplicateCharge && long.Parse(d.Primary!.Facts[FactKeys.Amount], CultureInfo.InvariantCulture) > cap);
        Assert.Contains(diagnoses.Values, d => d.RootCause == RootCause.DuplicateCharge && long.Parse(d.Primary!.Facts[FactKeys.Amount], CultureInfo.InvariantCulture) <= cap);
        Assert.Contains(customers, c => (c["subscriptions"] as JsonArray ?? []).Any(s => s?["cancel_at_period_end"]?.GetValue<bool>() == true));
    }
}
