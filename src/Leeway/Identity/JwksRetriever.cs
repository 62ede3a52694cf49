using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Leeway.Identity;

/// <summary>
/// Reads a bare JWKS document (what a SaaS publishes) into the configuration JwtBearer validates against. JwtBearer
/// itself only reads OpenID discovery documents; its <see cref="ConfigurationManager{T}"/> still caches the keys and
/// refreshes them when a token names a key it has not seen (the SaaS rotated).
/// </summary>
internal sealed class JwksRetriever : IConfigurationRetriever<OpenIdConnectConfiguration>
{
    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(string address, IDocumentRetriever retriever, CancellationToken cancel)
    {
        var json = await retriever.GetDocumentAsync(address, cancel);
        var configuration = new OpenIdConnectConfiguration();
        foreach (var key in new JsonWebKeySet(json).GetSigningKeys())
        {
            configuration.SigningKeys.Add(key);
        }

        return configuration;
    }
}
