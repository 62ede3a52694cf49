using System.Text.Json.Nodes;
using Leeway.Audit;
using Leeway.Humans;
using Leeway.Identity;
using Leeway.Tests.Browser;
using OpenQA.Selenium;

namespace Leeway.Tests.Humans.Console;

/// <summary>
/// Staff sign-in through a real OpenID provider (npm oidc-provider, started by scripts/test-services.d/oidc.sh at
/// <c>http://localhost:PORT</c>, another site than the product's 127.0.0.1) in a real headless Chromium: the console's
/// button, the provider's login form, the code exchanged with PKCE, and the role the provider's "groups" claim maps to.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StaffSingleSignOnBrowserTests(Chromium browser)
{
    [Fact]
    public async Task An_agent_signs_in_through_the_provider_with_pkce_and_has_an_agents_rights_only()
    {
        await using var world = await WebWorld.StartAsync(Settings(), Customers.Healthy("sso_one", "Sam Sso"));

        browser.Driver.ExecuteCdpCommand("Network.clearBrowserCookies", []);
        browser.GoTo(world.Url("/console/ops"));
        browser.Wait(d => d.Url.Contains("/console/sign-in", StringComparison.Ordinal));
        Assert.Equal("Sign in with Corp ID", browser.Find("#sso").Text);
        browser.Check("staff sign-in with single sign-on");
        browser.ClickAndWait(browser.Find("#sso"));
        SignInAtProvider("agent@corp.test");

        // Back where the agent was going, as an agent: the operations page is an admin's.
        browser.Wait(d => d.Url == world.Url("/console/ops").ToString() && d.PageSource.Contains("does not allow this", StringComparison.Ordinal));
        Assert.Contains("Your role (agent) does not allow this.", browser.Find("body").Text, StringComparison.Ordinal);
        browser.GoTo(world.Url("/console"));
        browser.Wait(d => d.FindElements(By.CssSelector("h1")).Any(h => h.Text == "Case queue"));
        Assert.Contains("Ada Agent", browser.Find(".who").Text, StringComparison.Ordinal);
        Assert.Empty(browser.FindAll("nav a[href='/console/ops']"));

        var member = await world.Service<IStaffDirectory>().FindByEmailAsync("agent@corp.test", CancellationToken.None);
        Assert.Equal(StaffRoles.Agent, member!.Role);
        var signIns = await world.Service<IAuditLog>().ListAsync(new AuditQuery(Principal: $"staff:{member.Id}", Action: "staff_sign_in"), CancellationToken.None);
        Assert.Contains("\"method\":\"oidc\"", Assert.Single(signIns).Parameters, StringComparison.Ordinal);

        // The authorization request the provider received carried an S256 PKCE challenge (the provider also requires one).
        var authorization = Assert.Single(Authorizations(world));
        Assert.Equal("S256", authorization["code_challenge_method"]?.GetValue<string>());
        Assert.Equal(43, authorization["code_challenge"]?.GetValue<string>().Length);
        Assert.Equal("code", authorization["response_type"]?.GetValue<string>());
    }

    [Fact]
    public async Task A_lead_from_the_providers_claim_approves_an_over_limit_refund_and_an_admin_opens_the_operations_page()
    {
        // Above the automatic refund limit, so the customer's click becomes a case that needs a lead's approval.
        await using var world = await WebWorld.StartAsync(Settings(), Customers.ChargedTwice("sso_big", "Bea Big", 7500));
        world.SignIn(browser, "cus_sso_big");
        browser.ClickAndWait(browser.Find("form[data-fix=refund_duplicate] button[type=submit]"));
        var opened = Assert.Single(await world.Service<ICaseStore>().ListForCustomerAsync("cus_sso_big", CancellationToken.None));

        SignInThroughProvider(world, $"/console/cases/{opened.Id}", "lead@corp.test");
        browser.Wait(d => d.FindElements(By.CssSelector("form[data-approve=refund] button[type=submit]")).Count > 0);
        browser.ClickAndWait(browser.Find("form[data-approve=refund] button[type=submit]"));

        Assert.Contains("Approved", browser.Driver.PageSource, StringComparison.Ordinal);
        var lead = await world.Service<IStaffDirectory>().FindByEmailAsync("lead@corp.test", CancellationToken.None);
        Assert.Equal(StaffRoles.Lead, lead!.Role);
        var refunds = (await world.StripeRequestsAsync()).Where(r => r.Method == "POST" && r.Path.EndsWith("/refunds", StringComparison.Ordinal) && r.Succeeded).ToList();
        Assert.Equal("ch_sso_big_2", Assert.Single(refunds).Params["charge"]);
        var entries = await world.Service<IAuditLog>().ListAsync(new AuditQuery(Customer: "cus_sso_big", Action: "refund"), CancellationToken.None);
        Assert.Contains(entries, e => e.ApprovedBy == lead.Id && e.Decision == AuditDecision.Allowed);

        SignInThroughProvider(world, "/console/ops", "admin@corp.test");
        browser.Wait(d => d.FindElements(By.CssSelector("h1")).Any(h => h.Text == "Operations"));
    }

    [Fact]
    public async Task Someone_with_no_mapped_role_or_a_disabled_local_account_is_refused_with_a_page_that_says_why()
    {
        await using var world = await WebWorld.StartAsync(Settings(), Customers.Healthy("sso_no", "Nia No"));
        var directory = world.Service<IStaffDirectory>();
        var disabled = await directory.CreateAsync("disabled@corp.test", "Dee Disabled", "correct horse battery", StaffRoles.Agent, CancellationToken.None);
        await directory.SetDisabledAsync(disabled.Id, true, CancellationToken.None);

        SignInThroughProvider(world, "/console", "outsider@corp.test");
        browser.Wait(d => d.FindElements(By.Id("refused")).Count > 0);
        Assert.Equal("no_role", browser.Find("#refused").GetDomAttribute("data-reason"));
        Assert.Contains("has no role in the billing console", browser.Find("#refused").Text, StringComparison.Ordinal);
        browser.Check("single sign-on refused");
        Assert.Null(await directory.FindByEmailAsync("outsider@corp.test", CancellationToken.None));
        browser.GoTo(world.Url("/console"));
        browser.Wait(d => d.Url.Contains("/console/sign-in", StringComparison.Ordinal));

        SignInThroughProvider(world, "/console", "disabled@corp.test");
        browser.Wait(d => d.FindElements(By.Id("refused")).Count > 0);
        Assert.Equal("disabled", browser.Find("#refused").GetDomAttribute("data-reason"));
        Assert.Contains("staff account is disabled", browser.Find("#refused").Text, StringComparison.Ordinal);
        browser.GoTo(world.Url("/console"));
        browser.Wait(d => d.Url.Contains("/console/sign-in", StringComparison.Ordinal));

        var failures = await world.Service<IAuditLog>().ListAsync(new AuditQuery(Action: "staff_sign_in_failed"), CancellationToken.None);
        Assert.Contains(failures, e => e.Parameters.Contains("provider_no_role", StringComparison.Ordinal) && e.Parameters.Contains("outsider@corp.test", StringComparison.Ordinal));
        Assert.Contains(failures, e => e.Parameters.Contains("provider_disabled", StringComparison.Ordinal) && e.Principal == $"staff:{disabled.Id}");
    }

    private static string Issuer => Environment.GetEnvironmentVariable("LEEWAY_OIDC_ISSUER") is { Length: > 0 } issuer
        ? issuer
        : throw new InvalidOperationException("LEEWAY_OIDC_ISSUER is not set: these tests need the OpenID provider that ./test.sh starts (or `source scripts/test-services.d/oidc.sh` first).");

    private static Dictionary<string, string?> Settings() => new()
    {
        ["Identity:Oidc:Authority"] = Issuer,
        ["Identity:Oidc:ClientId"] = "leeway-staff-console",
        ["Identity:Oidc:ClientSecret"] = "leeway-test-secret",
        ["Identity:Oidc:DisplayName"] = "Corp ID",
        ["Identity:Oidc:Scope"] = "openid profile email groups",
        ["Identity:Oidc:RoleClaim"] = "groups",
        ["Identity:Oidc:Roles:billing-agents"] = "agent",
        ["Identity:Oidc:Roles:billing-leads"] = "lead",
        ["Identity:Oidc:Roles:billing-admins"] = "admin",
        // The test provider is on this machine, over HTTP; anywhere else the product refuses to start like this.
        ["Identity:Oidc:RequireHttpsMetadata"] = "false",
    };

    /// <summary>A fresh browser (no session at the product or the provider) goes to <paramref name="path"/>, is sent to
    /// sign in, and signs in through the provider as <paramref name="login"/>.</summary>
    private void SignInThroughProvider(WebWorld world, string path, string login)
    {
        browser.Driver.ExecuteCdpCommand("Network.clearBrowserCookies", []);
        browser.GoTo(world.Url(path));
        browser.Wait(d => d.Url.Contains("/console/sign-in", StringComparison.Ordinal));
        browser.ClickAndWait(browser.Find("#sso"));
        SignInAtProvider(login);
    }

    /// <summary>The provider's own login form (oidc-provider's development form takes any password).</summary>
    private void SignInAtProvider(string login)
    {
        browser.Wait(d => d.Url.StartsWith(Issuer, StringComparison.Ordinal) && d.FindElements(By.CssSelector("input[name=login]")).Count > 0);
        browser.Find("input[name=login]").SendKeys(login);
        browser.Find("input[name=password]").SendKeys("any password");
        browser.Find("button[type=submit]").Click();
        browser.Wait(d => !d.Url.StartsWith(Issuer, StringComparison.Ordinal) && !d.Url.Contains("/console/sign-in/sso", StringComparison.Ordinal));
    }

    /// <summary>The authorization requests the provider granted for this world's callback.</summary>
    private static List<JsonObject> Authorizations(WebWorld world)
    {
        var log = Environment.GetEnvironmentVariable("LEEWAY_OIDC_LOG") ?? throw new InvalidOperationException("LEEWAY_OIDC_LOG is not set (scripts/test-services.d/oidc.sh).");
        var callback = world.Url("/console/sign-in/oidc").ToString();
        return File.ReadAllLines(log)
            .Select(line => JsonNode.Parse(line)!.AsObject())
            .Where(e => e["event"]?.GetValue<string>() == "authorization.success" && e["redirect_uri"]?.GetValue<string>() == callback)
            .ToList();
    }
}
