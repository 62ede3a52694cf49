using System.Security.Claims;
using System.Security.Cryptography;
using Leeway.Audit;
using Leeway.Identity;
using Leeway.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace Leeway.Humans.Console;

/// <summary>
/// Turns the provider's answer into a staff session. The member is found by e-mail in the staff directory (created there
/// on their first sign-in, so cases, approvals and the audit log name them as they name anyone), their role is the one
/// the provider's role claim maps to (and the directory is brought in step with it, the provider being the source of
/// truth for its people), and they are refused, with a page that says why, when the claim maps to no role, when their
/// local account is disabled, or when the provider vouches for no (verified) e-mail address.
/// </summary>
internal sealed class StaffSignInFromProvider(
    IStaffDirectory staff, StaffAudit audit, IdGenerator ids, IOptions<OidcOptions> options, ILogger<StaffSignInFromProvider> logger)
{
    public async Task TicketReceivedAsync(TicketReceivedContext context)
    {
        var oidc = options.Value;
        var provided = context.Principal!;
        var ct = context.HttpContext.RequestAborted;
        var email = provided.FindFirstValue(oidc.EmailClaim)?.Trim() ?? "";
        var subject = provided.FindFirstValue("sub");
        var values = OidcRoles.ClaimValues(provided, oidc);
        var role = OidcRoles.RoleFor(values, oidc);

        var member = StaffDirectory.EmailProblem(email) is null ? await staff.FindByEmailAsync(email, ct) : null;
        var refusal =
            StaffDirectory.EmailProblem(email) is not null ? SignInRefusal.NoEmail
            : string.Equals(provided.FindFirstValue("email_verified"), "false", StringComparison.OrdinalIgnoreCase) ? SignInRefusal.EmailUnverified
            : member is { IsDisabled: true } ? SignInRefusal.Disabled
            : role is null ? SignInRefusal.NoRole
            : null;
        if (refusal is not null)
        {
            // The claim values help an admin fix the role map; they are group or role names, not secrets.
            logger.LogWarning(
                "Staff sign-in through {Provider} refused ({Reason}) for subject {Subject}, email {Email}: {RoleClaim} = [{Values}]",
                oidc.Authority, refusal, subject, email, oidc.RoleClaim, string.Join(", ", values));
            await audit.RecordFailedSignInAsync(email, member?.Id, "provider_" + refusal, context.HttpContext.Connection.RemoteIpAddress?.ToString(), ct);
            Refuse(context, refusal);
            return;
        }

        member = member is null
            ? await ProvisionAsync(email, provided.FindFirstValue(oidc.NameClaim), role!, ct)
            : member.Role == role ? member : await staff.SetRoleAsync(member.Id, role!, ct) ?? member;
        var identity = new ClaimsIdentity(
            [
                new Claim(ConsoleRegistration.StaffIdClaim, member.Id),
                new Claim(ConsoleRegistration.SessionIdClaim, ids.NewId("ses")),
                new Claim(ClaimTypes.Name, member.Name),
                new Claim(ClaimTypes.Email, member.Email),
                new Claim(ClaimTypes.Role, member.Role),
                new Claim(StaffSingleSignOn.ProviderClaim, oidc.Authority!),
            ],
            ConsoleRegistration.StaffScheme);
        context.Principal = new ClaimsPrincipal(identity);
        await audit.RecordAsync(member.Id, "staff_sign_in", null, new { email = member.Email, method = "oidc", provider = oidc.Authority, subject, role = member.Role }, AuditDecision.Allowed, ct);
    }

    /// <summary>The provider said no, the user cancelled there, or the answer did not check out (state, nonce, code,
    /// PKCE verifier): the reason goes to the log, the person gets a page.</summary>
    public Task RemoteFailureAsync(RemoteFailureContext context)
    {
        logger.LogWarning(context.Failure, "Staff sign-in through {Provider} failed: {Reason}", options.Value.Authority, context.Failure?.Message);
        Refuse(context, SignInRefusal.ProviderError);
        return Task.CompletedTask;
    }

    private static void Refuse<TOptions>(HandleRequestContext<TOptions> context, string reason)
        where TOptions : RemoteAuthenticationOptions
    {
        context.Response.Redirect("/console/sign-in/refused?reason=" + reason);
        context.HandleResponse();
    }

    /// <summary>A directory entry for someone the provider vouches for, with a random password nobody knows: they sign in
    /// through the provider, and a local password exists only if an admin sets one (<c>leeway staff reset</c>).</summary>
    private async Task<StaffMember> ProvisionAsync(string email, string? name, string role, CancellationToken ct)
    {
        try
        {
            var member = await staff.CreateAsync(email, string.IsNullOrWhiteSpace(name) ? email : name, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), role, ct);
            logger.LogInformation("Staff account {StaffId} created for {Email} on their first sign-in through {Provider}", member.Id, member.Email, options.Value.Authority);
            return member;
        }
        catch (InvalidOperationException)
        {
            // Their first two sign-ins raced; the account the other made stands.
            return await staff.FindByEmailAsync(email, ct) ?? throw new InvalidOperationException($"The staff account for {email} was neither created nor found.");
        }
    }
}
