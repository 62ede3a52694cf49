using System.Text.RegularExpressions;
using Leeway.Agent;
using Leeway.Agent.Conversations;
using Leeway.Billing;
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
    IDiagnosisService diagnostics,
    IDiagnosisCache diagnosisCache,
    IBillingReader billing,
    IGate gate,
    CaseDesk desk,
    INudgeStore nudges,
    IStaffDirectory staff,
    ClickLedger clicks,
    DashboardChat chat,
    AgentLee lee,
    ConversationStore conversations,
    IdGenerator ids,
    TimeProvider time,
    IEnumerable<IMeterObserver> observers,
    ILogger<MeterModel> logger) : PageModel
{
    public const int MaxMessageLength = 4000;

    public string CustomerId { get; private set; } = "";

    public string? CustomerName { get; private set; }

    public string? CustomerEmail { get; private set; }

    public Diagnosis Diagnosis { get; private set; } = null!;

    /// <summary>The page's words, in the customer's language.</summary>
    public MeterSays Says { get; private set; } = MeterSays.English;

    /// <summary>The plan, card, invoices and refunds, from the snapshot the diagnosis read.</summary>
    public BillingHome Home { get; private set; } = BillingHome.Empty;

    /// <summary>
    /// What the meter shows: the diagnosis's status, but never green while an invoice still has money to pay (a fresh
    /// payment link handed over is not a payment made).
    /// </summary>
    public string Status { get; private set; } = "amber";

    /// <summary>The one-click fixes a person has now (the gate refused them and opened a case): shown as such, not offered again.</summary>
    public IReadOnlySet<ActionType> WithAPerson { get; private set; } = new HashSet<ActionType>();

    public IReadOnlyList<OneClickFix> Fixes { get; private set; } = [];

    public IReadOnlyList<Nudge> Nudges { get; private set; } = [];

    public IReadOnlyList<ConversationMessage> Chat { get; private set; } = [];

    /// <summary>The customer's open case, if a person has their billing question now.</summary>
    public Case? OpenCase { get; private set; }

    /// <summary>
    /// One conversation, oldest first: the customer's messages and notes, Lee's replies and the team's (with the
    /// person's name), from the chat and from every case the customer had, so nothing disappears when a case closes.
    /// </summary>
    public IReadOnlyList<ThreadLine> Thread { get; private set; } = [];

    public Notice? Notice { get; private set; }

    /// <summary>The chat reached an outcome and its one-question effort survey is not answered yet.</summary>
    public bool ShowSurvey { get; private set; }

    /// <summary>The page is inside the SaaS's dashboard (<c>/widget/me</c>): no header of its own, and other sites' pages open in a new tab.</summary>
    public bool InWidget => WidgetFraming.IsWidgetPath(Request.Path);

    /// <summary>
    /// Where a link to Stripe's pages opens: in the widget, a new tab (Stripe's pages refuse to be framed); else here.
    /// </summary>
    public string? LinkTarget => InWidget ? "_blank" : null;

    /// <summary>A fresh click id for one form on this page (its hidden field).</summary>
    public string NewClickId() => ids.NewId("click");

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

        if (!await clicks.ClaimAsync(clickId!, CustomerId, $"fix:{kind}", ct))
        {
            // A double click or a resubmitted form: the first request acts, this one shows what it did.
            return await AfterAsync(clickId!, ct);
        }

        GateOutcome? outcome = null;
        string? caseId = null;
        try
        {
            var (diagnosis, snapshot) = await ReadAsync(ct);
            var fix = diagnosis is null ? null : OneClickFix.For(diagnosis, snapshot).FirstOrDefault(f => WireName.Of(f.Kind) == kind && f.ObjectId == objectId);
            if (fix is not null)
            {
                outcome = await gate.ExecuteAsync(Actor.Customer, Principal.Customer(CustomerId), fix.ToAction(CustomerId), $"dashboard:{CustomerId}:{clickId}", ct);
                diagnosisCache.Invalidate(CustomerId);
                var attempt = new FixAttempt(CustomerId, fix, outcome, diagnosis!, snapshot);
                await TellAsync(o => o.OnFixAsync(attempt, CancellationToken.None));
                if (!outcome.Allowed && outcome.HumanCanGrant)
                {
                    // Never a dead end: what a person could grant goes to a person, with everything they need.
                    await clicks.CompleteAsync(clickId!, outcome, null, ct);
                    caseId = (await OpenCaseAsync($"{WireName.Of(fix.Kind)} refused by policy ({outcome.Rule}): {outcome.Message}", null, ct)).Id;
                }
            }
        }
        finally
        {
            await clicks.CompleteAsync(clickId!, outcome, caseId, CancellationToken.None);
        }

        return await AfterAsync(clickId!, ct);
    }

    /// <summary>"Keep my plan": undoes a scheduled cancellation through the gate (audited, one idempotency key per click).</summary>
    public async Task<IActionResult> OnPostKeepAsync(string? subscriptionId, string? clickId, CancellationToken ct)
    {
        if (!IsClickId(clickId) || string.IsNullOrEmpty(subscriptionId) || !subscriptionId.StartsWith("sub_", StringComparison.Ordinal))
        {
            return BadRequest();
        }

        if (await clicks.ClaimAsync(clickId!, CustomerId, KeepKind, ct))
        {
            GateOutcome? outcome = null;
            try
            {
                outcome = await gate.ExecuteAsync(Actor.Customer, Principal.Customer(CustomerId), new ResumeSubscription(subscriptionId), $"dashboard:{CustomerId}:{clickId}", ct);
                diagnosisCache.Invalidate(CustomerId);
            }
            finally
            {
                await clicks.CompleteAsync(clickId!, outcome, null, CancellationToken.None);
            }
        }

        return await AfterAsync(clickId!, ct);
    }

    public async Task<IActionResult> OnPostChatAsync(string? text, string? clickId, CancellationToken ct)
    {
        text = text?.Trim();
        if (!IsClickId(clickId) || string.IsNullOrEmpty(text) || text.Length > MaxMessageLength)
        {
            return await InvalidAsync("Invalid.Message", ct);
        }

        if (await clicks.ClaimAsync(clickId!, CustomerId, "chat", ct))
        {
            string? caseId = null;
            try
            {
                var conversation = await chat.GetOrStartAsync(CustomerId, ct);
                if (conversation.State == ConversationState.Escalated && conversation.CaseId is { } escalatedTo
                    && await desk.GetAsync(escalatedTo, ct) is { Status: CaseStatus.Closed })
                {
                    // The person closed the case: a new question starts a new conversation with Lee.
                    conversation = await chat.RestartAsync(CustomerId, ct);
                }

                var reply = await lee.HandleAsync(conversation, text, ct);
                caseId = reply.CaseId;
                diagnosisCache.Invalidate(CustomerId);
            }
            finally
            {
                await clicks.CompleteAsync(clickId!, null, caseId, CancellationToken.None);
            }
        }

        return Redirect($"{Request.PathBase}{Request.Path}#chat");
    }

    public async Task<IActionResult> OnPostHumanAsync(string? note, string? clickId, CancellationToken ct)
    {
        note = note?.Trim();
        if (!IsClickId(clickId) || note?.Length > MaxMessageLength)
        {
            return await InvalidAsync("Invalid.Note", ct);
        }

        if (await clicks.ClaimAsync(clickId!, CustomerId, "human", ct))
        {
            string? caseId = null;
            try
            {
                var open = (await desk.ListForCustomerAsync(CustomerId, ct)).FirstOrDefault(c => c.Status != CaseStatus.Closed);
                if (open is not null)
                {
                    if (!string.IsNullOrEmpty(note))
                    {
                        await desk.AddLineAsync(open.Id, new TranscriptLine(AgentLee.Customer, note, time.GetUtcNow()), ct);
                    }

                    caseId = open.Id;
                }
                else
                {
                    caseId = (await OpenCaseAsync(
                        string.IsNullOrEmpty(note) ? "The customer asked for a person from the Billing Health Meter." : $"The customer asked for a person: {note}",
                        note,
                        ct)).Id;
                }
            }
            finally
            {
                await clicks.CompleteAsync(clickId!, null, caseId, CancellationToken.None);
            }
        }

        return await AfterAsync(clickId!, ct);
    }

    public async Task<IActionResult> OnPostSurveyAsync(int? score, string? clickId, CancellationToken ct)
    {
        if (!IsClickId(clickId) || score is not (>= 1 and <= 5))
        {
            return await InvalidAsync("Invalid.Survey", ct);
        }

        if (await chat.FindAsync(CustomerId, ct) is { } conversation && await clicks.ClaimAsync(clickId!, CustomerId, SurveyKind(conversation.Id), ct))
        {
            try
            {
                await TellAsync(o => o.OnSurveyAsync(CustomerId, conversation.Id, score.Value, CancellationToken.None));
            }
            finally
            {
                await clicks.CompleteAsync(clickId!, null, null, CancellationToken.None);
            }
        }

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

    private const string KeepKind = "keep_plan";

    private static string SurveyKind(string conversationId) => $"survey:{conversationId}";

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

        if (click.Kind == KeepKind)
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
        var nudgesTask = nudges.ListForCustomerAsync(CustomerId, ct);
        var casesTask = desk.ListForCustomerAsync(CustomerId, ct);
        var chatTask = chat.FindAsync(CustomerId, ct);
        var (diagnosis, snapshot) = await ReadAsync(ct);
        if (diagnosis is null)
        {
            return false;
        }

        Diagnosis = diagnosis;
        Home = BillingHome.From(snapshot);
        Says = MeterSays.For(snapshot?.Customer.PreferredLocales, Request.Headers.AcceptLanguage.ToString(),
            Home.Currency);
        Status = diagnosis.Status is "green" or "amber" or "red" ? diagnosis.Status : "amber";
        if (Status == "green" && Home.Owed.Count > 0)
        {
            Status = "amber";
        }

        Fixes = OneClickFix.For(diagnosis, snapshot, Says);
        CustomerName = snapshot?.Customer.Name;
        CustomerEmail = snapshot?.Customer.Email;
        // One nudge per reason: the newest says it; older ones of the same kind would say it again.
        Nudges = (await nudgesTask).OrderByDescending(n => n.CreatedAt).DistinctBy(n => n.Reason).Take(5).ToList();
        var customerCases = await casesTask;
        OpenCase = customerCases.FirstOrDefault(c => c.Status != CaseStatus.Closed);
        if (OpenCase is not null)
        {
            WithAPerson = (await clicks.OutcomesAsync(CustomerId, OpenCase.CreatedAt.AddMinutes(-1), ct))
                .Where(o => !o.Allowed && o.HumanCanGrant)
                .Select(o => o.Action)
                .ToHashSet();
        }

        var conversation = await chatTask;
        IReadOnlyList<ConversationMessage> messages = conversation is null ? [] : await conversations.MessagesAsync(conversation.Id, ct);
        Chat = messages;
        Thread = await ThreadAsync(customerCases, messages, ct);
        if (conversation is not null && messages.Count > 0 && OpenCase is null)
        {
            // The one question comes once the problem is sorted: by Lee, or by the person who closed the case; not at a handoff.
            var sorted = conversation.State != ConversationState.Open
                && (conversation.State != ConversationState.Escalated
                    || (conversation.CaseId is { } handled && customerCases.Any(c => c.Id == handled && c.Status == CaseStatus.Closed)));
            ShowSurvey = sorted && !await clicks.AnyAsync(CustomerId, SurveyKind(conversation.Id), ct);
        }

        return true;
    }

    /// <summary>The chat and every case's lines in one thread, each line once, oldest first.</summary>
    private async Task<IReadOnlyList<ThreadLine>> ThreadAsync(IReadOnlyList<Case> customerCases, IReadOnlyList<ConversationMessage> messages, CancellationToken ct)
    {
        var lines = new List<ThreadLine>();
        var seen = new HashSet<(string, string, long)>();
        var names = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var line in customerCases.OrderBy(c => c.CreatedAt).SelectMany(c => c.Packet.Transcript))
        {
            await AddAsync(line.From, line.Text, line.At);
        }

        foreach (var message in messages)
        {
            await AddAsync(message.From, message.Text, message.At);
        }

        return lines.OrderBy(l => l.At).ToList();

        async Task AddAsync(string from, string text, DateTimeOffset at)
        {
            if (!seen.Add((from, text, at.ToUnixTimeSeconds())))
            {
                return;
            }

            if (from.StartsWith("human:", StringComparison.Ordinal))
            {
                var staffId = from["human:".Length..];
                if (!names.TryGetValue(staffId, out var name))
                {
                    name = (await staff.GetAsync(staffId, ct))?.Name;
                    names[staffId] = name;
                }

                lines.Add(new ThreadLine("human", name is null ? Says.Text("Thread.Team") : Says.Text("Thread.TeamMember", name), text, at));
            }
            else if (from == AgentLee.Customer)
            {
                lines.Add(new ThreadLine("customer", Says.Text("Thread.You"), text, at));
            }
            else if (from == LeeNames.Author)
            {
                lines.Add(new ThreadLine(LeeNames.Author, LeeNames.Display, text, at));
            }
        }
    }

    private async Task<(Diagnosis? Diagnosis, BillingSnapshot? Billing)> ReadAsync(CancellationToken ct)
    {
        var diagnosisTask = diagnostics.DiagnoseAsync(CustomerId, ct);
        BillingSnapshot? snapshot = null;
        try
        {
            snapshot = await billing.ReadAsync(CustomerId, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The diagnosis reports Stripe being down as its own finding; the page only loses names and amounts.
            logger.LogWarning(e, "Billing read failed for the meter of {Customer}", CustomerId);
        }

        return (await diagnosisTask, snapshot);
    }

    /// <summary>A case with the page's whole context: the chat so far, the diagnosis, every fix tried with its decision.</summary>
    private async Task<Case> OpenCaseAsync(string reason, string? note, CancellationToken ct)
    {
        var conversation = await chat.GetOrStartAsync(CustomerId, ct);
        if (!string.IsNullOrEmpty(note))
        {
            await conversations.AppendAsync(conversation.Id, AgentLee.Customer, note, null, null, ct);
        }

        var (diagnosis, snapshot) = await ReadAsync(ct);
        // The clicks hold the gate's whole answer to each fix (whether a person may grant a refusal): the desk prefers it to the record's.
        var since = conversation.CreatedAt < time.GetUtcNow() - CaseDesk.ActionsLookBack ? conversation.CreatedAt : time.GetUtcNow() - CaseDesk.ActionsLookBack;
        var opened = await desk.OpenWithContextAsync(
            new CaseOpening(
                CustomerId,
                reason,
                CaseSources.Dashboard,
                snapshot?.Risk ?? "normal",
                $"From the Billing Health Meter ({diagnosis?.Status ?? "unknown"}).",
                diagnosis,
                conversation.Id,
                Outcomes: await clicks.OutcomesAsync(CustomerId, since, ct)),
            ct);
        // Lee then tells the customer a person has it, instead of starting over.
        await lee.HandedToPersonAsync(conversation, opened.Id, ct);
        return opened;
    }

    /// <summary>Tells the observers (contact log, metrics); their failure is logged and never changes what the page does.</summary>
    private async Task TellAsync(Func<IMeterObserver, Task> tell)
    {
        foreach (var observer in observers)
        {
            try
            {
                await tell(observer);
            }
            catch (Exception e)
            {
                logger.LogError(e, "Meter observer {Observer} failed for {Customer}", observer.GetType().Name, CustomerId);
            }
        }
    }

    [GeneratedRegex("^click_[0-9A-Za-z]{20}$")]
    private static partial Regex ClickIdPattern();

    [GeneratedRegex(@"https?://[^\s<>""')\]]+[^\s<>""')\].,;:!?]")]
    private static partial Regex LinkPattern();
}

/// <summary>One line of the customer's conversation: who (customer, lee, human), their name as shown, what and when.</summary>
internal sealed record ThreadLine(string Kind, string Who, string Text, DateTimeOffset At);
