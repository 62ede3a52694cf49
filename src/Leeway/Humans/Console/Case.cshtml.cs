using System.Security.Claims;
using System.Text.Json.Nodes;
using Leeway.Audit;
using Leeway.Billing;
using Leeway.Knowledge;
using Leeway.Policy;
using Leeway.Storage;
using Microsoft.AspNetCore.Authorization;
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
        string id, string? resolution, string? article, string? articleTitle, string? articleBody, string? improveArticleId, CancellationToken ct)
    {
        var draft = article switch
        {
            "new" => new ArticleDraft(articleTitle, articleBody, null),
            "improve" => new ArticleDraft(null, string.IsNullOrWhiteSpace(articleBody) ? resolution : articleBody, null),
            _ => null,
        };
        var request = new CloseCaseRequest(resolution, StaffId, draft, article == "improve" ? improveArticleId : null);
        var result = await HumansApi.CloseAsync(id, request, Store, events, staff, knowledge, ct);
        if (result.Result is Ok<CloseCaseResponse> ok)
        {
            await staffAudit.RecordAsync(
                StaffId,
                "case_close",
                ok.Value!.Case.Case.CustomerId,
                new { @case = id, resolution = resolution?.Trim(), article = ok.Value.Article?.Id },
                AuditDecision.Allowed,
                ct);
            return Redirect($"/console?closed={Uri.EscapeDataString(id)}");
        }

        return await FailedAsync(id, result.Result, ct);
    }

    private async Task<IActionResult> FailedAsync(string id, IResult result, CancellationToken ct)
    {
        Error = result switch
        {
            ValidationProblem problem => string.Join(" ", problem.ProblemDetails.Errors.SelectMany(e => e.Value)),
            ProblemHttpResult problem => problem.ProblemDetails.Detail ?? problem.ProblemDetails.Title,
            _ => "That did not work.",
        };
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Response.StatusCode = result is ProblemHttpResult { StatusCode: { } status } ? status : StatusCodes.Status400BadRequest;
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

/// <summary>An action policy refused to automation, as a person may approve it.</summary>
public sealed record Approvable(ApprovedAction Action, string Rule, string Message);
