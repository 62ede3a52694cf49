using Leeway.Identity;
using Leeway.Tests.Diagnostics;
using Microsoft.Extensions.Options;

namespace Leeway.Tests.Identity;

/// <summary>Staff single sign-on settings (<c>Identity:Oidc</c>): checked at start with a message naming the key, and the role map.</summary>
public sealed class OidcOptionsTests
{
    [Fact]
    public void Off_when_no_authority_is_set_and_then_nothing_else_is_required()
    {
        var options = new OidcOptions();

        Assert.False(options.Enabled);
        Assert.Empty(Failures(options));
    }

    [Theory]
    [InlineData("https://login.example.com", null, "Identity:Oidc:ClientId is empty")]
    [InlineData("login.example.com", "c", "Identity:Oidc:Authority 'login.example.com' is not an absolute http(s) URL")]
    [InlineData("http://login.example.com", "c", "Identity:Oidc:Authority 'http://login.example.com' is not HTTPS")]
    public void A_half_configured_provider_fails_naming_the_key(string authority, string? clientId, string expected)
    {
        var failures = Failures(new OidcOptions { Authority = authority, ClientId = clientId });

        Assert.Contains(failures, f => f.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Https_metadata_may_be_off_only_for_a_provider_on_this_machine()
    {
        Assert.Empty(Failures(new OidcOptions { Authority = "http://localhost:8080", ClientId = "c", RequireHttpsMetadata = false }));
        Assert.Empty(Failures(new OidcOptions { Authority = "http://127.0.0.1:8080", ClientId = "c", RequireHttpsMetadata = false }));

        var failures = Failures(new OidcOptions { Authority = "http://idp.example.com", ClientId = "c", RequireHttpsMetadata = false });

        Assert.Contains(failures, f => f.Contains("Identity:Oidc:RequireHttpsMetadata is false but Authority 'http://idp.example.com' is not on this machine", StringComparison.Ordinal));
    }

    [Fact]
    public void A_role_map_to_an_unknown_role_or_a_scope_without_openid_fails_naming_the_key()
    {
        var options = new OidcOptions { Authority = "https://login.example.com", ClientId = "c", Scope = "profile email" };
        options.Roles["billing-bosses"] = "boss";

        var failures = Failures(options);

        Assert.Contains(failures, f => f.Contains("Identity:Oidc:Roles:billing-bosses 'boss' is not one of: agent, lead, admin", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Identity:Oidc:Scope 'profile email' lacks openid", StringComparison.Ordinal));
    }

    [Fact]
    public void A_client_without_an_authority_fails_naming_the_authority()
    {
        var failures = Failures(new OidcOptions { ClientId = "leeway" });

        Assert.Contains(failures, f => f.Contains("Identity:Oidc:Authority is empty but Identity:Oidc:ClientId", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_product_refuses_to_start_with_a_bad_provider_setting()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => ProductHost.StartAsync(new Dictionary<string, string?>
        {
            ["Identity:Oidc:Authority"] = "http://idp.example.com",
            ["Identity:Oidc:ClientId"] = "leeway",
            ["Identity:Oidc:RequireHttpsMetadata"] = "false",
        }));

        Assert.Contains("Identity:Oidc:RequireHttpsMetadata", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "everyone" }, null)]
    [InlineData(new[] { "everyone", "billing-agents" }, StaffRoles.Agent)]
    [InlineData(new[] { "billing-agents", "billing-leads" }, StaffRoles.Lead)]
    [InlineData(new[] { "billing-admins", "billing-agents" }, StaffRoles.Admin)]
    [InlineData(new[] { "Billing-Leads" }, null)] // Values compare exactly, as the provider's group names do.
    public void The_highest_mapped_value_gives_the_role(string[] values, string? expected)
    {
        var options = new OidcOptions { Roles = new() { ["billing-agents"] = "agent", ["billing-leads"] = "Lead", ["billing-admins"] = "admin" } };

        Assert.Equal(expected, OidcRoles.RoleFor(values, options));
    }

    [Fact]
    public void Without_a_map_the_values_are_role_names()
    {
        Assert.Equal(StaffRoles.Lead, OidcRoles.RoleFor(["agent", "lead", "staff"], new OidcOptions()));
        Assert.Null(OidcRoles.RoleFor(["staff"], new OidcOptions()));
    }

    private static List<string> Failures(OidcOptions options) =>
        new DataAnnotationValidateOptions<OidcOptions>(null).Validate(null, options) is { Failed: true } result ? result.Failures.ToList() : [];
}
