using Leeway.Tests.Browser;
using OpenQA.Selenium;
using OpenQA.Selenium.Interactions;

namespace Leeway.Tests.SelfHeal;

/// <summary>The Billing Health Meter in a real headless Chromium against a real sandbox and product host.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MeterBrowserTests(Chromium browser)
{
    [Fact]
    public async Task A_red_meter_for_a_failed_payment_turns_green_after_the_one_click_retry_and_stripe_records_one_payment()
    {
        await using var world = await WebWorld.StartAsync(Customers.FailedPayment("web_funds", "Frank Funds"));
        world.SignIn(browser, "cus_web_funds");

        var meter = browser.Find("#meter");
        Assert.Equal("red", meter.GetDomAttribute("data-status"));
        Assert.Equal("payment_failed_insufficient_funds", meter.GetDomAttribute("data-root-cause"));
        Assert.Equal("1", browser.Find("[role=meter]").GetDomAttribute("aria-valuenow"));
        browser.Check("a red meter");

        browser.ClickAndWait(browser.Find("form[data-fix=retry_payment] button[type=submit]"));

        Assert.Equal("green", browser.Find("#meter").GetDomAttribute("data-status"));
        Assert.Contains("$49.00", browser.Find("[data-testid=notice]").Text, StringComparison.Ordinal);
        Assert.Empty(browser.FindAll("form[data-fix]"));
        Assert.Single(await PaymentsAsync(world, "in_web_funds"));
        Assert.Equal("paid", (await world.StripeObjectAsync("in_web_funds"))?["status"]?.GetValue<string>());
        browser.Check("a green meter after a fix");
    }

    [Fact]
    public async Task A_double_click_and_a_resubmitted_form_act_once()
    {
        await using var world = await WebWorld.StartAsync(Customers.FailedPayment("web_double", "Dana Double"));
        world.SignIn(browser, "cus_web_double");
        var button = browser.Find("form[data-fix=retry_payment] button[type=submit]");

        // The same click id, four times: two posts at once from the page (a resubmit), then a real double click.
        browser.Driver.ExecuteAsyncScript(
            """
            const done = arguments[arguments.length - 1];
            const form = document.querySelector('form[data-fix=retry_payment]');
            const body = new URLSearchParams(new FormData(form));
            const post = () => fetch(form.action, { method: 'POST', body, redirect: 'manual' });
            Promise.all([post(), post()]).then(() => done(), () => done());
            """);
        new Actions(browser.Driver).DoubleClick(button).Perform();
        browser.Wait(d => Chromium.IsStale(button) && d.FindElements(By.CssSelector("#meter[data-status=green]")).Count == 1);

        Assert.Single(await PaymentsAsync(world, "in_web_double"));
        Assert.Equal("paid", (await world.StripeObjectAsync("in_web_double"))?["status"]?.GetValue<string>());
    }

    [Fact]
    public async Task A_customer_cannot_open_another_customers_page()
    {
        await using var world = await WebWorld.StartAsync(
            Customers.Healthy("web_alice", "Alice Own"),
            Customers.FailedPayment("web_bob", "Bobby Other"));
        world.SignIn(browser, "cus_web_alice");

        browser.GoTo(world.Url("/customers/cus_web_bob"));
        Assert.Empty(browser.FindAll("#meter"));
        Assert.DoesNotContain("Bobby", browser.Driver.PageSource, StringComparison.Ordinal);
        Assert.DoesNotContain("web_bob@", browser.Driver.PageSource, StringComparison.Ordinal);
        Assert.Contains("404", browser.Driver.PageSource, StringComparison.Ordinal);

        browser.GoTo(world.Url("/customers/cus_web_alice"));
        Assert.Equal("green", browser.Find("#meter").GetDomAttribute("data-status"));
        Assert.Contains("Alice Own", browser.Find(".who").Text, StringComparison.Ordinal);

        // A token is the only way in: without the cookie, /me is the sign-in page and shows nobody's billing.
        browser.Driver.Manage().Cookies.DeleteAllCookies();
        browser.GoTo(world.Url("/me"));
        browser.Wait(d => d.Url.Contains("/me/sign-in", StringComparison.Ordinal));
        Assert.Empty(browser.FindAll("#meter"));
    }

    private static async Task<List<Leeway.Eval.SandboxRequest>> PaymentsAsync(WebWorld world, string invoiceId) =>
        (await world.StripeRequestsAsync())
            .Where(r => r.Method == "POST" && r.Path.EndsWith($"/invoices/{invoiceId}/pay", StringComparison.Ordinal) && r.Succeeded)
            .ToList();
}
