using System.Security.Cryptography;
using Leeway.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace Leeway.Identity;

internal static class IdentityRegistration
{
    public const string CustomerPolicy = "customer";
    public const string ServicePolicy = "service";

    public static WebApplicationBuilder AddIdentity(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<IdentityOptions>().BindConfiguration(IdentityOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // Antiforgery tokens and cookies are protected with keys every host shares (in the database), under one
        // application name whatever folder a host runs from (the table is in IdentitySchema).
        builder.Services.AddDataProtection().SetApplicationName("leeway");
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new DatabaseKeyRing(sp.GetRequiredService<Database>())));
        builder.Services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<IdentityOptions>>().Value;
            var key = options.TokenSigningKey is { Length: > 0 } configured
                ? System.Text.Encoding.UTF8.GetBytes(configured)
                : Convert.FromHexString(KeptSecret(sp, "token-signing.key", () => Convert.ToHexString(RandomNumberGenerator.GetBytes(32))));
            return new CustomerTokens(key, sp.GetRequiredService<TimeProvider>(), TimeSpan.FromMinutes(options.TokenLifetimeMinutes));
        });
        builder.Services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<IdentityOptions>>().Value;
            return new ServiceKey(options.ServiceKey is { Length: > 0 } configured
                ? configured
                : KeptSecret(sp, "service.key", () => "lwysvc_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant()));
        });
        builder.Services.AddAuthentication(BearerAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, BearerAuthenticationHandler>(BearerAuthenticationHandler.SchemeName, null);
        builder.AddSaasTokens();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(CustomerPolicy, p => p.RequireClaim(BearerAuthenticationHandler.CustomerIdClaim))
            .AddPolicy(ServicePolicy, p => p.RequireRole(BearerAuthenticationHandler.ServiceRole))
            .AddStaffPolicies();
        return builder;
    }

    /// <summary>A secret generated once and kept in the data folder (0600), so tokens survive a restart.</summary>
    private static string KeptSecret(IServiceProvider services, string fileName, Func<string> generate)
    {
        var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        return SecretFile.ReadOrCreate(Path.Combine(storage.DataDirectory, fileName), generate);
    }
}
