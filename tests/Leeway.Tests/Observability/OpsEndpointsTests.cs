using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Leeway.Agent.Understanding;
using Leeway.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Leeway.Tests.Observability;

public sealed class OpsEndpointsTests
{
    [Fact]
    public async Task Metrics_endpoint_serves_prometheus_text_with_leeways_instruments_after_recording()
    {
        await using var host = await OpsHost.StartAsync();
        var contact = await host.Log.RecordContactAsync(
            new NewContact("chat", "cus_1", true, "pro", "normal", Intent.PaymentFailed, 0.9, new RoutingDecision(Tier.SelfHeal, "self_serve_fix", "r", true, true)),
            default);
        await host.Log.RecordReplyAsync(contact.Id, TimeSpan.FromMilliseconds(300), default);
        await host.Log.RecordOutcomeAsync(contact.Id, ContactOutcome.Escalated, null, "case_1", default);
        await host.Log.RecordSurveyAsync(contact.Id, "cus_1", 3, default);
        await host.Log.RecordNudgeAsync("cus_2", "card_expiring", "email", default);
        await host.Log.RecordRecoveryAsync("cus_2", "in_1", 2_500, "usd", "nudge", default);

        var text = await host.Anonymous.GetStringAsync("/metrics");

        Assert.Contains("leeway_contacts_total{", text);
        Assert.Contains("intent=\"payment_failed\"", text);
        Assert.Contains("tier=\"self_heal\"", text);
        Assert.Contains("leeway_escalations_total{", text);
        Assert.Contains("leeway_conversations_ended_total{", text);
        Assert.Contains("leeway_reply_latency_milliseconds_bucket{", text);
        Assert.Contains("leeway_effort_score_bucket{", text);
        Assert.Contains("leeway_nudges_sent_total{", text);
        Assert.Contains("leeway_payments_recovered_total{", text);
        Assert.Contains("leeway_payments_recovered_amount_total{", text);
        Assert.Contains("leeway_containment_ratio", text);
        Assert.Contains("leeway_automated_resolution_ratio", text);
    }

