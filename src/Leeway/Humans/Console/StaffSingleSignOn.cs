using Leeway.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Leeway.Humans.Console;

/// <summary>
/// Staff sign-in through the company's identity provider (<see cref="OidcOptions"/>): ASP.NET Core's OpenID Connect
/// handler with the authorization code flow and PKCE, answers in the query string, and the member's session in the same
/// <c>staff</c> cookie a password sign-in gives (<see cref="StaffSignInFromProvider"/> makes it). Registered only when
/// <c>Identity:Oidc:Authority</c> is set: the handler looks at every request for its callback, and has nothing to look
/// with otherwise.
/// </summary>
internal static class StaffSingleSignOn
{
    public const string Scheme = "staff-oidc";

    /// <summary>The claim that says a session came from the identity provider (its value is the provider's issuer).</summary>
    public const string ProviderClaim = "staff_idp";

    internal static WebApplicationBuilder AddStaffSingleSignOn(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<OidcOptions>().BindConfiguration(OidcOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        if (builder.Configuration.GetSection(OidcOptions.Section).Get<OidcOptions>() is not { Enabled: true })
        {
            return builder;
        }

        builder.Services.AddSingleton<StaffSignInFromProvider>();
        builder.Services.AddAuthentication().AddOpenIdConnect(Scheme, _ => { });
        builder.Services.AddOptions<OpenIdConnectOptions>(Scheme).Configure<IOptions<OidcOptions>>((handler, oidc) => Configure(handler, oidc.Value));
        return builder;
    }

    private static void Configure(OpenIdConnectOptions handler, OidcOptions oidc)
    {
        handler.SignInScheme = StaffPolicies.Scheme;
        handler.Authority = oidc.Authority;
        handler.ClientId = oidc.ClientId;
        handler.ClientSecret = string.IsNullOrEmpty(oidc.ClientSecret) ? null : oidc.ClientSecret;
        handler.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
        handler.CallbackPath = OidcOptions.CallbackPath;
        handler.ResponseType = OpenIdConnectResponseType.Code;
        handler.UsePkce = true;
        // The code comes back in the query string of a top-level GET, so the correlation and nonce cookies can be
        // SameSite=Lax (a form_post answer from the provider's site would need SameSite=None, which needs HTTPS).
        handler.ResponseMode = OpenIdConnectResponseMode.Query;
        handler.CorrelationCookie.SameSite = SameSiteMode.Lax;
        handler.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        handler.NonceCookie.SameSite = SameSiteMode.Lax;
        handler.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        // Those cookies' Expires is read by the browser against the wall clock, and the ID token's lifetime is checked
        // against it too; the product's own clock may follow a scenario's (eval, tests), so the handler keeps the real one.
        handler.TimeProvider = TimeProvider.System;
        handler.Scope.Clear();
        foreach (var scope in oidc.Scopes)
        {
            handler.Scope.Add(scope);
        }

        // Claims keep the provider's names (roles, groups, email), which is what Identity:Oidc names them by.
        handler.MapInboundClaims = false;
        handler.GetClaimsFromUserInfoEndpoint = true;
        handler.ClaimActions.MapJsonKey(oidc.RoleClaim, oidc.RoleClaim);
        handler.ClaimActions.MapUniqueJsonKey(oidc.EmailClaim, oidc.EmailClaim);
        handler.ClaimActions.MapUniqueJsonKey(oidc.NameClaim, oidc.NameClaim);
        handler.ClaimActions.MapUniqueJsonKey("email_verified", "email_verified");
        // The session is Leeway's own cookie; the provider's tokens are not kept in it.
        handler.SaveTokens = false;
        handler.DisableTelemetry = true;
        handler.Events.OnTicketReceived = context => context.HttpContext.RequestServices.GetRequiredService<StaffSignInFromProvider>().TicketReceivedAsync(context);
        handler.Events.OnRemoteFailure = context => context.HttpContext.RequestServices.GetRequiredService<StaffSignInFromProvider>().RemoteFailureAsync(context);
    }

    /// <summary>Where a console page sends someone to sign in through the provider, then on to <paramref name="returnUrl"/>.</summary>
    public static string StartPath(string? returnUrl) =>
        "/console/sign-in/sso" + (string.IsNullOrEmpty(returnUrl) ? "" : "?returnUrl=" + Uri.EscapeDataString(returnUrl));

    /// <summary>A console path to go back to; anything else (another site, a protocol-relative URL) is the queue.</summary>
    public static string SafeReturn(string? returnUrl) =>
        returnUrl is { Length: > 0 } r && r.StartsWith("/console", StringComparison.Ordinal) && !r.StartsWith("//", StringComparison.Ordinal) && !r.Contains('\\', StringComparison.Ordinal)
            ? r
            : "/console";
}
