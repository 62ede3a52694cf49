using System.Net;
using Leeway.Humans;
using Leeway.Identity;
using Leeway.Knowledge;
using Leeway.Tests.Browser;
using Leeway.Tests.Routing;
using OpenQA.Selenium;

namespace Leeway.Tests.Humans.Console;

/// <summary>
/// "Close → Improve article": the person picks the article, sees its current text, edits it, sees the change, and only
/// then saves. Once with plain form posts (no JavaScript at all), once in Chromium.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ImproveArticleTests(Chromium browser)
{
    private const string Password = "correct horse battery";
    private const string Resolution = "Funds were back; the customer retried from the meter.";

    [Fact]
    public async Task Improving_an_article_edits_the_chosen_one_shows_the_change_and_never_saves_an_empty_or_accidental_text()
    {
        await using var world = await WebWorld.StartAsync(Customers.FailedPayment("web_kb", "Kim Knowledge"));
        var lead = await world.Service<IStaffDirectory>().CreateAsync("lea@billing.test", "Lea Lead", Password, StaffRoles.Lead, CancellationToken.None);
        var knowledge = world.Service<IKnowledgeBase>();
        var cases = world.Service<ICaseStore>();
        world.SignIn(browser, "cus_web_kb");
        browser.Find("#human-note").SendKeys("My bank says the money is there now");
        browser.ClickAndWait(browser.Find("#human button[type=submit]"));
        var opened = Assert.Single(await cases.ListForCustomerAsync("cus_web_kb", CancellationToken.None));
        var casePath = $"/console/cases/{opened.Id}";

        // Without JavaScript: plain form posts, as a browser with scripts off sends them.
        using var page = new PageVisitor(world.BaseUrl);
        var signIn = await page.PageAsync("/console/sign-in");
        Assert.Equal(HttpStatusCode.Redirect, (await page.SubmitAsync(signIn, "sign-in", new Dictionary<string, string> { ["email"] = lead.Email, ["password"] = Password })).StatusCode);
        var html = await page.PageAsync(casePath);
        var choices = ImproveChoices(html);
        Assert.True(choices.Count >= 2, $"expected two related articles to choose from, got {choices.Count}");
        var chosen = (await knowledge.GetAsync(choices[1], CancellationToken.None))!;
        var other = (await knowledge.GetAsync(choices[0], CancellationToken.None))!;

        // Choosing the second article reviews the second article (not the first one a hidden field used to name), saving nothing.
        using var review = await page.SubmitAsync(html, "handler=Close", new Dictionary<string, string> { ["resolution"] = Resolution, ["article"] = $"improve:{chosen.Id}" });
        var reviewed = await review.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, review.StatusCode);
        Assert.Contains(System.Text.Encodings.Web.HtmlEncoder.Default.Encode(chosen.Title), reviewed, StringComparison.Ordinal);
        Assert.Contains($"<ins>{Resolution}</ins>", Diff(reviewed), StringComparison.Ordinal);
        Assert.DoesNotContain("<del>", Diff(reviewed), StringComparison.Ordinal);
        Assert.Equal(chosen.Version, (await knowledge.GetAsync(chosen.Id, CancellationToken.None))!.Version);

        // An emptied text: the first save shows the change it would make (everything removed), the second is refused.
        using var emptied = await page.SubmitAsync(reviewed, "handler=Close", new Dictionary<string, string> { ["resolution"] = Resolution, ["articleBody"] = "", ["step"] = "save" });
        var emptiedHtml = await emptied.Content.ReadAsStringAsync();
        Assert.Contains("id=\"replaces-most\"", emptiedHtml, StringComparison.Ordinal);
        using var refused = await page.SubmitAsync(emptiedHtml, "handler=Close", new Dictionary<string, string> { ["resolution"] = Resolution, ["articleBody"] = "", ["step"] = "save", ["replace"] = "true" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("empty text would replace the article", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The one-line resolution pasted over the article: shown as replacing most of it, refused unless the person says so.
        using var pasted = await page.SubmitAsync(emptiedHtml, "handler=Close", new Dictionary<string, string> { ["resolution"] = Resolution, ["articleBody"] = Resolution, ["step"] = "preview" });
        var pastedHtml = await pasted.Content.ReadAsStringAsync();
        Assert.Contains("id=\"replaces-most\"", pastedHtml, StringComparison.Ordinal);
        using var accidental = await page.SubmitAsync(pastedHtml, "handler=Close", new Dictionary<string, string> { ["resolution"] = Resolution, ["articleBody"] = Resolution, ["step"] = "save" });
        Assert.Equal(HttpStatusCode.BadRequest, accidental.StatusCode);
        Assert.Contains("replace most", await accidental.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal((chosen.Version, chosen.Body), await VersionAndBodyAsync(knowledge, chosen.Id));
        Assert.Equal(CaseStatus.Open, (await cases.GetAsync(opened.Id, CancellationToken.None))!.Status);

        // In Chromium: the review shows the current text and the change; an edit after the change was shown is shown again before saving.
        SignInStaff(world, lead.Email);
        browser.GoTo(world.Url(casePath));
        browser.Find("#resolution").SendKeys(Resolution);
        browser.Find($"input[name=article][value='improve:{chosen.Id}']").Click();
        browser.ClickAndWait(browser.Find("#close button[type=submit]"));
        Assert.Equal(Normalize(chosen.Body), Normalize(browser.Find("#article-current .article-text").GetAttribute("textContent")!));
        Assert.Equal(Resolution, browser.Find("#article-diff ins").Text.Trim());
        browser.Check("improve article review");
        var body = browser.Find("#article-body");
        body.SendKeys(Keys.Control + Keys.End);
        body.SendKeys(" Ask the customer to retry once the bank confirms.");
        browser.ClickAndWait(browser.Find("#improve button[value=save]"));
        Assert.Contains("The text changed after the change was shown", browser.Driver.PageSource, StringComparison.Ordinal);
        Assert.Contains("retry once the bank confirms", browser.Find("#article-diff").Text, StringComparison.Ordinal);
        browser.ClickAndWait(browser.Find("#improve button[value=save]"));

        browser.Wait(d => d.FindElements(By.CssSelector("h1")).Any(h => h.Text == "Case queue"));
        var saved = (await knowledge.GetAsync(chosen.Id, CancellationToken.None))!;
        Assert.Equal(chosen.Version + 1, saved.Version);
        Assert.StartsWith(Normalize(chosen.Body), Normalize(saved.Body), StringComparison.Ordinal);
        Assert.EndsWith($"{Resolution} Ask the customer to retry once the bank confirms.", saved.Body, StringComparison.Ordinal);
        Assert.Equal((other.Version, other.Body), await VersionAndBodyAsync(knowledge, other.Id));
        Assert.Equal(CaseStatus.Closed, (await cases.GetAsync(opened.Id, CancellationToken.None))!.Status);
    }

    private static List<string> ImproveChoices(string html) =>
        System.Text.RegularExpressions.Regex.Matches(html, "name=\"article\" value=\"improve:(?<id>[^\"]+)\"").Select(m => m.Groups["id"].Value).ToList();

    private static string Diff(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "id=\"article-diff\">(?<d>.*?)</div>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups["d"].Value;

    private static async Task<(int, string)> VersionAndBodyAsync(IKnowledgeBase knowledge, string id) =>
        (await knowledge.GetAsync(id, CancellationToken.None)) is { } a ? (a.Version, a.Body) : (0, "");

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

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
