using Leeway.Audit;
using Leeway.Humans;
using Leeway.Identity;
using Leeway.Knowledge;
using Leeway.Policy;
using Leeway.Policy.Actions;
using Leeway.Tests.Browser;
using OpenQA.Selenium;

namespace Leeway.Tests.Humans.Console;

/// <summary>The staff console in a real headless Chromium, with cases opened through the customer's page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ConsoleBrowserTests(Chromium browser)
{
    private const string Password = "correct horse battery";

    [Fact]
    public async Task A_case_opened_from_the_page_appears_in_the_console_with_its_packet_and_resolving_it_closes_it()
    {
        await using var world = await WebWorld.StartAsync(Customers.FailedPayment("web_help", "Hana Help"));
        var staff = await world.Service<IStaffDirectory>().CreateAsync("ana@billing.test", "Ana Agent", Password, StaffRoles.Lead, CancellationToken.None);
        var cases = world.Service<ICaseStore>();

        world.SignIn(browser, "cus_web_help");
        browser.Find("#human-note").SendKeys("My bank says the money is there now");
        browser.ClickAndWait(browser.Find("#human button[type=submit]"));
        Assert.Contains("billing team has your question", browser.Find("[data-testid=open-case]").Text, StringComparison.Ordinal);
        var opened = Assert.Single(await cases.ListForCustomerAsync("cus_web_help", CancellationToken.None));

        SignInStaff(world, staff.Email);
        var row = browser.Find($"#queue tr[data-case='{opened.Id}']");
        Assert.Contains("Hana Help", row.Text, StringComparison.Ordinal);
        Assert.Contains("web_help@web.leeway.test", row.Text, StringComparison.Ordinal);
        browser.Check("queue with a case from the page");
        browser.ClickAndWait(row.FindElement(By.TagName("a")));
        Assert.Contains("My bank says the money is there now", browser.Find("#transcript").Text, StringComparison.Ordinal);
        browser.Check("case page with a customer's note");
        Assert.Contains("payment_failed_insufficient_funds", browser.Find("#diagnosis").Text, StringComparison.Ordinal);
        Assert.Contains("Billing Health Meter", browser.Find("#summary").Text, StringComparison.Ordinal);

        browser.Find("#reply-text").SendKeys("Hi Hana, you can retry the payment from your page now.");
        browser.ClickAndWait(browser.Find("#reply button[type=submit]"));
        world.SignIn(browser, "cus_web_help");
        // The team's reply is in the customer's one conversation, with the person's name.
        Assert.Contains("you can retry the payment from your page now", browser.Find("#conversation .msg-human").Text, StringComparison.Ordinal);
        Assert.Contains("Ana Agent", browser.Find("#conversation .msg-human").Text, StringComparison.Ordinal);

        SignInStaff(world, staff.Email);
        browser.GoTo(world.Url($"/console/cases/{opened.Id}"));
        browser.Find("#resolution").SendKeys("Funds were back; the customer retried from the meter.");
        browser.Find("#article-new").Click();
        browser.Find("#article-title").SendKeys("Paying after an insufficient-funds decline");
        browser.ClickAndWait(browser.Find("#close button[type=submit]"));

        Assert.Empty(browser.FindAll($"#queue tr[data-case='{opened.Id}']"));
        var closed = await cases.GetAsync(opened.Id, CancellationToken.None);
        Assert.Equal(CaseStatus.Closed, closed!.Status);
        Assert.Equal("Funds were back; the customer retried from the meter.", closed.Resolution);
        var hits = await world.Service<IKnowledgeBase>().SearchAsync("paying after an insufficient-funds decline", null, 5, CancellationToken.None);
        Assert.Contains(hits, h => h.Article.Title == "Paying after an insufficient-funds decline");
        var audited = await world.Service<IAuditLog>().ListAsync(new AuditQuery(Principal: $"staff:{staff.Id}"), CancellationToken.None);
        Assert.All(audited, e => Assert.Equal($"human:{staff.Id}", e.Actor));
        Assert.Contains(audited, e => e.Action == "staff_sign_in");
        Assert.Contains(audited, e => e.Action == "case_reply" && e.Customer == "cus_web_help");
        Assert.Contains(audited, e => e.Action == "case_close" && e.Customer == "cus_web_help");
    }

    [Fact]
    public async Task An_over_cap_refund_refused_on_the_page_goes_to_a_person_whose_approval_runs_through_the_gate_once()
    {
        // Above the default automatic refund limit (5000), so the customer's click is refused and a person is asked.
        await using var world = await WebWorld.StartAsync(Customers.ChargedTwice("web_big", "Bea Big", 7500));
        var staff = await world.Service<IStaffDirectory>().CreateAsync("lead@billing.test", "Lea Lead", Password, StaffRoles.Lead, CancellationToken.None);

        world.SignIn(browser, "cus_web_big");
        browser.ClickAndWait(browser.Find("form[data-fix=refund_duplicate] button[type=submit]"));
        Assert.Contains("A person on our billing team has it now", browser.Find("[data-testid=notice]").Text, StringComparison.Ordinal);
        var opened = Assert.Single(await world.Service<ICaseStore>().ListForCustomerAsync("cus_web_big", CancellationToken.None));
        Assert.Contains(opened.Packet.ActionsAttempted, a => a.Action == ActionType.Refund && !a.Allowed && a.HumanCanGrant);
        Assert.Empty(await RefundsAsync(world));

        SignInStaff(world, staff.Email);
        browser.GoTo(world.Url($"/console/cases/{opened.Id}"));
        browser.Check("case page with an approval to give");
        var approve = browser.Find("form[data-approve=refund] button[type=submit]");
        browser.ClickAndWait(approve);

        Assert.Contains("Approved", browser.Driver.PageSource, StringComparison.Ordinal);
        var refund = Assert.Single(await RefundsAsync(world));
        Assert.Equal("ch_web_big_2", refund.Params["charge"]);
        var entries = await world.Service<IAuditLog>().ListAsync(new AuditQuery(Customer: "cus_web_big", Action: "refund"), CancellationToken.None);
        Assert.Contains(entries, e => e.ApprovedBy == staff.Id && e.Actor == $"human:{staff.Id}" && e.Decision == AuditDecision.Allowed);
    }

    private void SignInStaff(WebWorld world, string email)
    {
        browser.Driver.Manage().Cookies.DeleteAllCookies();
        browser.GoTo(world.Url("/console"));
        browser.Wait(d => d.Url.Contains("/console/sign-in", StringComparison.Ordinal));
        browser.Find("#email").SendKeys(email);
        browser.Find("#password").SendKeys(Password);
        browser.ClickAndWait(browser.Find("main form button[type=submit]"));
        browser.Wait(d => d.FindElements(By.CssSelector("h1")).Any(h => h.Text == "Case queue"));
    }

    private static async Task<List<Leeway.Eval.SandboxRequest>> RefundsAsync(WebWorld world) =>
        (await world.StripeRequestsAsync()).Where(r => r.Method == "POST" && r.Path.EndsWith("/refunds", StringComparison.Ordinal) && r.Succeeded).ToList();
}
