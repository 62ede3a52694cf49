using Leeway.Audit;
using Leeway.Humans;
using Leeway.Identity;
using Leeway.Tests.Browser;
using OpenQA.Selenium;

namespace Leeway.Tests.Humans.Console;

/// <summary>
/// The console as an agent works it, in Chromium at desktop and phone widths with axe on every state: the queue with
/// names, search, filters, "Take" and its keyboard order; the case page with the billing history, notes apart from
/// replies, waiting states, and a refund typed in currency units that goes through the gate as the agent.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ConsoleWorkBrowserTests(Chromium browser)
{
    private const string Password = "correct horse battery";

    [Fact]
    public async Task An_agent_finds_takes_and_works_a_case_and_refunds_in_currency_units_through_the_gate()
    {
        await using var world = await WebWorld.StartAsync(Customers.ChargedTwice("web_two", "Tia Twice", 4900), Customers.FailedPayment("web_fail", "Finn Fail"));
        var agent = await world.Service<IStaffDirectory>().CreateAsync("ana@billing.test", "Ana Agent", Password, StaffRoles.Agent, CancellationToken.None);
        var cases = world.Service<ICaseStore>();
        var tia = await cases.OpenAsync("cus_web_two", "Charged twice for November", "agent", "normal", Packet("conv_tia", "I was charged twice this month."), CancellationToken.None);
        var finn = await cases.OpenAsync("cus_web_fail", "Payment failed", "dashboard", "high", Packet("conv_finn", "My payment failed."), CancellationToken.None);

        browser.Driver.Manage().Cookies.DeleteAllCookies();
        browser.GoTo(world.Url("/console/sign-in"));
        browser.Check("console sign-in");
        SignInStaff(world, agent.Email);

        // The queue: names and e-mails, not ids; the riskiest due first.
        var tiaRow = browser.Find($"#queue tr[data-case='{tia.Id}']");
        Assert.Contains("Tia Twice", tiaRow.Text, StringComparison.Ordinal);
        Assert.Contains("web_two@web.leeway.test", tiaRow.Text, StringComparison.Ordinal);
        Assert.Equal(finn.Id, browser.FindAll("#queue tbody tr")[0].GetAttribute("data-case"));
        browser.Check("case queue");
        AssertKeyboardReachesSearchBeforeTheList();

        browser.Find("#q").SendKeys("finn");
        browser.ClickAndWait(browser.Find(".queue-filters button[type=submit]"));
        Assert.Equal([finn.Id], browser.FindAll("#queue tbody tr").Select(r => r.GetAttribute("data-case")!).ToArray());
        browser.GoTo(world.Url("/console?risk=normal"));
        Assert.Equal([tia.Id], browser.FindAll("#queue tbody tr").Select(r => r.GetAttribute("data-case")!).ToArray());

        browser.ClickAndWait(browser.Find($"button[data-take='{tia.Id}']"));
        Assert.Contains("You", browser.Find($"#queue tr[data-case='{tia.Id}']").Text, StringComparison.Ordinal);
        browser.GoTo(world.Url("/console?assignee=me"));
        Assert.Equal([tia.Id], browser.FindAll("#queue tbody tr").Select(r => r.GetAttribute("data-case")!).ToArray());
        Assert.Equal(agent.Id, (await cases.GetAsync(tia.Id, CancellationToken.None))!.Assignee);

        // The case page: the customer by name, the diagnosis kept current and given room, the billing history beside it.
        browser.ClickAndWait(browser.Find($"#queue tr[data-case='{tia.Id}'] a"));
        Assert.Contains("Tia Twice", browser.Find("h1").Text, StringComparison.Ordinal);
        Assert.DoesNotContain(agent.Id, browser.Find("main").Text, StringComparison.Ordinal);
        Assert.DoesNotContain("No diagnosis came with the case", browser.Find("#diagnosis").Text, StringComparison.Ordinal);
        Assert.True(browser.Find("#diagnosis").Size.Width >= 500, $"the diagnosis is {browser.Find("#diagnosis").Size.Width}px wide at 1280");
        var history = browser.Find("#history").Text;
        Assert.Contains("Invoice", history, StringComparison.Ordinal);
        Assert.Contains("Payment", history, StringComparison.Ordinal);
        Assert.Contains("Card", history, StringComparison.Ordinal);
        browser.Check("case page");
        using (browser.At(Chromium.Phone))
        {
            var overflow = Convert.ToInt64(browser.Driver.ExecuteScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth"), System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(overflow <= 0, $"the case page scrolls sideways by {overflow}px on a phone");
        }

        // An internal note stays with the team; the case waits on the customer.
        browser.Find("#note-text").SendKeys("Bank confirmed the second charge is a duplicate.");
        browser.ClickAndWait(browser.Find("#notes button[type=submit]"));
        Assert.Contains("Bank confirmed the second charge", browser.Find("#notes").Text, StringComparison.Ordinal);
        Assert.DoesNotContain((await cases.GetAsync(tia.Id, CancellationToken.None))!.Packet.Transcript, l => l.Text.Contains("Bank confirmed", StringComparison.Ordinal));
        browser.Find($"#case-status option[value={CaseStatus.WaitingOnCustomer}]").Click();
        browser.ClickAndWait(browser.Find("#work form[action*=Status] button"));
        Assert.Equal(CaseStatus.WaitingOnCustomer, browser.Find("#case-state").GetAttribute("data-state"));

        // A refund without the gate having refused anything first, typed as money: a bad amount is refused and nothing moves.
        browser.Find("#refund-charge option[value=ch_web_two_2]").Click();
        browser.Find("#refund-amount").SendKeys("12.505");
        browser.ClickAndWait(browser.Find("form[data-act=refund] button[type=submit]"));
        Assert.Contains("has 2 decimals", browser.Find("#case-error").Text, StringComparison.Ordinal);
        browser.Check("case page with a bad amount");
        Assert.Empty(await RefundsAsync(world));

        browser.Find("#refund-charge option[value=ch_web_two_2]").Click();
        browser.Find("#refund-amount").SendKeys("12.50");
        browser.ClickAndWait(browser.Find("form[data-act=refund] button[type=submit]"));
        Assert.Contains("The gate acted as you", browser.Driver.PageSource, StringComparison.Ordinal);
        var refund = Assert.Single(await RefundsAsync(world));
        Assert.Equal(("ch_web_two_2", "1250"), (refund.Params["charge"], refund.Params["amount"]));
        var audited = await world.Service<IAuditLog>().ListAsync(new AuditQuery(Customer: "cus_web_two", Action: "refund"), CancellationToken.None);
        Assert.Contains(audited, e => e.Actor == $"human:{agent.Id}" && e.Principal == $"staff:{agent.Id}" && e.Decision == AuditDecision.Allowed);
        Assert.Contains("Refund", browser.Find("#history").Text, StringComparison.Ordinal);
        browser.Check("case page after a refund");
    }

    private static HandoffPacket Packet(string conversation, string said) =>
        new(conversation, [new TranscriptLine("customer", said, WebWorld.Now)], null, [], said);

    /// <summary>Tab from the top of the page: the search comes before the list, and every stop shows where focus is.</summary>
    private void AssertKeyboardReachesSearchBeforeTheList()
    {
        browser.Find("body").Click();
        ((IJavaScriptExecutor)browser.Driver).ExecuteScript("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);");
        var order = new List<string>();
        for (var i = 0; i < 25; i++)
        {
            new OpenQA.Selenium.Interactions.Actions(browser.Driver).SendKeys(Keys.Tab).Perform();
            var stop = (string)((IJavaScriptExecutor)browser.Driver).ExecuteScript(
                """
                const el = document.activeElement;
                const s = getComputedStyle(el);
                const visible = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
                return (el.id || el.getAttribute('data-take') && 'take' || el.tagName.toLowerCase()) + (visible ? '' : ':invisible');
                """)!;
            if (stop.StartsWith("body", StringComparison.Ordinal))
            {
                break; // Past the last control: the browser's own UI is next.
            }

            order.Add(stop);
        }

        Assert.DoesNotContain(order, s => s.EndsWith(":invisible", StringComparison.Ordinal));
        var search = order.IndexOf("q");
        var take = order.IndexOf("take");
        Assert.True(search >= 0 && (take < 0 || search < take), $"focus order: {string.Join(", ", order)}");
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
