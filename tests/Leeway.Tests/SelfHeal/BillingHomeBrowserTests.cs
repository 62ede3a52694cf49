using System.Net;
using System.Text.RegularExpressions;
using Leeway.Audit;
using Leeway.Identity;
using Leeway.SelfHeal;
using Leeway.Tests.Browser;
using OpenQA.Selenium;

namespace Leeway.Tests.SelfHeal;

/// <summary>
/// The meter as the customer's billing home, in a real Chromium against a real sandbox: plan, renewal or cancellation
/// ("Keep my plan" through the gate), card, invoices with Stripe's links, refunds; money owed is never "All good"; the
/// URLs Stripe returns to exist; browsers get HTML error pages; the copy has no ids and speaks the customer's language.
/// Every page state is held to axe-core and 44px touch targets at 1280x800 and 390x844.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class BillingHomeBrowserTests(Chromium browser)
{
    [Fact]
    public async Task The_billing_home_shows_plan_card_invoices_and_refunds_and_keep_my_plan_undoes_the_cancellation_through_the_gate()
    {
        await using var world = await WebWorld.StartAsync(Customers.Cancelling("web_keep", "Kim Keep"));
        world.SignIn(browser, "cus_web_keep");
        var invoice = (await world.StripeObjectAsync("in_web_keep"))!;
        var number = invoice["number"]!.GetValue<string>();

        Assert.Contains("Cancels on", browser.Find("[data-testid=cancels]").Text, StringComparison.Ordinal);
        Assert.Contains("$20.00 per month", browser.Find("[data-testid=plan]").Text, StringComparison.Ordinal);
        Assert.Contains("Visa ending in 4000", browser.Find("[data-testid=card]").Text, StringComparison.Ordinal);
        Assert.Contains("05/2029", browser.Find("[data-testid=card]").Text, StringComparison.Ordinal);
        var row = browser.Find("table.invoices tbody tr");
        Assert.Contains(number, row.Text, StringComparison.Ordinal);
        Assert.Contains("$20.00", row.Text, StringComparison.Ordinal);
        Assert.Contains("Paid", row.Text, StringComparison.Ordinal);
        Assert.Equal(invoice["hosted_invoice_url"]!.GetValue<string>(), row.FindElement(By.CssSelector("td.links a:first-child")).GetDomAttribute("href"));
        Assert.Equal(invoice["invoice_pdf"]!.GetValue<string>(), row.FindElement(By.CssSelector("td.links a:last-child")).GetDomAttribute("href"));
        var refund = browser.Find("[data-testid=refunds] li");
        Assert.Contains("$5.00", refund.Text, StringComparison.Ordinal);
        Assert.Contains("Pending", refund.Text, StringComparison.Ordinal);
        Assert.Contains(number, refund.Text, StringComparison.Ordinal);
        AssertNoIdsOrCodes();
        browser.Check("the billing home with a scheduled cancellation");

        browser.ClickAndWait(browser.Find("form[data-keep] button[type=submit]"));

        Assert.Contains("Your plan continues", browser.Find("[data-testid=notice]").Text, StringComparison.Ordinal);
        Assert.Equal("notice", browser.Driver.ExecuteScript("return document.activeElement && document.activeElement.id"));
        Assert.Empty(browser.FindAll("form[data-keep]"));
        Assert.Contains("Renews on", browser.Find("[data-testid=renews]").Text, StringComparison.Ordinal);
        Assert.False((await world.StripeObjectAsync("sub_web_keep"))!["cancel_at_period_end"]!.GetValue<bool>());
        var writes = (await world.StripeRequestsAsync()).Where(r => r.Method == "POST" && r.Path.EndsWith("/subscriptions/sub_web_keep", StringComparison.Ordinal)).ToList();
        Assert.Equal("false", Assert.Single(writes).Params["cancel_at_period_end"]);
        var audited = Assert.Single(await world.Service<IAuditLog>().ListAsync(new AuditQuery(Customer: "cus_web_keep", Action: "resume_subscription"), CancellationToken.None));
        Assert.Equal("allowed", audited.Decision);
        Assert.False(string.IsNullOrEmpty(audited.IdempotencyKey));
        browser.Check("the billing home after keeping the plan");
    }

    [Fact]
    public async Task Money_still_owed_is_never_all_good_and_the_meter_offers_to_pay_it()
    {
        await using var world = await WebWorld.StartAsync(Customers.Owing("web_owe", "Olga Owe"));
        world.SignIn(browser, "cus_web_owe");
        var invoice = (await world.StripeObjectAsync("in_web_owe"))!;

        Assert.NotEqual("green", browser.Find("#meter").GetDomAttribute("data-status"));
        Assert.DoesNotContain("All good", browser.Find("[data-testid=status]").Text, StringComparison.Ordinal);
        var owed = browser.Find("[data-testid=owed]").Text;
        Assert.Contains("$49.00", owed, StringComparison.Ordinal);
        Assert.Contains(invoice["number"]!.GetValue<string>(), owed, StringComparison.Ordinal);
        Assert.Equal("Due", browser.Find("tr[data-invoice-status=open] .tag").Text);
        // The diagnosis itself says it (the same answer the API and Lee give), with the way to pay as the one button.
        Assert.Equal("payment_due", browser.Find("#meter").GetDomAttribute("data-root-cause"));
        Assert.Equal("A payment is waiting for you", browser.Find("#meter h2.cause").Text);
        var pay = browser.Find("#meter a[data-pay=link]");
        Assert.Equal(invoice["hosted_invoice_url"]!.GetValue<string>(), pay.GetDomAttribute("href"));
        Assert.Equal("Pay $49.00 now", pay.Text);
        AssertNoIdsOrCodes();
        browser.Check("a meter with money owed");
    }

    [Fact]
    public async Task The_urls_stripe_returns_to_land_on_the_meter_with_a_notice()
    {
        await using var world = await WebWorld.StartAsync(Customers.Healthy("web_back", "Bea Back"));
        world.SignIn(browser, "cus_web_back");

        browser.GoTo(world.Url("/billing?card=updated"));
        browser.Wait(d => d.Url.Contains("/me?returned=card_updated", StringComparison.Ordinal) && d.FindElements(By.Id("notice")).Count == 1);
        Assert.Contains("new card is saved", browser.Find("#notice").Text, StringComparison.Ordinal);
        Assert.Equal("notice", browser.Driver.ExecuteScript("return document.activeElement && document.activeElement.id"));
        browser.Check("the meter after Stripe's card page");

        browser.GoTo(world.Url("/billing?checkout=canceled"));
        browser.Wait(d => d.Url.Contains("returned=checkout_canceled", StringComparison.Ordinal) && d.FindElements(By.Id("notice")).Count == 1);
        Assert.Contains("Nothing was paid", browser.Find("#notice").Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Browsers_get_html_error_pages_and_api_clients_get_problem_details()
    {
        await using var world = await WebWorld.StartAsync(Customers.Healthy("web_lost", "Lou Lost"));
        world.SignIn(browser, "cus_web_lost");

        browser.GoTo(world.Url("/no/such/page"));
        Assert.Equal("We can't find that page", browser.Find("h1").Text);
        Assert.Equal("404", browser.Find("[data-status-code]").GetDomAttribute("data-status-code"));
        browser.Check("the 404 page");

        using var http = new HttpClient { BaseAddress = world.BaseUrl };
        using var api = new HttpRequestMessage(HttpMethod.Get, "/no/such/page");
        api.Headers.Accept.ParseAdd("application/json");
        using var apiAnswer = await http.SendAsync(api);
        Assert.Equal(HttpStatusCode.NotFound, apiAnswer.StatusCode);
        Assert.Equal("application/problem+json", apiAnswer.Content.Headers.ContentType?.MediaType);

        // Under /api a browser's Accept does not turn an error into a page: API clients always get JSON.
        using var underApi = new HttpRequestMessage(HttpMethod.Get, "/api/v1/no-such-thing");
        underApi.Headers.Accept.ParseAdd("text/html");
        using var underApiAnswer = await http.SendAsync(underApi);
        Assert.NotEqual("text/html", underApiAnswer.Content.Headers.ContentType?.MediaType);

        using var page = new HttpRequestMessage(HttpMethod.Get, "/error/500");
        page.Headers.Accept.ParseAdd("text/html");
        using var pageAnswer = await http.SendAsync(page);
        Assert.Equal(HttpStatusCode.InternalServerError, pageAnswer.StatusCode);
        Assert.Contains("Something went wrong on our side", await pageAnswer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Once_Lee_sorts_the_problem_in_the_conversation_the_survey_asks_once()
    {
        await using var world = await WebWorld.StartAsync(Customers.FailedPayment("web_sorted", "Sol Sorted"));
        world.SignIn(browser, "cus_web_sorted");
        Assert.Empty(browser.FindAll("#survey"));

        browser.Find("#chat-text").SendKeys("Please retry the payment now.");
        browser.ClickAndWait(browser.Find("form.composer button[type=submit]"));

        // One thread: the customer's words and Lee's, the composer below them; the meter green; then the one question.
        var thread = browser.Find("#conversation").Text;
        Assert.Contains("Please retry the payment now.", thread, StringComparison.Ordinal);
        Assert.Contains("Lee", thread, StringComparison.Ordinal);
        Assert.Equal("green", browser.Find("#meter").GetDomAttribute("data-status"));
        Assert.Single(browser.FindAll("#survey"));
        browser.Check("the conversation once the problem is sorted, with the survey");

        browser.Find("#survey input[name=score][value='5']").FindElement(By.XPath("..")).Click();
        browser.ClickAndWait(browser.Find("#survey button[type=submit]"));
        Assert.Empty(browser.FindAll("#survey"));
        browser.Check("the conversation after the survey");
    }

    [Fact]
    public async Task A_refused_fix_is_replaced_by_a_person_has_this_and_no_survey_comes_at_the_handoff()
    {
        // A duplicate charge over the automatic refund limit: the gate refuses, a person can grant it.
        await using var world = await WebWorld.StartAsync(Customers.ChargedTwice("web_big", "Bo Big", 9900));
        world.SignIn(browser, "cus_web_big");

        browser.ClickAndWait(browser.Find("form[data-fix=refund_duplicate] button[type=submit]"));

        Assert.Equal("notice", browser.Driver.ExecuteScript("return document.activeElement && document.activeElement.id"));
        Assert.Contains("A person on our billing team has it now", browser.Find("[data-testid=notice]").Text, StringComparison.Ordinal);
        Assert.Empty(browser.FindAll("form[data-fix=refund_duplicate]"));
        Assert.Equal("A person has this", browser.Find("[data-fix-with-person=refund_duplicate] .tag").Text);
        Assert.Contains("usually replies within", browser.Find("[data-testid=reply-within]").Text, StringComparison.Ordinal);
        Assert.Empty(browser.FindAll("#survey"));
        AssertNoIdsOrCodes();
        browser.Check("a refused fix handed to a person");
    }

    [Theory]
    [InlineData("de-DE,de;q=0.9,en;q=0.5", "de", "Ihr Abrechnungsstatus", "Alles in Ordnung")]
    [InlineData("es-ES,es;q=0.9", "es", "El estado de tu facturación", "Todo en orden")]
    [InlineData("fr-FR,fr;q=0.9", "fr", "L'état de votre facturation", "Tout va bien")]
    [InlineData("ja-JP,pt;q=0.8", "pt", "O estado da sua faturação", "Tudo em ordem")]
    public async Task The_meter_speaks_the_customers_language(string acceptLanguage, string lang, string title, string status)
    {
        await using var world = await WebWorld.StartAsync(Customers.Healthy("web_lang", "Lia Lang"));
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = world.BaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/me");
        request.Headers.Add("Cookie", $"{CustomerCookieAuthenticationHandler.CookieName}={world.Service<CustomerTokens>().Issue("cus_web_lang")}");
        request.Headers.Add("Accept-Language", acceptLanguage);
        request.Headers.Accept.ParseAdd("text/html");

        using var answer = await http.SendAsync(request);
        var html = WebUtility.HtmlDecode(await answer.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains($"<html lang=\"{lang}\">", html, StringComparison.Ordinal);
        Assert.Contains(title, html, StringComparison.Ordinal);
        Assert.Contains(status, html, StringComparison.Ordinal);
        Assert.DoesNotContain("All good", html, StringComparison.Ordinal);

        // The frame around the page too: the skip link, the brand line and the footer.
        foreach (var english in new[] { "Skip to content", "Billing health", "fix billing yourself" })
        {
            Assert.DoesNotContain(english, html, StringComparison.Ordinal);
        }
    }

    /// <summary>What the customer reads (not the markup's hidden fields) names no Stripe object and no raw code.</summary>
    private void AssertNoIdsOrCodes()
    {
        var text = browser.Find("body").Text;
        Assert.DoesNotMatch(StripeId(), text);
        foreach (var code in new[] { "insufficient_funds", "api_calls", "payment_failed", "stripe:", " UTC" })
        {
            Assert.DoesNotContain(code, text, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex(@"\b(in|ch|cus|sub|pm|re|case|cs|pi|click)_[A-Za-z0-9]")]
    private static partial Regex StripeId();
}
