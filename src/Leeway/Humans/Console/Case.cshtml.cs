using System.Security.Claims;
using System.Text.Encodings.Web;
using Leeway.Audit;
using Leeway.Billing;
using Leeway.Knowledge;
using Leeway.Policy;
using Leeway.Policy.Actions;
using Leeway.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Leeway.Humans.Console;

/// <summary>
/// One case with its whole handoff packet (summary, diagnosis, transcript, every action tried with its policy decision)
/// and its timeline, and what a person may do: reply, approve what policy refused to automation (through the gate, with
/// the approval recorded), close with a resolution that can create or improve a knowledge article. The work itself is
/// the case desk's (<see cref="CaseDesk"/>), which the case API calls too, so the console and the API can never disagree.
/// </summary>
[Authorize(Policy = ConsoleRegistration.StaffPolicy)]
internal sealed class CaseModel(CaseDesk desk, IStaffDirectory staff, IKnowledgeBase knowledge, IGateActions gateActions, StaffAudit staffAudit, TimeProvider time, ILogger<CaseModel> logger) : PageModel
{
    /// <summary>The customer's billing as Stripe has it now (null when Stripe did not answer: the page says so).</summary>
    public BillingSnapshot? Billing { get; private set; }

    public string? BillingError { get; private set; }

    public IReadOnlyList<TimelineItem> Timeline { get; private set; } = [];

    /// <summary>The customer's other open cases: what this one may be merged into.</summary>
    public IReadOnlyList<Case> OtherOpenCases { get; private set; } = [];

    public IReadOnlyList<StaffMember> Team { get; private set; } = [];

    /// <summary>Internal notes: the team's, on the timeline only.</summary>
    public IReadOnlyList<CaseEvent> Notes { get; private set; } = [];

    /// <summary>The reply box's text: a saved reply the person picked (<c>?reply=…</c>), filled in for this customer.</summary>
    public string ReplyDraft { get; private set; } = "";

    public DateTimeOffset DueAt { get; private set; }

    public bool Overdue => Case.State == CaseStatus.Open && DueAt < time.GetUtcNow();

    public CaseDetail Detail { get; private set; } = null!;

    public Case Case => Detail.Case;

    /// <summary>Actions policy refused that a person may grant, with the parameters the gate recorded.</summary>
    public IReadOnlyList<Approvable> Approvable { get; private set; } = [];

    public IReadOnlyList<Article> RelatedArticles { get; private set; } = [];

    public IReadOnlyDictionary<string, string> StaffNames { get; private set; } = new Dictionary<string, string>();

    public string? Notice { get; private set; }

    public string? Error { get; private set; }

    private string StaffId => User.FindFirstValue(ConsoleRegistration.StaffIdClaim)!;

    private CaseStore Store => HttpContext.RequestServices.GetRequiredService<CaseStore>();

    public async Task<IActionResult> OnGetAsync(string id, string? done, string? reply, CancellationToken ct)
    {
        Notice = done switch
        {
            "reply" => "Your reply is on the case; the customer sees it on their billing page.",
            "approved" => "Approved. The gate acted and recorded your approval.",
            "acted" => "Done. The gate acted as you and recorded it.",
            "note" => "Your note is on the case. Only the team sees it.",
            "status" => "Status changed.",
            "assigned" => "Assignee changed.",
            "merged" => "The other case was merged into this one.",
            _ => null,
        };
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (reply is not null && SavedReplies.Find(reply) is { } saved)
        {
            ReplyDraft = saved.Fill(Billing?.Customer.Name, User.FindFirstValue(ClaimTypes.Name));
        }

        return Page();
    }

    public async Task<IActionResult> OnPostNoteAsync(string id, string? text, CancellationToken ct)
    {
        var result = await desk.NoteAsync(id, new CaseNoteRequest(StaffId, text), ct);
        return result.Problem is null ? Redirect($"/console/cases/{Uri.EscapeDataString(id)}?done=note#notes") : await FailedAsync(id, result.Problem, ct);
    }

    public async Task<IActionResult> OnPostStatusAsync(string id, string? status, CancellationToken ct)
    {
        var result = await desk.SetStatusAsync(id, new CaseStatusRequest(StaffId, status), ct);
        if (result.Value is { } ok)
        {
            await staffAudit.RecordAsync(StaffId, "case_status", ok.Case.CustomerId, new { @case = id, status }, AuditDecision.Allowed, ct);
            return Redirect($"/console/cases/{Uri.EscapeDataString(id)}?done=status");
        }

        return await FailedAsync(id, result.Problem!, ct);
    }

