using System.Net.Http.Json;
using System.Text.Json;
using Leeway.Diagnostics;
using Leeway.Diagnostics.Rules;
using Leeway.Eval;
using Leeway.Storage;
using EvalWorld = Leeway.Eval.ScenarioWorld;

namespace Leeway.Tests.Diagnostics;

/// <summary>
/// Never green while money is owed: an open invoice with money remaining, or a payment link handed and not yet used,
/// is <c>payment_due</c> (amber, pay with the link) in the diagnosis the API, the meter and Lee share; what a decline or an
/// expired link already explains is said once, by that finding.
/// </summary>
public sealed class PaymentDueTests
{
    private const string Now = "2026-11-10T09:00:00Z";

    [Fact]
    public void An_open_invoice_nothing_failed_on_is_money_due_with_its_page_to_pay()
    {
        var customer = ScenarioWorld.Customer("""
            {"id": "cus_a", "invoices": [{"id": "in_open", "status": "open", "amount_due": 4900, "created": "2026-11-09T00:00:00Z", "due_date": "2026-11-20T00:00:00Z"}]}
            """);

        var diagnosis = RuleEngine.Diagnose("cus_a", ScenarioWorld.Input(customer, Now), []);

        Assert.Equal((RootCause.PaymentDue, "amber", RecommendedAction.PayWithLink, true), (diagnosis.RootCause, diagnosis.Status, diagnosis.RecommendedAction, diagnosis.SelfServeEligible));
        Assert.Equal("in_open", diagnosis.Primary!.Facts[FactKeys.Invoice]);
        Assert.Equal("$49.00", diagnosis.Primary.Facts[FactKeys.AmountDisplay]);
        Assert.Equal(diagnosis.Primary.Facts[FactKeys.HostedInvoiceUrl], diagnosis.Primary.Facts[FactKeys.Url]);
        Assert.Contains("$49.00", diagnosis.Explanation, StringComparison.Ordinal);
        Assert.Contains("Next step: pay with the payment link", diagnosis.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_declined_or_overdue_invoice_is_said_once_by_its_own_finding()
    {
        var customer = ScenarioWorld.Customer("""
            {"id": "cus_a", "invoices": [
              {"id": "in_declined", "status": "open", "amount_due": 900, "created": "2026-11-02T00:00:00Z", "attempt_count": 1, "last_payment_error": "insufficient_funds"},
              {"id": "in_overdue", "status": "open", "amount_due": 700, "created": "2026-10-20T00:00:00Z", "due_date": "2026-11-01T00:00:00Z"}]}
            """);

        var findings = RuleEngine.Findings(ScenarioWorld.Input(customer, Now));

        Assert.Equal(["payment_failed_insufficient_funds", "invoice_past_due"], findings.Select(f => WireName.Of(f.RootCause)));
    }

    [Fact]
    public void A_fresh_link_that_replaced_an_expired_one_is_money_due_until_it_is_paid()
    {
        const string sessions = """
            {"id": "cus_a", "checkout_sessions": [
              {"id": "cs_old", "mode": "payment", "status": "expired", "expires_at": "2026-11-05T12:00:00Z", "amount_total": 4900},
              {"id": "cs_new", "mode": "payment", "status": "%NEW%", "expires_at": "2026-11-11T09:00:00Z", "amount_total": 4900},
              {"id": "cs_card", "mode": "setup", "status": "open", "expires_at": "2026-11-11T09:00:00Z"}]}
            """;

        var open = RuleEngine.Diagnose("cus_a", ScenarioWorld.Input(ScenarioWorld.Customer(sessions.Replace("%NEW%", "open", StringComparison.Ordinal)), Now), []);
        var paid = RuleEngine.Diagnose("cus_a", ScenarioWorld.Input(ScenarioWorld.Customer(sessions.Replace("%NEW%", "complete", StringComparison.Ordinal)), Now), []);

        var due = Assert.Single(open.Findings);
        Assert.Equal((RootCause.PaymentDue, "cs_new", "$49.00"), (due.RootCause, due.Facts[FactKeys.CheckoutSession], due.Facts[FactKeys.AmountDisplay]));
        Assert.Equal("amber", open.Status);
        Assert.Equal((RootCause.None, "green"), (paid.RootCause, paid.Status));
    }

    /// <summary>
    /// The case end to end: the add-on's link expired, Lee hands a fresh one through the gate, and until the
    /// customer pays, the Diagnostics API is amber with the way to pay, and Lee does not say all is in order.
    /// </summary>
    [Fact]
    public async Task After_Lee_hands_a_fresh_link_the_api_and_Lee_say_a_payment_is_still_due()
    {
        const string world = """
            {
              "id": "payment-due", "title": "An expired add-on link, replaced by Lee, not yet paid",
              "now": "2026-11-10T09:00:00Z", "customer": "cus_eli",
              "world": { "customers": [
                { "id": "cus_eli", "email": "eli@example.com", "name": "Eli Novak", "plan": "free", "payment_methods": [],
                  "checkout_sessions": [{ "id": "cs_eli_old", "mode": "payment", "status": "expired", "expires_at": "2026-11-05T12:00:00Z", "amount_total": 4900 }] }
              ] }
            }
            """;
        await using var eval = await EvalWorld.StartAsync(ScenarioLoader.Parse(world, "payment-due.json"), CancellationToken.None);
        eval.SignInAs("cus_eli");
        Assert.Equal("payment_link_expired", (await DiagnosisAsync(eval)).GetProperty("root_cause").GetString());

        var started = await eval.ProductHttp.PostAsJsonAsync("/api/v1/conversations", new { channel = "chat" });
        started.EnsureSuccessStatusCode();
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var handed = await SayAsync(eval, id, "The payment link you emailed me says it expired. How do I pay for the add-on now?");
        Assert.Contains("http", handed, StringComparison.Ordinal);

        var after = await DiagnosisAsync(eval);
        Assert.Equal(("amber", "payment_due", "pay_with_link"), (after.GetProperty("status").GetString(), after.GetProperty("root_cause").GetString(), after.GetProperty("recommended_action").GetString()));
        Assert.Contains("$49.00", after.GetProperty("explanation").GetString(), StringComparison.Ordinal);

        var status = await SayAsync(eval, id, "Is everything OK with my account now?");
        Assert.DoesNotContain("everything is in order", status, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("$49.00", status, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> DiagnosisAsync(EvalWorld world)
    {
        using var response = await world.ProductHttp.GetAsync("/api/v1/diagnosis");
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<string> SayAsync(EvalWorld world, string? conversationId, string text)
    {
        using var sent = await world.ProductHttp.PostAsJsonAsync($"/api/v1/conversations/{conversationId}/messages", new { text });
        sent.EnsureSuccessStatusCode();
        var body = await sent.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("reply").GetString()!;
    }
}
