using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using Leeway.Audit;
using Leeway.Billing;
using Leeway.Knowledge;
using Leeway.Policy;
using Leeway.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Leeway.Humans.Console;

/// <summary>
/// One case with its whole handoff packet (summary, diagnosis, transcript, every action tried with its policy decision)
/// and its timeline, and what a person may do: reply, approve what policy refused to automation (through the gate, with
/// the approval recorded), close with a resolution that can create or improve a knowledge article. The work itself is
/// the case API's (<see cref="HumansApi"/>), called in process, so the console and the API can never disagree.
/// </summary>
[Authorize(Policy = ConsoleRegistration.StaffPolicy)]
public sealed class CaseModel(ICaseEvents events, IStaffDirectory staff, IKnowledgeBase knowledge, IAuditLog audit, StaffAudit staffAudit, TimeProvider time) : PageModel
{
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

    public async Task<IActionResult> OnGetAsync(string id, string? done, CancellationToken ct)
    {
        Notice = done switch
        {
            "reply" => "Your reply is on the case; the customer sees it on their billing page.",
            "approved" => "Approved. The gate acted and recorded your approval.",
            _ => null,
        };
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostReplyAsync(string id, string? text, CancellationToken ct)
    {
        var result = await HumansApi.ReplyAsync(id, new StaffReplyRequest(StaffId, text), Store, events, staff, time, ct);
        if (result.Result is Ok<CaseDetail> ok)
        {
            await staffAudit.RecordAsync(StaffId, "case_reply", ok.Value!.Case.CustomerId, new { @case = id, text = text?.Trim() }, AuditDecision.Allowed, ct);
            return Redirect($"/console/cases/{Uri.EscapeDataString(id)}?done=reply#reply");
        }

        return await FailedAsync(id, result.Result, ct);
    }

    public async Task<IActionResult> OnPostApproveAsync(string id, ApprovedAction action, CancellationToken ct)
    {
        var result = await HumansApi.ApproveAsync(id, new ApproveActionRequest(StaffId, action), Store, events, staff, HttpContext.RequestServices.GetRequiredService<IBillingReader>(), HttpContext, ct);
        if (result.Result is Ok<ApproveActionResponse> ok)
        {
            var outcome = ok.Value!.Outcome;
            if (outcome.Succeeded)
            {
                return Redirect($"/console/cases/{Uri.EscapeDataString(id)}?done=approved#actions");
            }

            await LoadAsync(id, ct);
            Error = $"The gate did not complete it: {outcome.Rule}: {outcome.Message}{(outcome.Result?.Error is { } e ? $" ({e})" : "")}";
            return Page();
        }

        return await FailedAsync(id, result.Result, ct);
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
        var result = await HumansApi.CloseAsync(id, request, Store, events, staff, knowledge, ct);
        if (result.Result is Ok<CloseCaseResponse> ok)
        {
            await staffAudit.RecordAsync(
                StaffId,
                "case_close",
                ok.Value!.Case.Case.CustomerId,
                new { @case = id, resolution = resolution?.Trim(), article = ok.Value.Article?.Id, article_version = ok.Value.Article?.Version },
                AuditDecision.Allowed,
                ct);
            return Redirect($"/console?closed={Uri.EscapeDataString(id)}");
        }

        if (improveId is not null)
        {
            // Someone else saved a version meanwhile: review the same text against the article as it is now.
            var failed = await ReviewAsync(id, improveId, resolution, articleBody, false, StatusOf(result.Result) == StatusCodes.Status409Conflict ? null : baseVersion, null, ct);
            Error = ErrorOf(result.Result);
            Response.StatusCode = StatusOf(result.Result);
            return failed;
        }

        return await FailedAsync(id, result.Result, ct);
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

    private static string ErrorOf(IResult result) => result switch
    {
        ValidationProblem problem => string.Join(" ", problem.ProblemDetails.Errors.SelectMany(e => e.Value)),
        ProblemHttpResult problem => problem.ProblemDetails.Detail ?? problem.ProblemDetails.Title ?? "That did not work.",
        _ => "That did not work.",
    };

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

    private static int StatusOf(IResult result) =>
        result is ProblemHttpResult { StatusCode: { } status } ? status : StatusCodes.Status400BadRequest;

    private async Task<IActionResult> FailedAsync(string id, IResult result, CancellationToken ct)
    {
        Error = ErrorOf(result);
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Response.StatusCode = StatusOf(result);
        return Page();
    }

    private async Task<bool> LoadAsync(string id, CancellationToken ct)
    {
        if ((await HumansApi.GetCaseAsync(id, Store, events, ct)).Result is not Ok<CaseDetail> { Value: { } detail })
        {
            return false;
        }

        Detail = detail;
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var staffId in detail.Case.Packet.Transcript.Select(l => l.From).Concat(detail.Events.Select(e => e.Actor))
                     .Where(a => a.StartsWith("human:", StringComparison.Ordinal)).Select(a => a["human:".Length..]).Distinct())
        {
            names[staffId] = (await staff.GetAsync(staffId, ct))?.Name ?? staffId;
        }

        StaffNames = names;
        Approvable = await ApprovableAsync(detail.Case, ct);
        var question = $"{detail.Case.Reason} {detail.Case.Packet.Diagnosis?.Explanation}";
        RelatedArticles = (await knowledge.SearchAsync(question, detail.Case.Packet.Diagnosis?.RootCause, 3, ct)).Select(h => h.Article).ToList();
        return true;
    }

    public string Who(string from) => from switch
    {
        "customer" => "Customer",
        "lee" or "agent-lee" => "Lee",
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

        var entries = (await audit.ListAsync(new AuditQuery(Customer: item.CustomerId, Limit: 1000), ct)).ToDictionary(e => e.Seq);
        var approvable = new List<Approvable>();
        foreach (var outcome in refused)
        {
            if (!entries.TryGetValue(outcome.AuditEntryId!.Value, out var entry) || JsonNode.Parse(entry.Parameters) is not JsonObject p
                || outcome.Action is not (ActionType.Refund or ActionType.RetryPayment or ActionType.Credit or ActionType.CancelSubscription))
            {
                continue;
            }

            var action = new ApprovedAction(
                WireName.Of(outcome.Action),
                p["charge"]?.GetValue<string>(),
                p["invoice"]?.GetValue<string>(),
                p["subscription"]?.GetValue<string>(),
                p["amount"]?.GetValue<long?>(),
                p["currency"]?.GetValue<string>(),
                p["reason"]?.GetValue<string>());
            if (!approvable.Any(a => a.Action == action))
            {
                approvable.Add(new Approvable(action, outcome.Rule, outcome.Message));
            }
        }

        return approvable;
    }
}

/// <summary>An article being improved: its current version, the proposed whole text, and the change between them.</summary>
public sealed record ArticleReview(Article Current, string Resolution, string Proposed, ArticleChange Change, int BaseVersion, string Fingerprint);

/// <summary>An action policy refused to automation, as a person may approve it.</summary>
public sealed record Approvable(ApprovedAction Action, string Rule, string Message);
