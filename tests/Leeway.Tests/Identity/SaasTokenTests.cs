using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Leeway.Identity;
using Microsoft.IdentityModel.Tokens;

namespace Leeway.Tests.Identity;

/// <summary>
/// Customers the SaaS signed in: its JWT, verified through its JWKS (or a shared HS256 secret), signs them in to the
/// API (bearer) and to the pages (exchanged once for the session cookie). Every spoiled token is refused with 401 and
/// a reason in the log, and the token never reaches the log.
/// </summary>
public sealed class SaasTokenTests
{
    private const string Customer = "cus_saas";

    [Fact]
    public async Task A_token_signed_with_the_published_key_opens_the_api_as_the_customer_it_names()
    {
        await using var jwks = await LocalJwks.StartAsync();
        await using var host = await StartAsync(jwks);
        var token = LocalJwks.Mint(jwks.Key, SecurityAlgorithms.RsaSha256);

        Assert.Equal(HttpStatusCode.OK, await BearerStatusAsync(host, token));
        // The same customer a Leeway token for them would be: their own nudges, nobody else's.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/conversations");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Content = new StringContent("""{"channel":"chat"}""", Encoding.UTF8, "application/json");
        using var started = await host.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
    }

    [Fact]
    public async Task The_pages_take_the_token_once_and_keep_a_session_cookie_for_that_customer()
    {
        await using var jwks = await LocalJwks.StartAsync();
        await using var host = await StartAsync(jwks);
        var token = LocalJwks.Mint(jwks.Key, SecurityAlgorithms.RsaSha256);

        using var response = await host.Http.GetAsync($"/me/sign-in?jwt={Uri.EscapeDataString(token)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("leeway_customer=", StringComparison.Ordinal));
        var session = Uri.UnescapeDataString(cookie.Split(';')[0]["leeway_customer=".Length..]);
        Assert.NotEqual(token, session); // exchanged: the SaaS's token is not kept
        Assert.Equal(Customer, host.Get<CustomerTokens>().Validate(session));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(host.Logs.Lines, l => l.Message.Contains(token, StringComparison.Ordinal));
    }

    public static TheoryData<string, string> Spoiled => new()
    {
        { "expired", "Lifetime" },
        { "wrong-audience", "Audience" },
        { "wrong-issuer", "Issuer" },
        { "wrong-key", "Signature" },
        { "alg-none", "" },
        { "hs256-with-the-public-key", "" },
        { "no-customer-claim", "customer id" },
        { "not-yet-valid", "NotYetValid" },
    };

    [Theory]
    [MemberData(nameof(Spoiled))]
    public async Task A_spoiled_token_is_refused_with_401_and_a_reason_in_the_log_never_the_token(string spoil, string reason)
    {
        await using var jwks = await LocalJwks.StartAsync();
        await using var host = await StartAsync(jwks);
        using var otherKey = RSA.Create(2048);
        var rs256 = SecurityAlgorithms.RsaSha256;
        var token = spoil switch
        {
            "expired" => LocalJwks.Mint(jwks.Key, rs256, expires: DateTime.UtcNow.AddMinutes(-10), notBefore: DateTime.UtcNow.AddMinutes(-30)),
            "wrong-audience" => LocalJwks.Mint(jwks.Key, rs256, audience: "someone-else"),
            "wrong-issuer" => LocalJwks.Mint(jwks.Key, rs256, issuer: "https://evil.example.test"),
            "wrong-key" => LocalJwks.Mint(new RsaSecurityKey(otherKey) { KeyId = "saas-key-1" }, rs256),
            "alg-none" => LocalJwks.Unsigned(Customer),
            // The classic confusion: the public key's bytes used as an HMAC secret.
            "hs256-with-the-public-key" => LocalJwks.Mint(new SymmetricSecurityKey(jwks.Key.Rsa.ExportRSAPublicKey()), SecurityAlgorithms.HmacSha256),
            "no-customer-claim" => LocalJwks.Mint(jwks.Key, rs256, customerId: null),
            "not-yet-valid" => LocalJwks.Mint(jwks.Key, rs256, notBefore: DateTime.UtcNow.AddMinutes(30), expires: DateTime.UtcNow.AddMinutes(60)),
            _ => throw new ArgumentOutOfRangeException(nameof(spoil), spoil, null),
        };

        Assert.Equal(HttpStatusCode.Unauthorized, await BearerStatusAsync(host, token));
        using var page = await host.Http.GetAsync($"/me/sign-in?jwt={Uri.EscapeDataString(token)}");
        Assert.Equal(HttpStatusCode.Unauthorized, page.StatusCode);
        Assert.False(page.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("leeway_customer=", StringComparison.Ordinal) && !c.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase)));

        var refusals = host.Logs.Lines.Where(l => l.Message.StartsWith("A SaaS sign-in token was refused", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(refusals);
        Assert.Contains(refusals, l => l.Message.Contains(reason, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(host.Logs.Lines, l => l.Message.Contains(token.TrimEnd('.'), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_small_setup_signs_with_a_shared_hs256_secret()
    {
        var secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        await using var host = await SecurityHost.StartAsync(extra: Settings(("Identity:Saas:SharedSecret", secret)));
        var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret));

        Assert.Equal(HttpStatusCode.OK, await BearerStatusAsync(host, LocalJwks.Mint(key, SecurityAlgorithms.HmacSha256)));
        var wrong = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32));
        Assert.Equal(HttpStatusCode.Unauthorized, await BearerStatusAsync(host, LocalJwks.Mint(wrong, SecurityAlgorithms.HmacSha256)));
    }

    [Fact]
    public async Task A_setup_with_both_a_jwks_and_a_secret_does_not_start_and_says_which_keys()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => SecurityHost.StartAsync(extra: Settings(
            ("Identity:Saas:SharedSecret", new string('s', 40)),
            ("Identity:Saas:JwksUrl", "https://app.example.test/.well-known/jwks.json"))));

        Assert.Contains("JwksUrl", error.Message);
        Assert.Contains("SharedSecret", error.Message);
    }

    [Fact]
    public async Task Without_a_saas_issuer_a_jwt_is_not_a_credential()
    {
        await using var jwks = await LocalJwks.StartAsync();
        await using var host = await SecurityHost.StartAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, await BearerStatusAsync(host, LocalJwks.Mint(jwks.Key, SecurityAlgorithms.RsaSha256)));
    }

    private static Task<SecurityHost> StartAsync(LocalJwks jwks) =>
        SecurityHost.StartAsync(extra: Settings(("Identity:Saas:JwksUrl", jwks.Url), ("Identity:Saas:RequireHttpsJwks", "false")));

    private static Dictionary<string, string?> Settings(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?> { ["Identity:Saas:Issuer"] = LocalJwks.Issuer, ["Identity:Saas:Audience"] = LocalJwks.Audience };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    private static async Task<HttpStatusCode> BearerStatusAsync(SecurityHost host, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me/nudges");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await host.Http.SendAsync(request);
        return response.StatusCode;
    }
}
