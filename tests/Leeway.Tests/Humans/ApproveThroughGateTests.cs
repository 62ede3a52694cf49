using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Leeway.Eval;
using Leeway.Humans;
using Leeway.Identity;

namespace Leeway.Tests.Humans;

/// <summary>Staff approval end to end: the product host, the real policy gate, Stripe.net against the sandbox.</summary>
public sealed class ApproveThroughGateTests
{
    private const string World = """
        {
          "id": "staff-approves-refund", "title": "A refund above the automatic limit, approved by staff",
          "now": "2026-11-10T09:00:00Z", "customer": "cus_h",
          "world": { "customers": [
            { "id": "cus_h", "email": "h@example.com", "name": "Hana",
              "payment_methods": [{ "id": "pm_h", "brand": "visa", "last4": "4242", "exp_month": 8, "exp_year": 2030, "default": true, "on_charge": "succeed" }],
              "charges": [{ "id": "ch_h", "amount": 24000, "currency": "usd", "created": "2026-11-01T00:05:00Z", "payment_method": "pm_h", "status": "succeeded", "amount_refunded": 0, "disputed": false }] },
            { "id": "cus_other", "email": "o@example.com", "name": "Otto",
              "payment_methods": [{ "id": "pm_o", "brand": "visa", "last4": "1881", "exp_month": 8, "exp_year": 2030, "default": true, "on_charge": "succeed" }],
              "charges": [{ "id": "ch_other", "amount": 9000, "currency": "usd", "created": "2026-11-02T00:05:00Z", "payment_method": "pm_o", "status": "succeeded", "amount_refunded": 0, "disputed": false }] }
          ] }
        }
        """;

    [Fact]
    public async Task Staff_approve_a_refund_above_the_cap_once_and_only_for_the_cases_customer()
    {
        await using var world = await ScenarioWorld.StartAsync(ScenarioLoader.Parse(World, "approve.json"), CancellationToken.None);
        var lead = await world.Service<IStaffDirectory>().CreateAsync("lead@example.com", "Lena", "long password", StaffRoles.Lead, CancellationToken.None);
        var opened = await world.Service<ICaseStore>().OpenAsync("cus_h", "refund_over_cap", "agent", "normal", CaseWorld.Packet("conv_h"), CancellationToken.None);
        using var staff = new HttpClient { BaseAddress = new Uri(world.Product.Urls.First()) };
        staff.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", world.Service<ServiceKey>().Value);
        var refund = new { staff_id = lead.Id, action = new { type = "refund", charge = "ch_h", amount = 24000 } };

        var first = await staff.PostAsJsonAsync($"/api/v1/cases/{opened.Id}/approve", refund);
        var second = await staff.PostAsJsonAsync($"/api/v1/cases/{opened.Id}/approve", refund);
        var foreign = await staff.PostAsJsonAsync($"/api/v1/cases/{opened.Id}/approve", new { staff_id = lead.Id, action = new { type = "refund", charge = "ch_other" } });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var outcome = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome");
        Assert.True(outcome.GetProperty("allowed").GetBoolean(), outcome.GetRawText());
        Assert.True(outcome.GetProperty("succeeded").GetBoolean(), outcome.GetRawText());
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.True((await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetProperty("replayed").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Contains("ch_other", await foreign.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(24000, (await world.Admin.ObjectAsync("ch_h", CancellationToken.None))!["amount_refunded"]!.GetValue<long>());
        Assert.Equal(0, (await world.Admin.ObjectAsync("ch_other", CancellationToken.None))!["amount_refunded"]!.GetValue<long>());
        var refunds = (await world.Admin.RequestsAsync(CancellationToken.None)).Where(r => r.Path.StartsWith("/v1/refunds", StringComparison.Ordinal) && r.Succeeded).ToList();
        Assert.Single(refunds);

        var packet = (await world.Service<ICaseStore>().GetAsync(opened.Id, CancellationToken.None))!.Packet;
        Assert.Equal(3, packet.ActionsAttempted.Count);
        Assert.True(packet.ActionsAttempted[1].Succeeded);
    }
}
