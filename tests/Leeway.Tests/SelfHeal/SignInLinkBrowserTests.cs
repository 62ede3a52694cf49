using System.Text.RegularExpressions;
using Leeway.Tests.Browser;
using Leeway.Tests.Prevent;
using MimeKit;
using OpenQA.Selenium;

namespace Leeway.Tests.SelfHeal;

/// <summary>
/// The signed-out page asks for an e-mail address and sends a fresh sign-in link through the real SMTP server
/// (scripts/test-services.d/smtp.sh); the link works once; the page answers the same for an address nobody has.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class SignInLinkBrowserTests(Chromium browser)
{
    [Fact]
    public async Task A_customer_asks_for_a_link_by_e_mail_it_signs_them_in_once_and_an_unknown_address_gets_the_same_answer()
    {
        await using var world = await WebWorld.StartAsync(
            new Dictionary<string, string?> { ["Prevent:Smtp:Host"] = SmtpSink.Host, ["Prevent:Smtp:Port"] = SmtpSink.Port },
            Customers.Healthy("web_mail", "Mia Mail"));
        browser.GoTo(world.Url("/me/sign-in"));
        browser.Driver.Manage().Cookies.DeleteAllCookies();
        browser.GoTo(world.Url("/me"));
        browser.Wait(d => d.Url.Contains("/me/sign-in", StringComparison.Ordinal));
        browser.Check("the signed-out page");

        var known = Ask("web_mail@web.leeway.test");
        browser.Check("the signed-out page after asking for a link");
        var unknown = Ask("nobody-here@web.leeway.test");
        Assert.Equal(known, unknown);

        using var mail = await WaitForLinkAsync("web_mail@web.leeway.test");
        var body = mail.TextBody ?? "";
        var link = LinkPattern().Match(body);
        Assert.True(link.Success, body);
        var pathAndQuery = new Uri(link.Value).PathAndQuery;

        browser.GoTo(world.Url(pathAndQuery));
        browser.Wait(d => d.Url.EndsWith("/me", StringComparison.Ordinal) && d.FindElements(By.Id("meter")).Count == 1);
        Assert.Contains("Mia Mail", browser.Find(".who").Text, StringComparison.Ordinal);

        // Single use: the same link again, signed out, is refused.
        browser.Driver.Manage().Cookies.DeleteAllCookies();
        browser.GoTo(world.Url(pathAndQuery));
        Assert.Contains("already used", browser.Find("[role=alert]").Text, StringComparison.Ordinal);
        Assert.Empty(browser.FindAll("#meter"));
        Assert.False(HasMailFor("nobody-here@web.leeway.test"));
    }

    private string Ask(string email)
    {
        var field = browser.Find("#email");
        field.Clear();
        field.SendKeys(email);
        browser.ClickAndWait(browser.Find("form[data-testid=ask-link] button[type=submit]"));
        return browser.Find("[data-testid=link-sent]").Text;
    }

    private static async Task<MimeMessage> WaitForLinkAsync(string to)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            foreach (var file in Directory.EnumerateFiles(SmtpSink.Folder, "*.eml"))
            {
                var message = await MimeMessage.LoadAsync(file);
                if (message.Headers["X-Leeway-Sign-In"] is not null && message.To.Mailboxes.Any(m => m.Address == to))
                {
                    return message;
                }

                message.Dispose();
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No sign-in link for {to} reached the SMTP server in {SmtpSink.Folder}.");
            }

            await Task.Delay(100);
        }
    }

    private static bool HasMailFor(string to) => Directory.EnumerateFiles(SmtpSink.Folder, "*.eml").Any(file =>
    {
        using var message = MimeMessage.Load(file);
        return message.To.Mailboxes.Any(m => m.Address == to);
    });

    [GeneratedRegex(@"https?://\S+/me/sign-in\?link=\S+")]
    private static partial Regex LinkPattern();
}