    public async Task<IActionResult> OnPostAssignAsync(string id, string? to, CancellationToken ct)
    {
        var result = await desk.AssignAsync(id, new AssignCaseRequest(StaffId, to ?? StaffId), ct);
        if (result.Value is { } ok)
        {
            await staffAudit.RecordAsync(StaffId, "case_assign", ok.Case.CustomerId, new { @case = id, assignee = string.IsNullOrEmpty(to ?? StaffId) ? null : to ?? StaffId }, AuditDecision.Allowed, ct);
            return Redirect($"/console/cases/{Uri.EscapeDataString(id)}?done=assigned");
        }

        return await FailedAsync(id, result.Problem!, ct);
    }

    /// <summary>Merges another open case of this customer (<paramref name="duplicate"/>) into this one.</summary>
    public async Task<IActionResult> OnPostMergeAsync(string id, string? duplicate, CancellationToken ct)
    {
        var result = await desk.MergeAsync(duplicate ?? "", new MergeCaseRequest(StaffId, id), ct);
        if (result.Value is { } ok)
        {
            await staffAudit.RecordAsync(StaffId, "case_merge", ok.Case.CustomerId, new { @case = id, merged = duplicate }, AuditDecision.Allowed, ct);
            return Redirect($"/console/cases/{Uri.EscapeDataString(id)}?done=merged");
        }

        return await FailedAsync(id, result.Problem!, ct);
    }

    /// <summary>
    /// A staff action at any time: refund, credit, retry, cancel, payment or card link. The amount is typed in currency
    /// units (<see cref="StaffAmount"/>) and goes to the gate in minor units; the gate acts as the staff member and audits.
    /// </summary>
    public async Task<IActionResult> OnPostActAsync(string id, StaffActionForm form, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return await InvalidFormAsync(id, ct);
        }

        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        long? minor = null;
        var (kind, target, currency, reason) = (form.Type, form.Target, form.Currency, form.Reason);
        var type = kind is { } picked ? WireName.Of(picked) : null;
        var charge = Billing?.Charges.FirstOrDefault(c => c.Id == target);
        var money = kind switch
        {
            ActionType.Refund => charge?.Currency,
            ActionType.Credit => currency ?? Billing?.Customer.Currency ?? "usd",
            ActionType.RetryPayment or ActionType.RegenerateLink or ActionType.CardUpdateLink or ActionType.AuthenticatePayment
                or ActionType.CancelSubscription or ActionType.UseCard or ActionType.ResumeSubscription or null => null,
        };
        if (money is not null && !string.IsNullOrWhiteSpace(form.Amount))
        {
            minor = StaffAmount.Parse(form.Amount, money, out var amountError);
            if (minor is null)
            {
                Error = $"Amount: {amountError}";
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
            }
        }

        var action = kind switch
        {
            ActionType.Refund => new ApprovedAction(type, target, null, null, minor, null, reason ?? "requested_by_customer"),
            ActionType.Credit => new ApprovedAction(type, null, null, null, minor, money, string.IsNullOrWhiteSpace(reason) ? "credit by staff" : reason.Trim()),
            ActionType.RetryPayment or ActionType.RegenerateLink => new ApprovedAction(type, null, target, null, null, null, null),
            ActionType.CancelSubscription => new ApprovedAction(type, null, null, target, null, null, null),
            // A card-update link needs no target; anything else the desk refuses, naming the type.
            ActionType.CardUpdateLink or ActionType.AuthenticatePayment or ActionType.UseCard or ActionType.ResumeSubscription or null
                => new ApprovedAction(type, null, null, null, null, null, null),
        };
        var result = await desk.ActAsync(id, new ApproveActionRequest(StaffId, action), ct);
        if (result.Value is { } ok)
        {
            var outcome = ok.Outcome;
            if (outcome.Succeeded)
            {
                // What the action changed shows in the packet at once.
                await RediagnoseAsync(Case, ct);
                return Redirect($"/console/cases/{Uri.EscapeDataString(id)}?done=acted#act");
            }

            await LoadAsync(id, ct);
            Error = $"The gate did not complete it: {outcome.Message}{(outcome.Result?.Error is { } e ? $" ({e})" : "")}";
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        return await FailedAsync(id, result.Problem!, ct);
    }

