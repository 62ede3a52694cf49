using Leeway.Agent.Understanding;
using Leeway.Humans;
using Leeway.Identity;
using Leeway.Routing;
using Leeway.Tests.Browser;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;

namespace Leeway.Tests.Observability;

/// <summary>The console's operations page in a real headless Chromium, at desktop and phone width.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OpsPageBrowserTests(Chromium browser)
{
    private const string Password = "correct horse battery";

    [Fact]
    public async Task The_operations_page_is_reached_from_the_console_and_fits_a_phone_without_sideways_scrolling()
    {
        await using var host = await OpsHost.StartAsync();
        for (var day = 0; day < 7; day++)
        {
            host.Time.SetUtcNow(OpsHost.Now.AddDays(day));
            var contact = await host.Log.RecordContactAsync(
                new NewContact(ContactChannel.Chat, "cus_1", true, "pro", "normal", Intent.BillingQuestion, 0.9, new RoutingDecision(Tier.Agent, "general_question", "r", false, true)),
                default);
            await host.Log.RecordOutcomeAsync(contact.Id, day % 3 == 0 ? ContactOutcome.Escalated : ContactOutcome.Answered, null, null, default);
            await host.Log.RecordNudgeAsync("cus_2", "card_expiring", "email", default);
        }

        await host.App.Services.GetRequiredService<IStaffDirectory>().CreateAsync("ops@billing.test", "Oona Ops", Password, StaffRoles.Admin, default);
        var site = host.Anonymous.BaseAddress!;

        browser.GoTo(new Uri(site, "/console/sign-in"));
        browser.Driver.Manage().Cookies.DeleteAllCookies();
        browser.GoTo(new Uri(site, "/console/ops"));
        browser.Wait(d => d.Url.Contains("/console/sign-in", StringComparison.Ordinal));
        browser.Find("#email").SendKeys("ops@billing.test");
        browser.Find("#password").SendKeys(Password);
        browser.ClickAndWait(browser.Find("main form button[type=submit]"));
        browser.Wait(d => d.FindElements(By.CssSelector("h1")).Any(h => h.Text == "Operations"));

        Assert.Equal("page", browser.Find("nav a[href='/console/ops']").GetDomAttribute("aria-current"));
        Assert.Equal(10, browser.FindAll(".ops-chart svg[role=img]").Count);
        Assert.StartsWith("Cost model", browser.Find("table.ops-cost caption").Text, StringComparison.Ordinal);
        // Counts are bars, one a day with its value on hover; every label is legible.
        Assert.Equal(30, browser.FindAll(".ops-chart svg[aria-label='Contacts per day'] rect").Count); // One a day of the default 30-day window.
        Assert.Contains(browser.FindAll(".ops-chart svg[aria-label='Contacts per day'] rect title"), t => t.GetAttribute("textContent")!.EndsWith(": 1", StringComparison.Ordinal));
        AssertChartTextAtLeast(12, "desktop");
        browser.Check("operations page");

        browser.Driver.ExecuteCdpCommand("Emulation.setDeviceMetricsOverride", new Dictionary<string, object?>
        {
            ["width"] = Chromium.Phone.Width,
            ["height"] = Chromium.Phone.Height,
            ["deviceScaleFactor"] = 1,
            ["mobile"] = true,
        });
        try
        {
            browser.Driver.Navigate().Refresh();
            browser.Wait(d => d.FindElements(By.CssSelector("table.ops-cost")).Count == 1);
            var (page, viewport) = (Width("document.documentElement.scrollWidth"), Width("document.documentElement.clientWidth"));
            Assert.True(page <= viewport, $"the page is {page}px wide on a {viewport}px phone");
            // On a phone each cost row is a stack of labelled values.
            Assert.Equal("block", browser.Find("table.ops-cost tbody td").GetCssValue("display"));
            Assert.True(Width("document.querySelector('.ops-chart svg').getBoundingClientRect().width") <= viewport);
            Assert.True(browser.Find("#ops-from").Displayed);
            AssertChartTextAtLeast(12, "phone");
        }
        finally
        {
            browser.Driver.ExecuteCdpCommand("Emulation.clearDeviceMetricsOverride", []);
        }

        if (Environment.GetEnvironmentVariable("LEEWAY_SCREENSHOTS") is { Length: > 0 } folder)
        {
            browser.Screenshot(Path.Combine(folder, "ops-desktop.png"), Chromium.Desktop);
            browser.Screenshot(Path.Combine(folder, "ops-phone.png"), Chromium.Phone);
        }
    }

    /// <summary>The smallest chart text as drawn on screen (its font size times the drawing's scale), in CSS px.</summary>
    private void AssertChartTextAtLeast(double px, string where)
    {
        var smallest = Convert.ToDouble(browser.Driver.ExecuteScript(
            """
            let min = 1e9;
            for (const t of document.querySelectorAll('.ops-chart svg text')) {
              min = Math.min(min, parseFloat(t.getAttribute('font-size')) * t.ownerSVGElement.getScreenCTM().a);
            }
            return min;
            """), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(smallest >= px, $"chart text is {smallest:0.#}px on {where}; at least {px}px is legible");
    }

    private long Width(string script) =>
        Convert.ToInt64(browser.Driver.ExecuteScript($"return Math.ceil({script})")!, System.Globalization.CultureInfo.InvariantCulture);
}
