using System.Net;
using System.Text.RegularExpressions;
using Leeway.Tests.Browser;
using Leeway.Tests.Identity;
using Microsoft.IdentityModel.Tokens;
using OpenQA.Selenium;

namespace Leeway.Tests.SelfHeal;

/// <summary>
/// Leeway inside the SaaS's dashboard, in a real headless Chromium: the SaaS's page (<see cref="SaasDashboard"/>, another
/// site) carries the snippet docs/integrate.md shows, with a JWT the SaaS minted (<see cref="LocalJwks"/>, verified
/// through its JWKS); the widget shows the customer's meter and holds their conversation with Lee inside the frame, fits
/// a phone, and no page on an origin Leeway was not configured for can frame it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class WidgetBrowserTests(Chromium browser)
{
    private const string LeewayPlaceholder = "https://leeway.example.com";
    private const string TokenPlaceholder = "JWT_FROM_YOUR_BACKEND";

    [Fact]
    public async Task The_widget_in_a_saas_page_on_another_site_shows_the_customers_meter_and_their_conversation_with_lee()
    {
        await using var jwks = await LocalJwks.StartAsync();
        await using var dashboard = await SaasDashboard.StartAsync();
        await using var world = await WebWorld.StartAsync(Settings(jwks, dashboard), Customers.FailedPayment("web_widget", "Wanda Widget"));
        dashboard.Html = SaasDashboard.Page(Documented(0, world, Token(jwks, "cus_web_widget")));

        browser.GoTo(new Uri(dashboard.Origin + "/"));
        var frame = EnterWidget();
        try
        {
            Assert.EndsWith("/widget/me", Script("return location.pathname"), StringComparison.Ordinal);
            Assert.Equal("red", browser.Find("#meter").GetDomAttribute("data-status"));
            Assert.Equal("payment_failed_insufficient_funds", browser.Find("#meter").GetDomAttribute("data-root-cause"));
            Assert.Contains("$49.00", browser.Find("#billing").Text, StringComparison.Ordinal);
            Assert.Empty(browser.FindAll("header.topbar")); // the SaaS's page is the frame around it
            browser.AssertAccessible("the widget in the SaaS's page");

            browser.Find("#chat-text").SendKeys("Why did my payment fail?");
            browser.ClickAndWait(browser.Find("form.composer button[type=submit]"));
            browser.Wait(d => d.FindElements(By.CssSelector(".transcript .msg-lee")).Count > 0);
            Assert.Contains("Why did my payment fail?", browser.Find(".transcript .msg-customer").Text, StringComparison.Ordinal);
            var reply = browser.Find(".transcript .msg-lee").Text;
            Assert.Matches("(?i)payment|card|\\$49", reply);
            browser.AssertAccessible("the widget after a message to Lee");
        }
        finally
        {
            browser.Driver.SwitchTo().DefaultContent();
        }

        // The frame is as tall as its page (the page scrolls, not the frame) and as wide as the SaaS's element.
        WaitUntilFrameFitsItsPage(frame);
        Assert.Equal(Script("return String(document.querySelector('#leeway').clientWidth)"), Script("return String(document.querySelector('#leeway iframe').clientWidth)"));

        using (browser.At(Chromium.Phone))
        {
            Assert.True(NoHorizontalScroll(), "the SaaS's page scrolls sideways on a phone");
            WaitUntilFrameFitsItsPage(frame);
            browser.Driver.SwitchTo().Frame(frame);
            try
            {
                Assert.True(NoHorizontalScroll(), "the widget scrolls sideways on a phone");
                browser.AssertAccessible("the widget on a phone");
                browser.AssertTouchTargets("the widget on a phone");
            }
            finally
            {
                browser.Driver.SwitchTo().DefaultContent();
            }
        }
    }

    [Fact]
    public async Task Only_the_configured_origin_may_frame_the_widget()
    {
        await using var jwks = await LocalJwks.StartAsync();
        await using var dashboard = await SaasDashboard.StartAsync();
        await using var world = await WebWorld.StartAsync(Settings(jwks, dashboard), Customers.Healthy("web_framed", "Fran Framed"));
        var token = Token(jwks, "cus_web_framed");
        // The plain iframe the doc offers: no origin check on the way in, so only the browser's framing rule stands.
        dashboard.Html = SaasDashboard.Page(Documented(1, world, token));

        browser.GoTo(new Uri(dashboard.Origin + "/"));
        browser.Driver.SwitchTo().Frame(browser.Wait(d => d.FindElement(By.CssSelector("iframe"))));
        try
        {
            browser.Wait(d => d.FindElements(By.CssSelector("#meter[data-status=green]")).Count == 1);
            Assert.EndsWith("/widget/me", Script("return location.pathname"), StringComparison.Ordinal);
        }
        finally
        {
            browser.Driver.SwitchTo().DefaultContent();
        }

        // The same page on an origin Leeway was not told about: the browser refuses to show Leeway in it.
        browser.GoTo(new Uri(dashboard.OtherOrigin + "/"));
        browser.Driver.SwitchTo().Frame(browser.Wait(d => d.FindElement(By.CssSelector("iframe"))));
        try
        {
            browser.Wait(_ => Script("return location.href") != "about:blank");
            Assert.StartsWith("chrome-error://", Script("return location.href"), StringComparison.Ordinal);
            Assert.Empty(browser.FindAll("#meter"));
        }
        finally
        {
            browser.Driver.SwitchTo().DefaultContent();
        }

        // What the browser was told, and the widget's sign-in refusing a post from that origin outright.
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = world.BaseUrl };
        using var fromElsewhere = await PostSignInAsync(http, dashboard.OtherOrigin, token);
        Assert.Equal(HttpStatusCode.Forbidden, fromElsewhere.StatusCode);
        Assert.False(fromElsewhere.Headers.TryGetValues("Set-Cookie", out var refusedCookies) && refusedCookies.Any(c => c.StartsWith("leeway_widget=", StringComparison.Ordinal)));
        Assert.Equal($"frame-ancestors {dashboard.Origin}", FrameAncestors(fromElsewhere));
        Assert.False(fromElsewhere.Headers.Contains("X-Frame-Options"));

        using var fromTheSaas = await PostSignInAsync(http, dashboard.Origin, token);
        Assert.Equal(HttpStatusCode.Redirect, fromTheSaas.StatusCode);
        Assert.Equal("/widget/me", fromTheSaas.Headers.Location?.OriginalString);
        var session = fromTheSaas.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("leeway_widget=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("samesite=none", session, StringComparison.Ordinal);
        Assert.Contains("secure", session, StringComparison.Ordinal);
        Assert.Contains("partitioned", session, StringComparison.Ordinal);
        Assert.Contains("httponly", session, StringComparison.Ordinal);

        // Leeway's own pages stay unframeable by anyone.
        using var ownPage = await http.GetAsync(new Uri("/me/sign-in", UriKind.Relative));
        Assert.Equal("frame-ancestors 'none'", FrameAncestors(ownPage));
        Assert.Equal("DENY", ownPage.Headers.GetValues("X-Frame-Options").Single());
    }

    /// <summary>The frame's accessible name follows the language of the SaaS's page, or the snippet's data-lang over it.</summary>
    [Fact]
    public async Task The_widget_frame_is_named_in_the_pages_language()
    {
        await using var jwks = await LocalJwks.StartAsync();
        await using var dashboard = await SaasDashboard.StartAsync();
        await using var world = await WebWorld.StartAsync(Settings(jwks, dashboard), Customers.Healthy("web_widget_lang", "Lena Lang"));
        var snippet = Documented(0, world, Token(jwks, "cus_web_widget_lang"));

        foreach (var (lang, extra, title) in new[] { ("en", "", "Billing help"), ("de-DE", "", "Hilfe zur Abrechnung"), ("de", " data-lang=\"pt-BR\"", "Ajuda com o faturamento"), ("ja", "", "Billing help") })
        {
            dashboard.Html = SaasDashboard.Page(snippet.Replace("<script ", "<script" + extra + " ", StringComparison.Ordinal), lang);
            browser.GoTo(new Uri(dashboard.Origin + "/?" + lang));
            var frame = browser.Wait(d => d.FindElement(By.CssSelector("#leeway iframe")));
            Assert.Equal(title, frame.GetDomAttribute("title"));
        }
    }

    [Fact]
    public async Task Without_configured_origins_there_is_no_widget()
    {
        await using var world = await WebWorld.StartAsync(Customers.Healthy("web_nowidget", "Nora None"));
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = world.BaseUrl };

        using var script = await http.GetAsync(new Uri("/widget.js", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, script.StatusCode);
        using var page = await http.GetAsync(new Uri("/widget/sign-in", UriKind.Relative));
        Assert.Equal("frame-ancestors 'none'", FrameAncestors(page));
    }

    /// <summary>Waits for the widget's frame, switches into it and waits for the meter; returns the frame element.</summary>
    private IWebElement EnterWidget()
    {
        var frame = browser.Wait(d => d.FindElement(By.CssSelector("#leeway iframe")));
        Assert.False(string.IsNullOrEmpty(frame.GetDomAttribute("title")), "the widget's iframe has no accessible name");
        browser.Driver.SwitchTo().Frame(frame);
        try
        {
            browser.Wait(d => d.FindElements(By.Id("meter")).Count == 1);
        }
        catch (WebDriverTimeoutException)
        {
            Assert.Fail("The widget shows no meter; its frame is at " + Script("return location.href") + " shows: " + Script("return document.documentElement.outerHTML.slice(0, 3000)"));
        }

        return frame;
    }

    /// <summary>The frame's height (in the SaaS's page) equals the height of the page inside it.</summary>
    private void WaitUntilFrameFitsItsPage(IWebElement frame)
    {
        browser.Wait(_ =>
        {
            browser.Driver.SwitchTo().Frame(frame);
            var inside = Script("return String(Math.ceil(document.body.getBoundingClientRect().height))");
            browser.Driver.SwitchTo().DefaultContent();
            var outside = Script("return String(Math.round(document.querySelector('#leeway iframe').getBoundingClientRect().height))");
            return int.Parse(inside, System.Globalization.CultureInfo.InvariantCulture) > 300 && inside == outside;
        });
    }

    private bool NoHorizontalScroll() =>
        Script("return String(document.documentElement.scrollWidth <= document.documentElement.clientWidth)") == "true";

    private string Script(string js) => ((IJavaScriptExecutor)browser.Driver).ExecuteScript(js)?.ToString() ?? "";

    private static Task<HttpResponseMessage> PostSignInAsync(HttpClient http, string origin, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/widget/sign-in") { Content = new FormUrlEncodedContent([new("jwt", token)]) };
        request.Headers.Add("Origin", origin);
        return http.SendAsync(request);
    }

    private static string FrameAncestors(HttpResponseMessage response) =>
        response.Headers.GetValues("Content-Security-Policy").Single().Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("frame-ancestors", StringComparison.Ordinal));

    /// <summary>
    /// The token the SaaS's backend mints for this page view, on the real clock: the SaaS's clock, which JwtBearer checks
    /// it against (the world's own clock, which Leeway's session follows, is a scenario's).
    /// </summary>
    private static string Token(LocalJwks jwks, string customerId) => LocalJwks.Mint(jwks.Key, SecurityAlgorithms.RsaSha256, customerId);

    private static Dictionary<string, string?> Settings(LocalJwks jwks, SaasDashboard dashboard) => new()
    {
        ["Identity:Saas:Issuer"] = LocalJwks.Issuer,
        ["Identity:Saas:Audience"] = LocalJwks.Audience,
        ["Identity:Saas:JwksUrl"] = jwks.Url,
        ["Identity:Saas:RequireHttpsJwks"] = "false",
        ["Identity:Widget:AllowedOrigins:0"] = dashboard.Origin,
    };

    /// <summary>The <paramref name="index"/>th HTML example of docs/integrate.md's widget section, pointed at this world.</summary>
    private static string Documented(int index, WebWorld world, string token)
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "integrate.md"));
        var start = doc.IndexOf("## 2. Leeway inside your dashboard", StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/integrate.md has no section '2. Leeway inside your dashboard'");
        var end = doc.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var examples = HtmlBlock().Matches(doc[start..(end < 0 ? doc.Length : end)]).Select(m => m.Groups[1].Value).ToList();
        Assert.True(examples.Count > index, $"docs/integrate.md's widget section has {examples.Count} html example(s)");
        var example = examples[index];
        Assert.Contains(LeewayPlaceholder, example, StringComparison.Ordinal);
        Assert.Contains(TokenPlaceholder, example, StringComparison.Ordinal);
        return example
            .Replace(LeewayPlaceholder, world.BaseUrl.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal)
            .Replace(TokenPlaceholder, token, StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Leeway.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository (Leeway.slnx) was not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"```html\n(.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex HtmlBlock();
}
