using Leeway.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Leeway.Humans.Console;

/// <summary>Why a sign-in through the identity provider was refused (<see cref="SignInRefusal"/>), with 403 and a way back.</summary>
[AllowAnonymous]
internal sealed class SsoRefusedModel(IOptions<OidcOptions> options) : PageModel
{
    public string Reason { get; private set; } = SignInRefusal.ProviderError;

    public string Explanation { get; private set; } = "";

    public void OnGet(string? reason)
    {
        Reason = reason is SignInRefusal.NoRole or SignInRefusal.Disabled or SignInRefusal.NoEmail or SignInRefusal.EmailUnverified ? reason : SignInRefusal.ProviderError;
        Explanation = SignInRefusal.Explain(Reason, options.Value.DisplayName);
        Response.StatusCode = StatusCodes.Status403Forbidden;
    }
}