    [Fact]
    public async Task Ops_series_cost_drift_and_panel_come_from_the_contact_log_for_service_callers_only()
    {
        await using var host = await OpsHost.StartAsync(new Dictionary<string, string?> { ["Cost:Human"] = "1000" });
        for (var i = 0; i < 3; i++)
        {
            var c = await host.Log.RecordContactAsync(
                new NewContact("chat", "cus_1", true, "pro", "normal", Intent.BillingQuestion, 0.9, new RoutingDecision(Tier.Agent, "general_question", "r", false, true)),
                default);
            await host.Log.RecordOutcomeAsync(c.Id, i == 0 ? ContactOutcome.Escalated : ContactOutcome.Answered, null, null, default);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Anonymous.GetAsync("/api/v1/ops/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.Customer("cus_1").GetAsync("/api/v1/ops/cost")).StatusCode);

        using var metrics = JsonDocument.Parse(await host.Service.GetStringAsync("/api/v1/ops/metrics?from=2026-03-25&to=2026-03-31"));
        var days = metrics.RootElement.GetProperty("days");
        Assert.Equal(7, days.GetArrayLength());
        Assert.Equal("2026-03-31", days[6].GetProperty("date").GetString());
        Assert.Equal(3, days[6].GetProperty("contacts").GetInt64());
        Assert.Equal(0.6667, days[6].GetProperty("automated_resolution_rate").GetDouble());
        Assert.Equal(JsonValueKind.Null, days[0].GetProperty("automated_resolution_rate").ValueKind);
        Assert.Equal(1, metrics.RootElement.GetProperty("totals").GetProperty("escalations").GetInt64());

        using var cost = JsonDocument.Parse(await host.Service.GetStringAsync("/api/v1/ops/cost?from=2026-03-31&to=2026-03-31"));
        var human = cost.RootElement.GetProperty("rows")[Tier.Human];
        Assert.Equal((1L, 30L, 1000L, 30_000L), (human.GetProperty("volume").GetInt64(), human.GetProperty("monthly_volume").GetInt64(),
            human.GetProperty("unit_cost").GetInt64(), human.GetProperty("monthly_cost").GetInt64()));

        using var drift = JsonDocument.Parse(await host.Service.GetStringAsync("/api/v1/ops/drift"));
        Assert.Equal(3, drift.RootElement.GetProperty("current").GetProperty("contacts").GetInt64());
        Assert.False(drift.RootElement.GetProperty("enough_data").GetBoolean());

        var panel = await host.Service.GetAsync("/api/v1/ops/panel?from=2026-03-25");
        Assert.Equal("text/html", panel.Content.Headers.ContentType!.MediaType);
        var html = await panel.Content.ReadAsStringAsync();
        Assert.Contains("<svg", html);
        Assert.Contains("Automated resolution rate", html);
        Assert.Contains("$10.00", html);

        var bad = await host.Service.GetAsync("/api/v1/ops/metrics?from=last-week");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("last-week", await bad.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_email_question_is_routed_to_lee_recorded_and_readable_back()
    {
        await using var host = await OpsHost.StartAsync();

        var response = await host.Service.PostAsJsonAsync("/api/v1/contacts", new
        {
            from_email = "someone@example.com",
            subject = "Invoice question",
            body = "Can you explain the line items on my invoice? I see a prorated amount and I'm not sure what it is for.",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var routed = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var decision = routed.RootElement.GetProperty("decision");
        Assert.Equal(Tier.Agent, decision.GetProperty("tier").GetInt32());
        Assert.True(decision.GetProperty("human_reachable").GetBoolean());
        Assert.Equal(JsonValueKind.Null, routed.RootElement.GetProperty("case_id").ValueKind);

        var id = routed.RootElement.GetProperty("contact_id").GetString();
        using var stored = JsonDocument.Parse(await host.Service.GetStringAsync($"/api/v1/contacts/{id}"));
        Assert.Equal("email", stored.RootElement.GetProperty("channel").GetString());
        Assert.False(stored.RootElement.GetProperty("authenticated").GetBoolean());
        Assert.Equal(routed.RootElement.GetProperty("intent").GetString(), stored.RootElement.GetProperty("intent").GetString());

        var invalid = await host.Service.PostAsJsonAsync("/api/v1/contacts", new { from_email = "not-an-address", subject = "", body = "" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var problem = await invalid.Content.ReadAsStringAsync();
        Assert.Contains("from_email", problem);
        Assert.Contains("not-an-address", problem);
    }

    [Fact]
    public async Task An_email_about_a_chargeback_goes_to_a_person_with_a_case_holding_the_email()
    {
        await using var host = await OpsHost.StartAsync();

        var response = await host.Service.PostAsJsonAsync("/api/v1/contacts", new
        {
            from_email = "payer@example.com",
            subject = "Chargeback",
            body = "I have filed a chargeback with my bank for the $49.00 charge from last week.",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var routed = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(Intent.Dispute, routed.RootElement.GetProperty("intent").GetString());
        Assert.Equal(Tier.Human, routed.RootElement.GetProperty("decision").GetProperty("tier").GetInt32());
        var caseId = routed.RootElement.GetProperty("case_id").GetString();
        Assert.NotNull(caseId);

        var opened = await host.App.Services.GetRequiredService<Leeway.Humans.ICaseStore>().GetAsync(caseId!, default);
        Assert.Equal("contact", opened!.Source);
        Assert.Contains("chargeback with my bank", Assert.Single(opened.Packet.Transcript).Text);
        var contact = await host.Log.GetAsync(routed.RootElement.GetProperty("contact_id").GetString()!, default);
        Assert.Equal((ContactOutcome.Escalated, (int?)Tier.Human, caseId), (contact!.Outcome, contact.FinishedTier, contact.CaseId));
    }

    [Fact]
    public async Task The_effort_survey_takes_one_answer_from_the_contacts_own_customer()
    {
        await using var host = await OpsHost.StartAsync();
        var contact = await host.Log.RecordContactAsync(
            new NewContact("chat", "cus_owner", true, "pro", "normal", Intent.UpdateCard, 0.9, new RoutingDecision(Tier.SelfHeal, "self_serve_fix", "r", true, true)),
            default);
        var url = $"/api/v1/contacts/{contact.Id}/survey";

        Assert.Equal(HttpStatusCode.NotFound, (await host.Customer("cus_other").PostAsJsonAsync(url, new { score = 4 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await host.Customer("cus_owner").PostAsJsonAsync(url, new { score = 9 })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await host.Customer("cus_owner").PostAsJsonAsync(url, new { score = 4 })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await host.Customer("cus_owner").PostAsJsonAsync(url, new { score = 5 })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Anonymous.PostAsJsonAsync(url, new { score = 5 })).StatusCode);
        Assert.Equal(4, (await host.Log.GetAsync(contact.Id, default))!.EffortScore);
    }
}
