using System.Net;
using Leeway.SelfHeal;

namespace Leeway.Tests.SelfHeal;

public sealed class SignInTests
{
    [Fact]
    public async Task A_sign_in_link_sets_an_http_only_strict_cookie_holding_the_token_and_moves_on_to_me()
    {
        await using var host = await PageHost.StartAsync();
        var token = host.Token("cus_a");

        using var response = await host.Http.GetAsync($"/me/sign-in?token={Uri.EscapeDataString(token)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(CustomerCookieAuthenticationHandler.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains(Uri.EscapeDataString(token), cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", cookie.Replace("samesite", "", StringComparison.OrdinalIgnoreCase), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("url=/me", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forged_or_expired_token_signs_nobody_in()
    {
        await using var host = await PageHost.StartAsync();
        var token = host.Token("cus_a");
        var forged = token[..^2] + (token[^2..] == "AA" ? "BB" : "AA");

        using var response = await host.Http.GetAsync($"/me/sign-in?token={Uri.EscapeDataString(forged)}");
        using var withForgedCookie = new HttpRequestMessage(HttpMethod.Get, "/me");
        withForgedCookie.Headers.Add("Cookie", $"{CustomerCookieAuthenticationHandler.CookieName}={Uri.EscapeDataString(forged)}");
        using var me = await host.Http.SendAsync(withForgedCookie);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var set) ? set : [], c => c.StartsWith(CustomerCookieAuthenticationHandler.CookieName + "=lwy1", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, me.StatusCode);
        Assert.Equal(CustomerCookieAuthenticationHandler.SignInPath, me.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_link_opened_while_signed_out_keeps_its_token_on_the_way_to_sign_in()
    {
        await using var host = await PageHost.StartAsync();
        var token = host.Token("cus_a");

        using var response = await host.Http.GetAsync($"/me?token={Uri.EscapeDataString(token)}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{CustomerCookieAuthenticationHandler.SignInPath}?token={Uri.EscapeDataString(token)}", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_one_click_fix_without_the_antiforgery_token_is_refused_before_anything_acts()
    {
        await using var host = await PageHost.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/me?handler=Fix")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["kind"] = "retry_payment",
                ["objectId"] = "in_1",
                ["clickId"] = "click_AAAAAAAAAAAAAAAAAAAA",
            }),
        };
        request.Headers.Add("Cookie", $"{CustomerCookieAuthenticationHandler.CookieName}={Uri.EscapeDataString(host.Token("cus_a"))}");

        using var response = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        // The click id is still unclaimed: the refused post never reached the handler.
        Assert.True(await host.Service<ClickLedger>().ClaimAsync("click_AAAAAAAAAAAAAAAAAAAA", "cus_a", "probe", CancellationToken.None));
    }
}
