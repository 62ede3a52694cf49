using System.Text.RegularExpressions;
using Leeway.Agent.Conversations;
using Leeway.Diagnostics;
using Leeway.Humans;
using Leeway.Identity;
using Leeway.Policy;
using Leeway.Policy.Actions;
using Leeway.Prevent;
using Leeway.Prevent.Nudges;
using Leeway.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Leeway.SelfHeal;

/// <summary>
/// The Billing Health Meter (<c>/me</c>): the signed-in customer's diagnosis as a green/amber/red meter, one-click fixes
/// through the gate, their nudges, a chat with Lee and a way to a person, all on one server-rendered page. Every click
/// carries the click id rendered with the page, claimed once in the <see cref="ClickLedger"/> and used as the gate's
/// decision key, so a double click acts once.
/// </summary>
[Authorize(Policy = SelfHealRegistration.CustomerPagePolicy)]
[RateLimited(RateLimits.Chat, Method = "POST", Handler = "Chat")]
[RateLimited(RateLimits.Person, Method = "POST", Handler = "Human")]
internal sealed partial class MeterModel(
    MeterReading reading,
    MeterFixes fixes,
    MeterChat chat,
    MeterCases cases,
    ClickLedger clicks,
    IdGenerator ids) : PageModel
{
    public const int MaxMessageLength = 4000;

    public string CustomerId { get; private set; } = "";

    public string? CustomerName => View.CustomerName;

    public string? CustomerEmail => View.CustomerEmail;

    public Diagnosis Diagnosis => View.Diagnosis;

    /// <summary>The page's words, in the customer's language.</summary>
    public MeterSays Says => View.Says;

    /// <summary>The plan, card, invoices and refunds, from the snapshot the diagnosis read.</summary>
    public BillingHome Home => View.Home;

    /// <summary>
    /// What the meter shows: the diagnosis's status, but never green while an invoice still has money to pay (a fresh
    /// payment link handed over is not a payment made).
    /// </summary>
    public string Status => View.Status;

    /// <summary>The one-click fixes a person has now (the gate refused them and opened a case): shown as such, not offered again.</summary>
    public IReadOnlySet<ActionType> WithAPerson => View.WithAPerson;

    public IReadOnlyList<OneClickFix> Fixes => View.Fixes;

    public IReadOnlyList<Nudge> Nudges => View.Nudges;

    public IReadOnlyList<ConversationMessage> Chat => View.Chat;

    /// <summary>The customer's open case, if a person has their billing question now.</summary>
    public Case? OpenCase => View.OpenCase;

    /// <summary>
    /// One conversation, oldest first: the customer's messages and notes, Lee's replies and the team's (with the
    /// person's name), from the chat and from every case the customer had, so nothing disappears when a case closes.
    /// </summary>
    public IReadOnlyList<ThreadLine> Thread => View.Thread;

    public Notice? Notice { get; private set; }

    /// <summary>The chat reached an outcome and its one-question effort survey is not answered yet.</summary>
    public bool ShowSurvey => View.ShowSurvey;

    /// <summary>The page is inside the SaaS's dashboard (<c>/widget/me</c>): no header of its own, and other sites' pages open in a new tab.</summary>
    public bool InWidget => WidgetFraming.IsWidgetPath(Request.Path);

    /// <summary>
    /// Where a link to Stripe's pages opens: in the widget, a new tab (Stripe's pages refuse to be framed); else here.
    /// </summary>
    public string? LinkTarget => InWidget ? "_blank" : null;

    /// <summary>A fresh click id for one form on this page (its hidden field).</summary>
    public string NewClickId() => ids.NewId("click");

    /// <summary>What the page shows, read by <see cref="MeterReading"/>.</summary>
    private MeterView View { get; set; } = null!;

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        CustomerId = User.CustomerId()!;
        // /customers/{id} is only ever the signed-in customer's own page; anyone else's does not exist.
        if (RouteData.Values.TryGetValue("id", out var named) && !string.Equals(named as string, CustomerId, StringComparison.Ordinal))
        {
            context.Result = NotFound();
            return;
        }

        await next();
    }

    public async Task<IActionResult> OnGetAsync(string? done, string? returned, CancellationToken ct)
    {
        if (CustomerCookieAuthenticationHandler.SignInUrl(Request.Query) is { } signIn)
        {
            // A sign-in link opened while signed in (perhaps as someone else): the sign-in page switches the cookie.
            return Redirect(signIn);
        }

        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (done is not null && IsClickId(done) && await clicks.WaitAsync(done, CustomerId, ct) is { } click)
        {
            Notice = NoticeFor(click);
        }
        else if (returned is not null && StripeReturnModel.Codes.Contains(returned))
        {
            // Back from Stripe's own page (a card saved, a payment made or given up): say so where the eye is.
            Notice = new Notice(returned.EndsWith("canceled", StringComparison.Ordinal) ? "info" : "success", Says.Text($"Returned.{returned}"));
        }

        return Page();
    }

    public async Task<IActionResult> OnPostFixAsync(string? kind, string? objectId, string? clickId, CancellationToken ct)
    {
        if (!IsClickId(clickId) || string.IsNullOrEmpty(kind) || string.IsNullOrEmpty(objectId))
        {
            return BadRequest();
        }

        await fixes.FixAsync(CustomerId, kind, objectId, clickId!, ct);
        return await AfterAsync(clickId!, ct);
    }

    /// <summary>"Keep my plan": undoes a scheduled cancellation through the gate (audited, one idempotency key per click).</summary>
    public async Task<IActionResult> OnPostKeepAsync(string? subscriptionId, string? clickId, CancellationToken ct)
    {
        if (!IsClickId(clickId) || string.IsNullOrEmpty(subscriptionId) || !subscriptionId.StartsWith("sub_", StringComparison.Ordinal))
        {
            return BadRequest();
        }

        await fixes.KeepAsync(CustomerId, subscriptionId, clickId!, ct);
        return await AfterAsync(clickId!, ct);
    }

    public async Task<IActionResult> OnPostChatAsync(string? text, string? clickId, CancellationToken ct)
    {
        text = text?.Trim();
        if (!IsClickId(clickId) || string.IsNullOrEmpty(text) || text.Length > MaxMessageLength)
        {
            return await InvalidAsync("Invalid.Message", ct);
        }

        await chat.SendAsync(CustomerId, text, clickId!, ct);
        return Redirect($"{Request.PathBase}{Request.Path}#chat");
    }

    public async Task<IActionResult> OnPostHumanAsync(string? note, string? clickId, CancellationToken ct)
    {
        note = note?.Trim();
        if (!IsClickId(clickId) || note?.Length > MaxMessageLength)
        {
            return await InvalidAsync("Invalid.Note", ct);
        }

        await cases.AskForPersonAsync(CustomerId, note, clickId!, ct);
        return await AfterAsync(clickId!, ct);
    }

    public async Task<IActionResult> OnPostSurveyAsync(int? score, string? clickId, CancellationToken ct)
    {
        if (!IsClickId(clickId) || score is not (>= 1 and <= 5))
        {
            return await InvalidAsync("Invalid.Survey", ct);
        }

        await chat.AnswerSurveyAsync(CustomerId, score.Value, clickId!, ct);
        return await AfterAsync(clickId!, ct);
    }

    /// <summary>Signs out here and everywhere the same link was opened: the token is revoked, not only the cookie dropped.</summary>
    public async Task<IActionResult> OnPostSignOutAsync([FromServices] RevokedCredentials revoked, [FromServices] Microsoft.Extensions.Options.IOptions<IdentityOptions> identity, CancellationToken ct)
    {
        if (Request.Cookies.TryGetValue(CustomerCookieAuthenticationHandler.CookieName, out var token) && !string.IsNullOrEmpty(token))
        {
            await revoked.RevokeAsync(RevokedCredentials.TokenId(token), TimeSpan.FromMinutes(identity.Value.TokenLifetimeMinutes), ct);
        }

        CustomerCookieAuthenticationHandler.SignOut(HttpContext);
        return Redirect(CustomerCookieAuthenticationHandler.SignInPath + "?signed_out=1");
    }

    /// <summary>A message with links made clickable; everything else HTML-encoded.</summary>
    public static IEnumerable<(string Text, bool IsLink)> Linkify(string text)
    {
        var at = 0;
        foreach (Match match in LinkPattern().Matches(text))
        {
            if (match.Index > at)
            {
                yield return (text[at..match.Index], false);
            }

            yield return (match.Value, true);
            at = match.Index + match.Length;
        }

        if (at < text.Length)
        {
            yield return (text[at..], false);
        }
    }

    private static bool IsClickId(string? clickId) => clickId is not null && ClickIdPattern().IsMatch(clickId);

    /// <summary>Post, redirect, get: the page shows the fresh diagnosis and what the click did, and a reload repeats nothing.</summary>
    private async Task<IActionResult> AfterAsync(string clickId, CancellationToken ct)
    {
        var click = await clicks.WaitAsync(clickId, CustomerId, ct);
        if (click?.Kind.StartsWith("fix:", StringComparison.Ordinal) == true && OneClickFix.IsLink(click.Kind["fix:".Length..])
            && click.Outcome is { Allowed: true, Succeeded: true, Result.Url: { Length: > 0 } url } && click.CaseId is null
            && !InWidget)
        {
            // A link fix: the click goes straight to Stripe's page (card update, bank verification, payment).
            return Redirect(url);
        }

        // In the widget a link fix comes back as a notice with the link, opened in a new tab (Stripe's pages cannot be framed).
        // The notice opens the page (its anchor, focused by the page's script), so it is never above the view.
        return Redirect($"{Request.PathBase}{Request.Path}?done={Uri.EscapeDataString(clickId)}#notice");
    }

    private async Task<IActionResult> InvalidAsync(string messageKey, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Notice = new Notice("error", Says.Text(messageKey, MaxMessageLength));
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private Notice? NoticeFor(Click click)
    {
        if (click.Kind.StartsWith("fix:", StringComparison.Ordinal))
        {
            if (click.Outcome is null)
            {
                return new Notice("info", Says.Text("Notice.NothingToDo"));
            }

            var notice = MeterText.Outcome(click.Kind["fix:".Length..], click.Outcome, Says);
            return InWidget && click.Outcome is { Allowed: true, Succeeded: true, Result.Url: { Length: > 0 } url }
                && OneClickFix.IsLink(click.Kind["fix:".Length..]) ? notice with { Link = url } : notice;
        }

        if (click.Kind == MeterFixes.KeepKind)
        {
            var renews = Home.Plans.FirstOrDefault(p => p.SubscriptionId == click.Outcome?.Result?.ObjectId)?.RenewsAt;
            return click.Outcome is { Allowed: true, Succeeded: true }
                ? new Notice("success", renews is { } at ? Says.Text("Notice.Kept", Says.Day(at)) : Says.Text("Notice.KeptNoDate"))
                : new Notice("error", Says.Text("Notice.KeepFailed"));
        }

        if (click.Kind.StartsWith("survey:", StringComparison.Ordinal))
        {
            return new Notice("success", Says.Text("Notice.Survey"));
        }

        if (click.Kind == "human" && click.CaseId is not null)
        {
            return new Notice("success", Says.Text("Notice.Human"));
        }

        return null;
    }

    /// <returns>False when Stripe has no such customer.</returns>
    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await reading.LoadAsync(CustomerId, Request.Headers.AcceptLanguage.ToString(), ct) is not { } view)
        {
            return false;
        }

        View = view;
        return true;
    }

    [GeneratedRegex("^click_[0-9A-Za-z]{20}$")]
    private static partial Regex ClickIdPattern();

    [GeneratedRegex(@"https?://[^\s<>""')\]]+[^\s<>""')\].,;:!?]")]
    private static partial Regex LinkPattern();
}
