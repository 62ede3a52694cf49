using System.Net;
using Leeway.Agent.Understanding;
using Leeway.Humans;
using Leeway.Identity;
using Leeway.Routing;
using Leeway.Tests.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Leeway.Tests.Observability;

/// <summary>The operations page in the staff console (<c>/console/ops</c>), over HTTP as a browser would use it.</summary>
public sealed class OpsPageTests
{
    private const string Password = "correct horse battery";

    [Fact]
    public async Task Signed_in_staff_get_the_charts_and_the_cost_table_and_anyone_else_is_sent_to_sign_in()
    {
        await using var host = await OpsHost.StartAsync(new Dictionary<string, string?> { ["Cost:Human"] = "1000" });
        var contact = await host.Log.RecordContactAsync(
            new NewContact(ContactChannel.Chat, "cus_1", true, "pro", "normal", Intent.RefundRequest, 0.9, new RoutingDecision(Tier.Agent, "agent_acts", "r", false, true)),
            default);
        await host.Log.RecordOutcomeAsync(contact.Id, ContactOutcome.Escalated, null, "case_1", default);
        await host.App.Services.GetRequiredService<IStaffDirectory>().CreateAsync("ops@billing.test", "Oona Ops", Password, StaffRoles.Admin, default);

        using var anonymous = new PageVisitor(host.Anonymous.BaseAddress!);
        using var refused = await anonymous.GetAsync("/console/ops");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/console/sign-in", refused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Contains("ReturnUrl=%2Fconsole%2Fops", refused.Headers.Location.Query, StringComparison.Ordinal);

        using var staff = new PageVisitor(host.Anonymous.BaseAddress!);
        using var signedIn = await staff.SubmitAsync(await staff.PageAsync("/console/sign-in"), "method=\"post\"",
            new Dictionary<string, string> { ["Email"] = "ops@billing.test", ["Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        Assert.Contains("href=\"/console/ops\"", await staff.PageAsync("/console"), StringComparison.Ordinal);
        var page = await staff.PageAsync("/console/ops?from=2026-03-25&to=2026-03-31");
        Assert.Contains("<h1>Operations</h1>", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/console/ops\" aria-current=\"page\"", page, StringComparison.Ordinal);
        Assert.Contains("<table class=\"ops-cost\"><caption>Cost model", page, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\" data-label=\"Tier\">Tier 3 &#183; human</th>", page, StringComparison.Ordinal);
        Assert.Contains("$42.86", page, StringComparison.Ordinal); // one human contact in 7 days at $10, scaled to 30 days
        Assert.Contains("aria-label=\"Escalations to a person\"", page, StringComparison.Ordinal);
        Assert.Contains("<label for=\"ops-from\">", page, StringComparison.Ordinal);
        Assert.Contains("value=\"2026-03-25\"", page, StringComparison.Ordinal);
        Assert.Contains("<caption id=\"ops-days-caption\">Daily figures, 2026-03-25 to 2026-03-31", page, StringComparison.Ordinal);

        using var bad = await staff.GetAsync("/console/ops?from=March");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var badPage = await bad.Content.ReadAsStringAsync();
        Assert.Contains("From: &#x27;March&#x27; is not a date", badPage, StringComparison.Ordinal);
        Assert.Contains("ops-cost", badPage, StringComparison.Ordinal);
    }
}
