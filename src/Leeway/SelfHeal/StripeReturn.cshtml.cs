using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Leeway.SelfHeal;

/// <summary>
/// Where Stripe sends the customer back (<c>/billing?card=updated</c> after a setup Checkout or the billing portal,
/// <c>?checkout=success</c> after a payment, <c>…=canceled</c> when they gave up): a page that moves on to the meter with
/// what happened as its notice. A page rather than a redirect, because the customer's SameSite=Strict cookie is withheld
/// from a navigation that began on Stripe's site; the next, same-site navigation carries it.
/// </summary>
[AllowAnonymous]
internal sealed class StripeReturnModel : PageModel
{
    /// <summary>What the meter may be told on return (its notice key is <c>Returned.{code}</c>).</summary>
    public static readonly IReadOnlySet<string> Codes = new HashSet<string>(StringComparer.Ordinal)
    {
        "card_updated", "card_canceled", "checkout_success", "checkout_canceled",
    };

    public string Next { get; private set; } = "/me";

    public MeterSays Says { get; private set; } = MeterSays.English;

    public IActionResult OnGet(string? card, string? checkout)
    {
        Response.Headers.CacheControl = "no-store";
        Says = MeterSays.For(null, Request.Headers.AcceptLanguage.ToString(), null);
        var code = card is { Length: > 0 } ? $"card_{card}" : checkout is { Length: > 0 } ? $"checkout_{checkout}" : null;
        Next = code is not null && Codes.Contains(code) ? $"/me?returned={code}#notice" : "/me";
        return Page();
    }
}
