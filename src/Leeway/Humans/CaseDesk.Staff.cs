using Leeway.Policy;

namespace Leeway.Humans;

/// <summary>A person's work on an open case: reply, note, assign, hold, merge; each by a staff member the directory knows.</summary>
internal sealed partial class CaseDesk
{
    public const int MaxTextLength = 10_000;

    /// <summary>The case with its packet, who closed it, the article it fed and its timeline; null when there is no such case.</summary>
    public async Task<CaseDetail?> DetailAsync(string caseId, CancellationToken cancellationToken) =>
        await store.GetRecordAsync(caseId, cancellationToken) is { } record
            ? new CaseDetail(record.Case, record.ClosedBy, record.ArticleId, await events.ListAsync(caseId, cancellationToken))
            : null;

    /// <summary>A staff member's reply: on the case's transcript, which the customer sees.</summary>
    public async Task<CaseDeskResult<CaseDetail>> ReplyAsync(string caseId, StaffReplyRequest request, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var text = request.Text?.Trim() ?? "";
        if (text.Length is 0 or > MaxTextLength)
        {
            errors["text"] = [$"A reply of 1-{MaxTextLength} characters is required (got {text.Length})."];
        }

        var member = await StaffMemberAsync(request.StaffId, errors, cancellationToken);
        if (errors.Count > 0 || member is null)
        {
            return Refused<CaseDetail>(CaseDeskProblem.Invalid(errors));
        }

        var current = await store.GetAsync(caseId, cancellationToken);
        if (current is null)
        {
            return Refused<CaseDetail>(CaseDeskProblem.NotFound(caseId));
        }

        if (current.Status != CaseStatus.Open)
        {
            return Refused<CaseDetail>(CaseDeskProblem.Closed(caseId));
        }

        await store.AddTranscriptLineAsync(caseId, new TranscriptLine(Actor.Human(member.Id).Name, text, time.GetUtcNow()), cancellationToken);
        return await DetailResultAsync(caseId, cancellationToken);
    }

    /// <summary>An internal note for the team: on the case's timeline only, never in the transcript the customer sees.</summary>
    public async Task<CaseDeskResult<CaseDetail>> NoteAsync(string caseId, CaseNoteRequest request, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var text = request.Text?.Trim() ?? "";
        if (text.Length is 0 or > MaxTextLength)
        {
            errors["text"] = [$"A note of 1-{MaxTextLength} characters is required (got {text.Length})."];
        }

        var member = await StaffMemberAsync(request.StaffId, errors, cancellationToken);
        if (errors.Count > 0 || member is null)
        {
            return Refused<CaseDetail>(CaseDeskProblem.Invalid(errors));
        }

        return await store.AddNoteAsync(caseId, Actor.Human(member.Id).Name, text, cancellationToken) is null
            ? Refused<CaseDetail>(CaseDeskProblem.NotFound(caseId))
            : await DetailResultAsync(caseId, cancellationToken);
    }

    /// <summary>Gives the case to a staff member (none: to nobody).</summary>
    public async Task<CaseDeskResult<CaseDetail>> AssignAsync(string caseId, AssignCaseRequest request, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var member = await StaffMemberAsync(request.StaffId, errors, cancellationToken);
        StaffMember? assignee = null;
        if (!string.IsNullOrWhiteSpace(request.Assignee) && (assignee = await staff.GetAsync(request.Assignee.Trim(), cancellationToken)) is null)
        {
            errors["assignee"] = [$"There is no staff member '{request.Assignee}' to give the case to."];
        }

        if (errors.Count > 0 || member is null)
        {
            return Refused<CaseDetail>(CaseDeskProblem.Invalid(errors));
        }

        return await ChangeAsync(caseId, () => store.AssignAsync(caseId, Actor.Human(member.Id).Name, assignee?.Id, cancellationToken), cancellationToken);
    }

    /// <summary>Open, waiting on the customer, or on hold (closing has its own use case).</summary>
    public async Task<CaseDeskResult<CaseDetail>> SetStatusAsync(string caseId, CaseStatusRequest request, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var member = await StaffMemberAsync(request.StaffId, errors, cancellationToken);
        var status = request.Status?.Trim().ToLowerInvariant();
        if (status is not (CaseStatus.Open or CaseStatus.WaitingOnCustomer or CaseStatus.OnHold))
        {
            errors["status"] = [$"status is {CaseStatus.Open}, {CaseStatus.WaitingOnCustomer} or {CaseStatus.OnHold} (got '{request.Status}'); close a case with its resolution instead."];
        }

        if (errors.Count > 0 || member is null)
        {
            return Refused<CaseDetail>(CaseDeskProblem.Invalid(errors));
        }

        return await ChangeAsync(caseId, () => store.SetHoldAsync(caseId, Actor.Human(member.Id).Name, status == CaseStatus.Open ? null : status, cancellationToken), cancellationToken);
    }

