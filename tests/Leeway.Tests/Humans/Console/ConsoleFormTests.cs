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

        using var badStep = await page.SubmitAsync(html, "handler=Close", new Dictionary<string, string> { ["resolution"] = "Refunded the duplicate.", ["step"] = "publish" });
        Assert.Equal(HttpStatusCode.BadRequest, badStep.StatusCode);
        Assert.Contains("'publish' is not one of preview, save.", WebUtility.HtmlDecode(await badStep.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // Closing is the close form's, with a resolution: the status form knows only the states an open case may take.
        using var badStatus = await page.SubmitAsync(html, "handler=Status", new Dictionary<string, string> { ["status"] = CaseStatus.Closed });
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
        Assert.Contains("'closed' is not one of open, waiting_on_customer, on_hold.", WebUtility.HtmlDecode(await badStatus.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        Assert.DoesNotContain(await world.StripeRequestsAsync(), r => r.Path.StartsWith("/v1/refunds", StringComparison.Ordinal));
        var untouched = (await world.Service<ICaseStore>().GetAsync(opened.Id, ct))!;
        Assert.Equal(CaseStatus.Open, untouched.Status);
        Assert.Null(untouched.Hold);

        // The status form with a state it knows sets it.
        using var onHold = await page.SubmitAsync(html, "handler=Status", new Dictionary<string, string> { ["status"] = CaseStatus.OnHold });
        Assert.Equal(HttpStatusCode.Redirect, onHold.StatusCode);
        Assert.Equal(CaseStatus.OnHold, (await world.Service<ICaseStore>().GetAsync(opened.Id, ct))!.Hold);

        // The same form with an action it knows acts through the gate.
        using var refund = await page.SubmitAsync(html, "data-act=\"refund\"", new Dictionary<string, string> { ["target"] = "ch_forms_2", ["reason"] = "duplicate" });
        Assert.Equal(HttpStatusCode.Redirect, refund.StatusCode);
        Assert.Single(await world.StripeRequestsAsync(), r => r.Path.StartsWith("/v1/refunds", StringComparison.Ordinal) && r.Succeeded);
    }
}
