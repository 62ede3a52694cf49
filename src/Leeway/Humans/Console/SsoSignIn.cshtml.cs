using Leeway.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Leeway.Humans.Console;

/// <summary>
/// Sign-in through the identity provider: a GET sends the browser to the provider (a link, not a form, because the
/// content security policy's <c>form-action 'self'</c> would stop a form redirected to another site). The provider's
/// answer comes back to <see cref="OidcOptions.CallbackPath"/> and then here with <c>handler=Continue</c>: a page on
/// Leeway's own site that moves on to the console, because the staff cookie is SameSite=Strict and a browser does not
/// send it on the last hop of a redirect chain that went through another site.
/// </summary>
[AllowAnonymous]
internal sealed class SsoSignInModel(IOptions<OidcOptions> options) : PageModel
{
    /// <summary>Where the page moves on to: a console path.</summary>
    public string Target { get; private set; } = "/console";

    public IActionResult OnGet(string? returnUrl)
    {
        if (!options.Value.Enabled)
        {
            return NotFound();
        }

        var properties = new AuthenticationProperties
        {
            RedirectUri = "/console/sign-in/sso?handler=Continue&returnUrl=" + Uri.EscapeDataString(StaffSingleSignOn.SafeReturn(returnUrl)),
        };
        return Challenge(properties, StaffSingleSignOn.Scheme);
    }

    public IActionResult OnGetContinue(string? returnUrl)
    {
        if (!options.Value.Enabled)
        {
            return NotFound();
        }

        Target = StaffSingleSignOn.SafeReturn(returnUrl);
        return Page();
    }
}