    public async Task<IActionResult> OnPostReplyAsync(string id, string? text, CancellationToken ct)
    {
        var result = await desk.ReplyAsync(id, new StaffReplyRequest(StaffId, text), ct);
        if (result.Value is { } ok)
        {
            await staffAudit.RecordAsync(StaffId, "case_reply", ok.Case.CustomerId, new { @case = id, text = text?.Trim() }, AuditDecision.Allowed, ct);
            return Redirect($"/console/cases/{Uri.EscapeDataString(id)}?done=reply#reply");
        }

        return await FailedAsync(id, result.Problem!, ct);
    }

    public async Task<IActionResult> OnPostApproveAsync(string id, ApprovedAction action, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            // An amount that is not a whole number of minor units must never bind as "no amount": that would grant it all.
            return await InvalidFormAsync(id, ct);
        }

        var result = await desk.ApproveAsync(id, new ApproveActionRequest(StaffId, action), ct);
        if (result.Value is { } ok)
        {
            var outcome = ok.Outcome;
            if (outcome.Succeeded)
            {
                return Redirect($"/console/cases/{Uri.EscapeDataString(id)}?done=approved#actions");
            }

            await LoadAsync(id, ct);
            Error = $"The gate did not complete it: {outcome.Rule}: {outcome.Message}{(outcome.Result?.Error is { } e ? $" ({e})" : "")}";
            return Page();
        }

