using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Leeway.Tests.Identity;

/// <summary>
/// The SaaS's side in the tests: an RSA key pair, its public half published as a JWKS by a real HTTP server on
/// 127.0.0.1, and tokens minted as a SaaS would mint them (docs/integrate.md shows the same claims).
/// </summary>
internal sealed class LocalJwks : IAsyncDisposable
{
    public const string Issuer = "https://app.example.test";
    public const string Audience = "leeway";

    private readonly WebApplication _server;
    private readonly RSA _rsa = RSA.Create(2048);

    private LocalJwks(WebApplication server, RSA rsa)
    {
        _server = server;
        _rsa = rsa;
        Key = new RsaSecurityKey(rsa) { KeyId = "saas-key-1" };
    }

    public RsaSecurityKey Key { get; }

    public string Url => _server.Urls.First() + "/.well-known/jwks.json";

    public static async Task<LocalJwks> StartAsync()
    {
        var rsa = RSA.Create(2048);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var server = builder.Build();
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(rsa.ExportParameters(false)) { KeyId = "saas-key-1" });
        var document = JsonSerializer.Serialize(new { keys = new[] { new { kty = jwk.Kty, kid = jwk.Kid, use = "sig", alg = "RS256", n = jwk.N, e = jwk.E } } });
        server.MapGet("/.well-known/jwks.json", () => Results.Text(document, "application/json"));
        await server.StartAsync();
        return new LocalJwks(server, rsa);
    }

    /// <summary>A token as the SaaS mints it for its signed-in user; each part can be spoiled by a test.</summary>
    public static string Mint(
        SecurityKey key,
        string algorithm,
        string? customerId = "cus_saas",
        string audience = Audience,
        string issuer = Issuer,
        DateTime? expires = null,
        DateTime? notBefore = null)
    {
        var claims = new Dictionary<string, object> { ["sub"] = "user-42" };
        if (customerId is not null)
        {
            claims["stripe_customer_id"] = customerId;
        }

        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = (notBefore ?? now).AddMinutes(-1),
            NotBefore = notBefore ?? now.AddMinutes(-1),
            Expires = expires ?? now.AddMinutes(10),
            SigningCredentials = new SigningCredentials(key, algorithm),
        });
    }

    /// <summary><c>alg: none</c>: claims with no signature at all.</summary>
    public static string Unsigned(string customerId)
    {
        static string Part(object value) => Base64UrlEncoder.Encode(JsonSerializer.Serialize(value));
        var exp = DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeSeconds();
        return $"{Part(new { alg = "none", typ = "JWT" })}.{Part(new { iss = Issuer, aud = Audience, exp, sub = "user-42", stripe_customer_id = customerId })}.";
    }

    public async ValueTask DisposeAsync()
    {
        await _server.StopAsync();
        await _server.DisposeAsync();
        _rsa.Dispose();
    }
}
