using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Leeway.Identity;

/// <summary>
/// The SaaS's JWT as a customer credential, checked by ASP.NET Core's JwtBearer (signature from the JWKS or the shared
/// secret, issuer, audience, lifetime with clock skew, only the expected algorithms, so <c>alg: none</c> and an HS256
/// token signed with a public key are refused). A valid token becomes the same customer principal a Leeway token gives.
/// The API takes it as a bearer token (the Bearer handler forwards anything that is not a Leeway credential here); the
/// pages exchange it once for the session cookie (<c>/me/sign-in?jwt=…</c>). A refusal is logged with its reason,
/// never the token.
/// </summary>
internal static partial class SaasTokens
{
    public const string SchemeName = "saas-jwt";

    /// <summary>The query parameter a page sign-in carries the SaaS token in (and the widget's sign-in form, its field).</summary>
    public const string QueryParameter = "jwt";

    /// <summary>Where a caller that read the token itself (the widget's sign-in form) hands it to the handler.</summary>
    private const string TokenItem = "leeway.saas-jwt";

    public static WebApplicationBuilder AddSaasTokens(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SaasTokenOptions>().BindConfiguration(SaasTokenOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddAuthentication().AddJwtBearer(SchemeName, _ => { });
        builder.Services.AddOptions<JwtBearerOptions>(SchemeName).Configure<IOptions<SaasTokenOptions>, ILoggerFactory>(Configure);
        return builder;
    }

    private static void Configure(JwtBearerOptions jwt, IOptions<SaasTokenOptions> saasOptions, ILoggerFactory loggers)
    {
        var saas = saasOptions.Value;
        var logger = loggers.CreateLogger(typeof(SaasTokens).FullName!);
        jwt.MapInboundClaims = false;
        jwt.SaveToken = false;
        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = saas.Issuer,
            ValidAudience = saas.Audience,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = TimeSpan.FromSeconds(saas.ClockSkewSeconds),
            ValidAlgorithms = string.IsNullOrEmpty(saas.SharedSecret)
                ? [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.EcdsaSha256]
                : [SecurityAlgorithms.HmacSha256],
        };
        if (!saas.Enabled)
        {
            // Never reached through the Bearer handler; a direct call finds no key and refuses.
            jwt.TokenValidationParameters.IssuerSigningKeys = [];
        }
        else if (!string.IsNullOrEmpty(saas.SharedSecret))
        {
            jwt.TokenValidationParameters.IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(saas.SharedSecret));
        }
        else
        {
            jwt.ConfigurationManager = new ConfigurationManager<OpenIdConnectConfiguration>(
                saas.JwksUrl!, new JwksRetriever(), new HttpDocumentRetriever { RequireHttps = saas.RequireHttpsJwks });
        }

        jwt.Events = new JwtBearerEvents
        {
            OnMessageReceived = context =>
            {
                // A page sign-in brings the token in the query once (the widget's in a posted form, read by its page);
                // the API brings it in the Authorization header.
                if (context.HttpContext.Items[TokenItem] is string fromForm)
                {
                    context.Token = fromForm;
                }
                else if (context.Request.Query.TryGetValue(QueryParameter, out var fromQuery) && fromQuery.Count == 1)
                {
                    context.Token = fromQuery[0];
                }

                return Task.CompletedTask;
            },
            OnTokenValidated = context =>
            {
                var customerId = context.Principal?.FindFirstValue(saas.CustomerIdClaim);
                if (string.IsNullOrWhiteSpace(customerId) || !customerId.StartsWith("cus_", StringComparison.Ordinal))
                {
                    var reason = $"the token has no Stripe customer id (cus_…) in its '{saas.CustomerIdClaim}' claim";
                    Refused(logger, "MissingCustomerClaim", reason);
                    context.Fail(reason);
                    return Task.CompletedTask;
                }

                var identity = new ClaimsIdentity(
                    [new Claim(ClaimTypes.Name, customerId), new Claim(BearerAuthenticationHandler.CustomerIdClaim, customerId), new Claim("saas_subject", context.Principal!.FindFirstValue("sub") ?? "")],
                    SchemeName);
                context.Principal = new ClaimsPrincipal(identity);
                context.Success();
                return Task.CompletedTask;
            },
            OnAuthenticationFailed = context =>
            {
                // IdentityModel hides personal data in its messages; the token itself is never logged.
                Refused(logger, context.Exception.GetType().Name, FirstLine(context.Exception.Message));
                return Task.CompletedTask;
            },
        };
    }

    /// <summary>The customer a SaaS token names, or null (with the reason logged) when it is refused.</summary>
    public static async Task<string?> CustomerOfAsync(HttpContext http)
    {
        if (!http.RequestServices.GetRequiredService<IOptions<SaasTokenOptions>>().Value.Enabled)
        {
            return null;
        }

        var result = await http.AuthenticateAsync(SchemeName);
        return result.Succeeded ? result.Principal.CustomerId() : null;
    }

    /// <summary>The customer <paramref name="token"/> (read by the caller, e.g. from a form) names, or null, as above.</summary>
    public static Task<string?> CustomerOfAsync(HttpContext http, string token)
    {
        http.Items[TokenItem] = token;
        return CustomerOfAsync(http);
    }

    /// <summary>Whether a bearer credential is for this scheme: a JWT (three base64url parts), not a Leeway token.</summary>
    public static bool LooksLikeJwt(string credential) =>
        credential.StartsWith("eyJ", StringComparison.Ordinal) && credential.Count(c => c == '.') == 2;

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();

    [LoggerMessage(Level = LogLevel.Warning, Message = "A SaaS sign-in token was refused ({Kind}): {Reason}")]
    private static partial void Refused(ILogger logger, string kind, string reason);
}
