using System.Security.Claims;
using Leeway.Audit;
using Leeway.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Leeway.Humans.Console;

/// <summary>
/// One case with its whole handoff packet (summary, diagnosis, transcript, every action tried with its policy decision)
/// and its timeline, and what a person may do: reply, approve what policy refused to automation (through the gate, with
/// the approval recorded), close with a resolution that can create or improve a knowledge article. What the page shows
/// is read by <see cref="CasePageLoader"/>; the work itself is the case desk's (<see cref="CaseDesk"/>), which the case
/// API calls too, so the console and the API can never disagree.
/// </summary>
[Authorize(Policy = ConsoleRegistration.StaffPolicy)]
internal sealed class CaseModel(CaseDesk desk, CasePageLoader loader, StaffAudit staffAudit) : PageModel
{
    public CaseView View { get; private set; } = null!;

    /// <summary>The reply box's text: a saved reply the person picked (<c>?reply=…</c>), filled in for this customer.</summary>
    public string ReplyDraft { get; private set; } = "";

    /// <summary>The improvement under review: set when the page shows the edit of an article instead of the close form.</summary>
    public ArticleReview? Review { get; private set; }

    public string? Notice { get; private set; }

    public string? Error { get; private set; }

    private string StaffId => User.FindFirstValue(ConsoleRegistration.StaffIdClaim)!;

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
            ReplyDraft = saved.Fill(View.Billing?.Customer.Name, User.FindFirstValue(ClaimTypes.Name));
        }

        return Page();
    }

    public async Task<IActionResult> OnPostNoteAsync(string id, string? text, CancellationToken ct)
    {
        var result = await desk.NoteAsync(id, new CaseNoteRequest(StaffId, text), ct);
        return result.Problem is null ? Redirect($"/console/cases/{Uri.EscapeDataString(id)}?done=note#notes") : await FailedAsync(id, result.Problem, ct);
    }

    public async Task<IActionResult> OnPostStatusAsync(string id, CaseStatusForm form, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return await InvalidFormAsync(id, ct);
        }

        var status = form.Status is { } picked ? WireName.Of(picked) : null;
        var result = await desk.SetStatusAsync(id, new CaseStatusRequest(StaffId, status), ct);
        return await AuditedAsync(id, result, d => d.Case.CustomerId, "case_status", new { @case = id, status }, "?done=status", ct);
    }

    public async Task<IActionResult> OnPostAssignAsync(string id, string? to, CancellationToken ct)
    {
        var assignee = to ?? StaffId;
        var result = await desk.AssignAsync(id, new AssignCaseRequest(StaffId, assignee), ct);
        return await AuditedAsync(id, result, d => d.Case.CustomerId, "case_assign", new { @case = id, assignee = string.IsNullOrEmpty(assignee) ? null : assignee }, "?done=assigned", ct);
    }

    /// <summary>Merges another open case of this customer (<paramref name="duplicate"/>) into this one.</summary>
    public async Task<IActionResult> OnPostMergeAsync(string id, string? duplicate, CancellationToken ct)
    {
        var result = await desk.MergeAsync(duplicate ?? "", new MergeCaseRequest(StaffId, id), ct);
        return await AuditedAsync(id, result, d => d.Case.CustomerId, "case_merge", new { @case = id, merged = duplicate }, "?done=merged", ct);
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

        if (form.ToAction(View.Billing, out var amountError) is not { } action)
        {
            return Shown($"Amount: {amountError}", StatusCodes.Status400BadRequest);
        }

        var result = await desk.ActAsync(id, new ApproveActionRequest(StaffId, action), ct);
        if (result.Value is not { Outcome: var outcome })
        {
            return await FailedAsync(id, result.Problem!, ct);
        }

        if (outcome.Succeeded)
        {
            // What the action changed shows in the packet at once.
            await loader.RediagnoseAsync(View.Case, ct);
            return Redirect($"/console/cases/{Uri.EscapeDataString(id)}?done=acted#act");
        }

        await LoadAsync(id, ct);
        return Shown($"The gate did not complete it: {outcome.Message}{(outcome.Result?.Error is { } e ? $" ({e})" : "")}", StatusCodes.Status409Conflict);
    }

    public async Task<IActionResult> OnPostReplyAsync(string id, string? text, CancellationToken ct)
    {
        var result = await desk.ReplyAsync(id, new StaffReplyRequest(StaffId, text), ct);
        return await AuditedAsync(id, result, d => d.Case.CustomerId, "case_reply", new { @case = id, text = text?.Trim() }, "?done=reply#reply", ct);
    }

    public async Task<IActionResult> OnPostApproveAsync(string id, ApprovedAction action, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            // An amount that is not a whole number of minor units must never bind as "no amount": that would grant it all.
            return await InvalidFormAsync(id, ct);
        }

        var result = await desk.ApproveAsync(id, new ApproveActionRequest(StaffId, action), ct);
        if (result.Value is not { Outcome: var outcome })
        {
            return await FailedAsync(id, result.Problem!, ct);
        }

        if (outcome.Succeeded)
        {
            return Redirect($"/console/cases/{Uri.EscapeDataString(id)}?done=approved#actions");
        }

        await LoadAsync(id, ct);
        Error = $"The gate did not complete it: {outcome.Rule}: {outcome.Message}{(outcome.Result?.Error is { } e ? $" ({e})" : "")}";
        return Page();
    }

    /// <summary>Closes the case; improving an article is a review first (the current text, the edit, the change), then the save.</summary>
    public async Task<IActionResult> OnPostCloseAsync(string id, CaseCloseForm form, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return await InvalidFormAsync(id, ct);
        }

        if (form.ImproveId is { } improving && form.Step != CloseStep.Save)
        {
            return await ReviewAsync(id, improving, form, form.Step is null, form.BaseVersion, null, ct);
        }

        if (form.ImproveId is { } edited && ArticleReview.FingerprintOf(form.ArticleBody) != form.Previewed)
        {
            return await ReviewAsync(id, edited, form, false, form.BaseVersion, "The text changed after the change was shown: here is the change now. Save again if it is right.", ct);
        }

        var result = await desk.CloseAsync(id, form.Request(StaffId), ct);
        if (result.Value is { } ok)
        {
            var audited = new { @case = id, resolution = form.Resolution?.Trim(), article = ok.Article?.Id, article_version = ok.Article?.Version };
            await staffAudit.RecordAsync(StaffId, "case_close", ok.Case.Case.CustomerId, audited, AuditDecision.Allowed, ct);
            return Redirect($"/console?closed={Uri.EscapeDataString(id)}");
        }

        if (form.ImproveId is { } saving)
        {
            // Someone else saved a version meanwhile: review the same text against the article as it is now.
            var failed = await ReviewAsync(id, saving, form, false, result.Problem!.Status == StatusCodes.Status409Conflict ? null : form.BaseVersion, null, ct);
            Error = result.Problem!.Detail;
            Response.StatusCode = result.Problem.Status;
            return failed;
        }

        return await FailedAsync(id, result.Problem!, ct);
    }

    private async Task<IActionResult> ReviewAsync(string id, string articleId, CaseCloseForm form, bool first, int? baseVersion, string? note, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Review = await loader.ReviewAsync(articleId, form.Resolution, form.ArticleBody, first, baseVersion, ct);
        if (Review is null)
        {
            return Shown($"There is no article '{articleId}' to improve.", StatusCodes.Status400BadRequest);
        }

        Notice = note;
        return Page();
    }

    /// <summary>A use case done: the staff audit records it and the page goes back to the case; otherwise the page says why.</summary>
    private async Task<IActionResult> AuditedAsync<T>(
        string id, CaseDeskResult<T> result, Func<T, string> customerOf, string action, object details, string done, CancellationToken ct)
        where T : class
    {
        if (result.Value is not { } ok)
        {
            return await FailedAsync(id, result.Problem!, ct);
        }

        await staffAudit.RecordAsync(StaffId, action, customerOf(ok), details, AuditDecision.Allowed, ct);
        return Redirect($"/console/cases/{Uri.EscapeDataString(id)}{done}");
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
        return await LoadAsync(id, ct) ? Shown(problem.Detail, problem.Status) : NotFound();
    }

    private PageResult Shown(string error, int status)
    {
        Error = error;
        Response.StatusCode = status;
        return Page();
    }

    private async Task<bool> LoadAsync(string id, CancellationToken ct)
    {
        if (await loader.LoadAsync(id, ct) is not { } view)
        {
            return false;
        }

        View = view;
        return true;
    }
}