        return await FailedAsync(id, result.Problem!, ct);
    }

    public async Task<IActionResult> OnPostCloseAsync(
        string id,
        string? resolution,
        string? article,
        string? articleTitle,
        string? articleBody,
        string? step,
        int? baseVersion,
        bool? replace,
        string? previewed,
        CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return await InvalidFormAsync(id, ct);
        }

        string? improveId = article?.StartsWith(ImprovePrefix, StringComparison.Ordinal) == true ? article[ImprovePrefix.Length..] : null;
        if (improveId is not null && step != SaveStep)
        {
            // Improving is a review first: the current text, the edit, and the change it makes, before anything is saved.
            return await ReviewAsync(id, improveId, resolution, articleBody, step is null, baseVersion, null, ct);
        }

        if (improveId is not null && (Fingerprint(articleBody) != previewed))
        {
            return await ReviewAsync(id, improveId, resolution, articleBody, false, baseVersion, "The text changed after the change was shown: here is the change now. Save again if it is right.", ct);
        }

        var draft = article switch
        {
            "new" => new ArticleDraft(articleTitle, articleBody, null),
            _ when improveId is not null => new ArticleDraft(null, articleBody ?? "", null, baseVersion, replace == true),
            _ => null,
        };
        var request = new CloseCaseRequest(resolution, StaffId, draft, improveId);
        var result = await desk.CloseAsync(id, request, ct);
        if (result.Value is { } ok)
        {
            await staffAudit.RecordAsync(
                StaffId,
                "case_close",
                ok.Case.Case.CustomerId,
                new { @case = id, resolution = resolution?.Trim(), article = ok.Article?.Id, article_version = ok.Article?.Version },
                AuditDecision.Allowed,
                ct);
            return Redirect($"/console?closed={Uri.EscapeDataString(id)}");
        }

        if (improveId is not null)
        {
            // Someone else saved a version meanwhile: review the same text against the article as it is now.
            var failed = await ReviewAsync(id, improveId, resolution, articleBody, false, result.Problem!.Status == StatusCodes.Status409Conflict ? null : baseVersion, null, ct);
            Error = result.Problem!.Detail;
            Response.StatusCode = result.Problem.Status;
            return failed;
        }

        return await FailedAsync(id, result.Problem!, ct);
    }

    public const string ImprovePrefix = "improve:";

    public const string SaveStep = "save";

    /// <summary>The improvement under review: set when the page shows the edit of an article instead of the close form.</summary>
    public ArticleReview? Review { get; private set; }

    private async Task<IActionResult> ReviewAsync(
        string id, string articleId, string? resolution, string? body, bool first, int? baseVersion, string? note, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (await knowledge.GetAsync(articleId, ct) is not { } current)
        {
            Error = $"There is no article '{articleId}' to improve.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        // First look: the current text with the resolution added at the end, for the person to edit into place.
        var proposed = first
            ? $"{current.Body.TrimEnd()}\n\n{resolution?.Trim()}".TrimEnd()
            : Normalized(body);
        Review = new ArticleReview(current, resolution?.Trim() ?? "", proposed, ArticleChange.Compare(current.Body, proposed), baseVersion ?? current.Version, Fingerprint(proposed));
        Notice = note;
        return Page();
    }

    /// <summary>What the preview showed, so a save of a text edited after it shows the change again instead of saving unseen.</summary>
    private static string Fingerprint(string? body) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Normalized(body))))[..32];

    private static string Normalized(string? body) => (body ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    /// <summary>The change as one run of text (the block keeps the article's spacing), added words in &lt;ins&gt;, removed in &lt;del&gt;.</summary>
    public static IHtmlContent DiffHtml(ArticleChange change)
    {
        var html = new System.Text.StringBuilder();
        foreach (var segment in change.Segments)
        {
            var text = HtmlEncoder.Default.Encode(segment.Text);
            html.Append(segment.Kind switch
            {
                ArticleChangeKind.Added => $"<ins>{text}</ins>",
                ArticleChangeKind.Removed => $"<del>{text}</del>",
                _ => text,
            });
        }

        return new HtmlString(html.ToString());
    }

    /// <summary>A form value that does not bind to its type (an unknown action, an amount that is not a number): the page says which, and nothing is done.</summary>
    private Task<IActionResult> InvalidFormAsync(string id, CancellationToken ct)
    {
        var errors = ModelState.Where(e => e.Value?.Errors.Count > 0)
            .ToDictionary(e => e.Key, e => e.Value!.Errors.Select(x => string.IsNullOrEmpty(x.ErrorMessage) ? $"The value '{e.Value.AttemptedValue}' is not valid." : x.ErrorMessage).ToArray());
        return FailedAsync(id, CaseDeskProblem.Invalid(errors), ct);
    }

    private async Task<IActionResult> FailedAsync(string id, CaseDeskProblem problem, CancellationToken ct)
    {
        Error = problem.Detail;
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Response.StatusCode = problem.Status;
        return Page();
    }

    private async Task<bool> RediagnoseAsync(Case item, CancellationToken ct)
    {
        if (HttpContext.RequestServices.GetService<Diagnostics.IDiagnosisService>() is not { } diagnostics)
        {
            return false;
        }

        try
        {
            return await diagnostics.DiagnoseAsync(item.CustomerId, ct) is { } fresh && await desk.RefreshDiagnosisAsync(item.Id, fresh, ct) is not null;
        }
        catch (Stripe.StripeException e)
        {
            logger.LogWarning(e, "Could not refresh the diagnosis of case {Case}", item.Id);
            return false;
        }
    }

    /// <summary>How old the packet's diagnosis may be before the page diagnoses the customer again.</summary>
    private static readonly TimeSpan DiagnosisFreshFor = TimeSpan.FromMinutes(5);

    private async Task<bool> LoadAsync(string id, CancellationToken ct)
    {
        if (await desk.DetailAsync(id, ct) is not { } detail)
        {
            return false;
        }

        if (detail.Case.Status == CaseStatus.Open && (detail.Case.Packet.Diagnosis?.ComputedAt ?? DateTimeOffset.MinValue) < time.GetUtcNow() - DiagnosisFreshFor
            && await RediagnoseAsync(detail.Case, ct)
            && await desk.DetailAsync(id, ct) is { } refreshed)
        {
            // The packet is kept current: what a person reads is the customer's billing now, not when the case opened.
            detail = refreshed;
        }

        Detail = detail;
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var staffId in detail.Case.Packet.Transcript.Select(l => l.From).Concat(detail.Events.Select(e => e.Actor))
                     .Where(a => a.StartsWith("human:", StringComparison.Ordinal)).Select(a => a["human:".Length..]).Distinct())
        {
            names[staffId] = (await staff.GetAsync(staffId, ct))?.Name ?? staffId;
        }

        StaffNames = names;
        Team = await staff.ListAsync(ct);
        foreach (var member in Team)
        {
            names.TryAdd(member.Id, member.Name);
        }

        Notes = detail.Events.Where(e => e.Kind == CaseEventKind.Note).ToList();
        DueAt = Store.DueAt(detail.Case);
        var customerCases = await Store.ListForCustomerAsync(detail.Case.CustomerId, ct);
        OtherOpenCases = customerCases.Where(c => c.Id != detail.Case.Id && c.Status == CaseStatus.Open).ToList();
        try
        {
            Billing = await HttpContext.RequestServices.GetRequiredService<IBillingReader>().ReadAsync(detail.Case.CustomerId, ct);
        }
        catch (Stripe.StripeException e)
        {
            logger.LogWarning(e, "Stripe did not answer for the case page of {Case}", detail.Case.Id);
            BillingError = $"Stripe did not answer ({e.Message}); the billing history and actions are unavailable until it does.";
        }

        var earlier = HttpContext.RequestServices.GetService<ICustomerConversations>() is { } talks
            ? await talks.ListAsync(detail.Case.CustomerId, CustomerTimeline.ConversationsShown, ct)
            : [];
        Timeline = CustomerTimeline.Build(Billing, customerCases, detail.Case.Id, earlier);
        Approvable = await ApprovableAsync(detail.Case, ct);
        var question = $"{detail.Case.Reason} {detail.Case.Packet.Diagnosis?.Explanation}";
        RelatedArticles = (await knowledge.SearchAsync(question, detail.Case.Packet.Diagnosis?.RootCause, 3, ct)).Select(h => h.Article).ToList();
        return true;
    }

    /// <summary>A timeline event's detail as a person reads it: names, not staff ids; states in words.</summary>
    public string? EventDetail(CaseEvent e) => e.Kind switch
    {
        CaseEventKind.Assigned => e.Detail is null ? "to nobody" : $"to {Who(e.Detail)}",
        CaseEventKind.StatusChanged when e.Detail is not null => CaseStatus.Label(e.Detail).ToLowerInvariant(),
        _ => e.Detail,
    };

    public string Who(string from) => from switch
    {
        "customer" => "Customer",
        LeeNames.Author or LeeNames.Actor => LeeNames.Display,
        _ when from.StartsWith("human:", StringComparison.Ordinal) => StaffNames.GetValueOrDefault(from["human:".Length..]) ?? from,
        _ => from,
    };

    private async Task<IReadOnlyList<Approvable>> ApprovableAsync(Case item, CancellationToken ct)
    {
        var refused = item.Packet.ActionsAttempted.Where(a => !a.Allowed && a.HumanCanGrant && a.AuditEntryId is not null).ToList();
        if (refused.Count == 0 || item.Status != CaseStatus.Open)
        {
            return [];
        }

        // The gate's typed record of each refusal holds the action as it was asked for: that is what a person approves.
        var records = await gateActions.FindByAuditEntriesAsync(refused.Select(o => o.AuditEntryId!.Value).ToList(), ct);
        var approvable = new List<Approvable>();
        foreach (var outcome in refused)
        {
            if (!records.TryGetValue(outcome.AuditEntryId!.Value, out var record) || record.CustomerId != item.CustomerId)
            {
                continue;
            }

            var action = record.Action switch
            {
                RefundCharge a => new ApprovedAction(WireName.Of(a.Type), a.ChargeId, null, null, a.Amount, null, a.Reason),
                RetryPayment a => new ApprovedAction(WireName.Of(a.Type), null, a.InvoiceId, null, null, null, null),
                CreditBalance a => new ApprovedAction(WireName.Of(a.Type), null, null, null, a.Amount, a.Currency, a.Reason),
                CancelSubscription a => new ApprovedAction(WireName.Of(a.Type), null, null, a.SubscriptionId, null, null, null),
                _ => null,
            };
            if (action is null)
            {
                continue;
            }

            if (!approvable.Any(a => a.Action == action))
            {
                approvable.Add(new Approvable(action, outcome.Rule, outcome.Message));
            }
        }

        return approvable;
    }
}

/// <summary>An article being improved: its current version, the proposed whole text, and the change between them.</summary>
internal sealed record ArticleReview(Article Current, string Resolution, string Proposed, ArticleChange Change, int BaseVersion, string Fingerprint);

/// <summary>An action policy refused to automation, as a person may approve it.</summary>
internal sealed record Approvable(ApprovedAction Action, string Rule, string Message);
