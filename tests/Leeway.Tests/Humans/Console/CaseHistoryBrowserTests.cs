using Leeway.Agent;
using Leeway.Agent.Conversations;
using Leeway.Humans;
using Leeway.Identity;
using Leeway.Tests.Browser;
using OpenQA.Selenium;

namespace Leeway.Tests.Humans.Console;

/// <summary>
/// The case page's billing timeline holds the customer's earlier conversations and cases: a question Lee answered
/// (no case holds it) with what was said, an earlier closed case with its link, and not the conversation the case
/// itself came from (it is the page's own transcript). At desktop and phone widths, axe on every state.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CaseHistoryBrowserTests(Chromium browser)
{
    private const string Password = "correct horse battery";

    [Fact]
    public async Task The_case_page_shows_the_customers_earlier_conversations_and_cases()
    {
        var ct = CancellationToken.None;
        await using var world = await WebWorld.StartAsync(Customers.FailedPayment("web_hist", "Hana History"));
        var agent = await world.Service<IStaffDirectory>().CreateAsync("hal@billing.test", "Hal Agent", Password, StaffRoles.Agent, ct);
        var conversations = world.Service<ConversationStore>();
        var lee = world.Service<AgentLee>();
        var cases = world.Service<ICaseStore>();

        // Earlier: a question Lee answered on its own, and a case a person closed.
        var question = await conversations.StartAsync("cus_web_hist", "chat", ct);
        await lee.HandleAsync(question, "When does my plan renew?", ct);
        var earlier = await cases.OpenAsync("cus_web_hist", "Asked about an old invoice", "agent", "normal",
            new HandoffPacket("conv_earlier", [new TranscriptLine("customer", "Where is my October invoice?", WebWorld.Now.AddDays(-20))], null, [], "Asked about an old invoice"), ct);
        await cases.CloseAsync(earlier.Id, agent.Id, "Sent the October invoice by e-mail.", ct);

        // Now: the customer asks Lee for a person, which opens the case this page is about.
        var handoff = await conversations.StartAsync("cus_web_hist", "chat", ct);
        await lee.HandleAsync(handoff, "My payment failed and I would like to talk to a person, please.", ct);
        var current = Assert.Single(await cases.ListForCustomerAsync("cus_web_hist", ct), c => c.Status != CaseStatus.Closed);
        Assert.Equal(handoff.Id, current.Packet.ConversationId);

        SignInStaff(world, agent.Email);
        browser.GoTo(world.Url($"/console/cases/{current.Id}"));
        var history = browser.Find("#history");

        var talk = Assert.Single(history.FindElements(By.CssSelector("li[data-kind=Conversation]")));
        Assert.Contains("Chat with Lee", talk.Text, StringComparison.Ordinal);
        Assert.Contains("When does my plan renew?", talk.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("talk to a person", history.Text, StringComparison.Ordinal);
        var closed = Assert.Single(history.FindElements(By.CssSelector("li[data-kind=Case]")));
        Assert.Contains("Asked about an old invoice", closed.Text, StringComparison.Ordinal);
        Assert.EndsWith($"/console/cases/{earlier.Id}", closed.FindElement(By.TagName("a")).GetAttribute("href"), StringComparison.Ordinal);
        browser.Check("case page with earlier conversations");

        // What was said opens in place: the customer's words and Lee's answer, by name.
        var said = talk.FindElement(By.CssSelector("details.earlier"));
        said.FindElement(By.TagName("summary")).Click();
        browser.Wait(_ => said.GetAttribute("open") is not null);
        var lines = said.FindElements(By.CssSelector(".transcript li"));
        Assert.True(lines.Count >= 2, $"{lines.Count} lines in the earlier conversation");
        Assert.StartsWith("Customer", lines[0].Text, StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Text.StartsWith("Lee", StringComparison.Ordinal));
        browser.Check("case page with an earlier conversation open");
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
}