    /// <summary>Merges a duplicate case into another open case of the same customer: its conversation and actions move there, and it closes.</summary>
    public async Task<CaseDeskResult<CaseDetail>> MergeAsync(string caseId, MergeCaseRequest request, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var member = await StaffMemberAsync(request.StaffId, errors, cancellationToken);
        var into = request.Into?.Trim() ?? "";
        if (into.Length == 0 || into == caseId)
        {
            errors["into"] = [$"into is the id of another open case of the same customer (got '{request.Into}')."];
        }

        if (errors.Count > 0 || member is null)
        {
            return Refused<CaseDetail>(CaseDeskProblem.Invalid(errors));
        }

        var source = await store.GetAsync(caseId, cancellationToken);
        var target = await store.GetAsync(into, cancellationToken);
        if (source is null)
        {
            return Refused<CaseDetail>(CaseDeskProblem.NotFound(caseId));
        }

        if (target is null || target.CustomerId != source.CustomerId)
        {
            return Refused<CaseDetail>(CaseDeskProblem.Invalid(new Dictionary<string, string[]> { ["into"] = [$"Case '{into}' is not a case of customer {source.CustomerId}."] }));
        }

        if (source.Status != CaseStatus.Open)
        {
            return Refused<CaseDetail>(CaseDeskProblem.Closed(caseId));
        }

        if (target.Status != CaseStatus.Open)
        {
            return Refused<CaseDetail>(CaseDeskProblem.Closed(into));
        }

        return await store.MergeIntoAsync(caseId, into, member.Id, cancellationToken)
            ? await DetailResultAsync(into, cancellationToken)
            : Refused<CaseDetail>(CaseDeskProblem.Closed(caseId));
    }

    /// <summary>The customer's own case as they see it; another customer's case is not found, exactly like one that does not exist.</summary>
    public async Task<CustomerCase?> CustomerCaseAsync(string customerId, string caseId, CancellationToken cancellationToken) =>
        await store.GetAsync(caseId, cancellationToken) is { } found && found.CustomerId == customerId
            ? await CustomerCaseViews.ViewAsync(found, staff, cancellationToken)
            : null;

    /// <summary>The customer's own cases as they see them, newest first.</summary>
    public async Task<IReadOnlyList<CustomerCase>> CustomerCasesAsync(string customerId, CancellationToken cancellationToken)
    {
        var mine = await store.ListForCustomerAsync(customerId, cancellationToken);
        var views = new List<CustomerCase>(mine.Count);
        foreach (var item in mine)
        {
            views.Add(await CustomerCaseViews.ViewAsync(item, staff, cancellationToken));
        }

        return views;
    }

    private async Task<CaseDeskResult<CaseDetail>> ChangeAsync(string caseId, Func<Task<(Case Case, bool Changed)?>> change, CancellationToken cancellationToken)
    {
        var current = await store.GetAsync(caseId, cancellationToken);
        if (current is null)
        {
            return Refused<CaseDetail>(CaseDeskProblem.NotFound(caseId));
        }

        if (current.Status != CaseStatus.Open)
        {
            return Refused<CaseDetail>(CaseDeskProblem.Closed(caseId));
        }

        return await change() is null ? Refused<CaseDetail>(CaseDeskProblem.NotFound(caseId)) : await DetailResultAsync(caseId, cancellationToken);
    }

    private async Task<CaseDeskResult<CaseDetail>> DetailResultAsync(string caseId, CancellationToken cancellationToken) =>
        CaseDeskResult<CaseDetail>.Done((await DetailAsync(caseId, cancellationToken))!);

    private static CaseDeskResult<T> Refused<T>(CaseDeskProblem problem)
        where T : class => CaseDeskResult<T>.Refused(problem);

    private async Task<StaffMember?> StaffMemberAsync(string? staffId, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(staffId))
        {
            errors["staff_id"] = ["staff_id is required: the staff member acting."];
            return null;
        }

        var member = await staff.GetAsync(staffId, cancellationToken);
        if (member is null)
        {
            errors["staff_id"] = [$"There is no staff member '{staffId}'."];
        }
        else if (member.IsDisabled)
        {
            errors["staff_id"] = [$"Staff member '{staffId}' is disabled."];
            return null;
        }

        return member;
    }
}
