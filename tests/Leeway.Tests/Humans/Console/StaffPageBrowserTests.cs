using Leeway.Audit;
using Leeway.Humans;
using Leeway.Identity;
using Leeway.Tests.Browser;
using OpenQA.Selenium;

namespace Leeway.Tests.Humans.Console;

/// <summary>The admins' staff page in a real headless Chromium: the list, disable and enable, a role change, and who may see it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class StaffPageBrowserTests(Chromium browser)
{
    private const string Password = "correct horse battery";

    [Fact]
    public async Task An_admin_lists_staff_disables_and_enables_an_agent_and_changes_a_role_and_a_lead_cannot_open_the_page()
    {
        await using var world = await WebWorld.StartAsync(Customers.Healthy("staff_page", "Pia Page"));
        var directory = world.Service<IStaffDirectory>();
        var admin = await directory.CreateAsync("adm@billing.test", "Ari Admin", Password, StaffRoles.Admin, CancellationToken.None);
        var agent = await directory.CreateAsync("agt@billing.test", "Aga Agent", Password, StaffRoles.Agent, CancellationToken.None);
        var lead = await directory.CreateAsync("led@billing.test", "Leo Lead", Password, StaffRoles.Lead, CancellationToken.None);

        SignIn(world, lead.Email);
        Assert.Empty(browser.FindAll("nav a[href='/console/staff']"));
        browser.GoTo(world.Url("/console/staff"));
        browser.Wait(d => d.PageSource.Contains("does not allow this", StringComparison.Ordinal));
        Assert.Contains("Your role (lead) does not allow this.", browser.Find("body").Text, StringComparison.Ordinal);

        SignIn(world, admin.Email);
        browser.ClickAndWait(browser.Find("nav a[href='/console/staff']"));
        Assert.Equal(3, browser.FindAll("#staff tbody tr").Count);
        Assert.Equal("agent", Row(agent.Id).GetDomAttribute("data-role"));
        Assert.Equal("enabled", Row(agent.Id).GetDomAttribute("data-state"));
        Assert.Empty(Row(admin.Id).FindElements(By.CssSelector("button"))); // No way to lock oneself out.
        browser.Check("staff page");

        browser.ClickAndWait(browser.Find($"button[data-disable='{agent.Id}']"));
        Assert.Contains("Aga Agent is disabled", browser.Find("#staff-notice").Text, StringComparison.Ordinal);
        Assert.Equal("disabled", Row(agent.Id).GetDomAttribute("data-state"));
        Assert.True((await directory.GetAsync(agent.Id, CancellationToken.None))!.IsDisabled);
        Assert.Null(await directory.VerifyAsync(agent.Email, Password, CancellationToken.None));

        browser.ClickAndWait(browser.Find($"button[data-enable='{agent.Id}']"));
        Assert.Equal("enabled", Row(agent.Id).GetDomAttribute("data-state"));
        Assert.NotNull(await directory.VerifyAsync(agent.Email, Password, CancellationToken.None));

        browser.Find($"#role-{lead.Id}").SendKeys(StaffRoles.Agent); // Typing an option's text selects it, as a person would.
        browser.ClickAndWait(browser.Find($"button[data-set-role='{lead.Id}']"));
        Assert.Equal("agent", Row(lead.Id).GetDomAttribute("data-role"));
        Assert.Equal(StaffRoles.Agent, (await directory.GetAsync(lead.Id, CancellationToken.None))!.Role);

        var audited = await world.Service<IAuditLog>().ListAsync(new AuditQuery(Principal: $"staff:{admin.Id}"), CancellationToken.None);
        Assert.Contains(audited, e => e.Action == "staff_disable" && e.Parameters.Contains(agent.Id, StringComparison.Ordinal));
        Assert.Contains(audited, e => e.Action == "staff_enable" && e.Parameters.Contains(agent.Id, StringComparison.Ordinal));
        Assert.Contains(audited, e => e.Action == "staff_role" && e.Parameters.Contains(lead.Id, StringComparison.Ordinal));
    }

    private IWebElement Row(string staffId) => browser.Find($"#staff tr[data-staff='{staffId}']");

    private void SignIn(WebWorld world, string email)
    {
        browser.Driver.Manage().Cookies.DeleteAllCookies();
        browser.GoTo(world.Url("/console"));
        browser.Wait(d => d.Url.Contains("/console/sign-in", StringComparison.Ordinal));
        browser.Find("#email").SendKeys(email);
        browser.Find("#password").SendKeys(Password);
        browser.ClickAndWait(browser.Find("main form button[type=submit]"));
        browser.Wait(d => d.FindElements(By.CssSelector("h1")).Any(h => h.Text == "Case queue"));
    }
}
