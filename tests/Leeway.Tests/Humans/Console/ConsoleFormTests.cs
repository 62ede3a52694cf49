using System.Net;
using Leeway.Humans;
using Leeway.Identity;
using Leeway.Tests.Browser;
using Leeway.Tests.Routing;

namespace Leeway.Tests.Humans.Console;

/// <summary>
/// The case page's forms bind typed: the action a person picks is one of the gate's actions by its wire name, and a value
/// that is not what its field holds is refused by name, with nothing done. Plain form posts, as a browser sends them.
/// </summary>
public sealed class ConsoleFormTests
{
    private const string Password = "correct horse battery";

    [Fact]
    public async Task A_value_that_is_not_what_its_field_holds_is_refused_by_name_and_nothing_is_done()
    {
        var ct = CancellationToken.None;
        await using var world = await WebWorld.StartAsync(Customers.ChargedTwice("forms", "Fay Forms", 2900));
        var lead = await world.Service<IStaffDirectory>().CreateAsync("fay@billing.test", "Fay Lead", Password, StaffRoles.Lead, ct);
        var opened = await world.Service<CaseDesk>().OpenWithContextAsync(
            new CaseOpening("cus_forms", "charged twice", CaseSources.Contact, "normal", "A mail about a double charge."), ct);
        using var page = new PageVisitor(world.BaseUrl);
        var signIn = await page.PageAsync("/console/sign-in");
        Assert.Equal(HttpStatusCode.Redirect, (await page.SubmitAsync(signIn, "sign-in", new Dictionary<string, string> { ["email"] = lead.Email, ["password"] = Password })).StatusCode);
        var html = await page.PageAsync($"/console/cases/{opened.Id}");

        using var unknown = await page.SubmitAsync(html, "data-act=\"refund\"", new Dictionary<string, string> { ["type"] = "refund_everything", ["target"] = "ch_forms_2" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var refusal = WebUtility.HtmlDecode(await unknown.Content.ReadAsStringAsync());
        Assert.Contains("'refund_everything' is not one of ", refusal, StringComparison.Ordinal);
        Assert.Contains("card_update_link", refusal, StringComparison.Ordinal);

        using var badVersion = await page.SubmitAsync(html, "handler=Close", new Dictionary<string, string> { ["resolution"] = "Refunded the duplicate.", ["baseVersion"] = "v2" });
        Assert.Equal(HttpStatusCode.BadRequest, badVersion.StatusCode);
        Assert.Contains("'v2' is not valid", WebUtility.HtmlDecode(await badVersion.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        Assert.DoesNotContain(await world.StripeRequestsAsync(), r => r.Path.StartsWith("/v1/refunds", StringComparison.Ordinal));
        Assert.Equal(CaseStatus.Open, (await world.Service<ICaseStore>().GetAsync(opened.Id, ct))!.Status);

        // The same form with an action it knows acts through the gate.
        using var refund = await page.SubmitAsync(html, "data-act=\"refund\"", new Dictionary<string, string> { ["target"] = "ch_forms_2", ["reason"] = "duplicate" });
        Assert.Equal(HttpStatusCode.Redirect, refund.StatusCode);
        Assert.Single(await world.StripeRequestsAsync(), r => r.Path.StartsWith("/v1/refunds", StringComparison.Ordinal) && r.Succeeded);
    }
}
