using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Leeway.SelfHeal;

/// <summary>
/// The page a browser gets for an error status (404, 401, 403, 500, …) instead of JSON: what happened in plain words and
/// the way back. API clients still get ProblemDetails JSON (<see cref="ErrorPages"/> decides which).
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
internal sealed class ErrorPageModel : PageModel
{
    public int Code { get; private set; }

    public MeterSays Says { get; private set; } = MeterSays.English;

    /// <summary>Where "back" goes: the console for staff pages, the customer's billing health otherwise.</summary>
    public string Home { get; private set; } = "/me";

    /// <summary>The resource key's middle: not_found, sign_in, forbidden, error or other.</summary>
    public string Kind => Code switch
    {
        404 or 405 => "not_found",
        401 => "sign_in",
        403 => "forbidden",
        >= 500 => "error",
        _ => "other",
    };

    public IActionResult OnGet(int code) => Render(code);

    public IActionResult OnPost(int code) => Render(code);

    private PageResult Render(int code)
    {
        Code = code is >= 400 and <= 599 ? code : 404;
        Response.StatusCode = Code;
        Response.Headers.CacheControl = "no-store";
        var original = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path
            ?? Request.Path.Value
            ?? "";
        Home = original.StartsWith("/console", StringComparison.Ordinal) ? "/console" : "/me";
        Says = MeterSays.For(null, Request.Headers.AcceptLanguage.ToString(), null);
        return Page();
    }
}
