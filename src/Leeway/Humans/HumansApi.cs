using Leeway.Billing;
using Leeway.Diagnostics;
using Leeway.Identity;
using Leeway.Knowledge;
using Leeway.Policy;
using Leeway.Policy.Actions;
using Leeway.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Stripe;

namespace Leeway.Humans;

/// <summary>
/// Tier 3. Staff (policy <c>service</c>): the queue, a case with its packet and timeline, replies, approvals through
/// the gate, and closing with a resolution that can become knowledge. The member named by <c>staff_id</c> acts with
/// their role (<see cref="StaffRoles"/>): the gate holds an agent's approvals to the agent limits, and only a lead or an
/// admin writes knowledge. Customers (policy <c>customer</c>): their own cases only.
/// </summary>
internal static class HumansApi
{
    public const int MaxTextLength = 10_000;

    public static IEndpointRouteBuilder MapHumansApi(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/api/v1/cases").WithTags("Humans").RequireAuthorization(IdentityRegistration.ServicePolicy);
        staff.MapGet("", GetQueueAsync).WithName("GetCaseQueue");
        staff.MapGet("/{id}", GetCaseAsync).WithName("GetCase");
        staff.MapPost("/{id}/replies", ReplyAsync).WithName("ReplyToCase");
        staff.MapPost("/{id}/close", CloseAsync).WithName("CloseCase");
        staff.MapPost("/{id}/approve", ApproveAsync).WithName("ApproveCaseAction");
        staff.MapPost("/{id}/act", ActAsync).WithName("ActOnCase");
        staff.MapPost("/{id}/assign", AssignAsync).WithName("AssignCase");
        staff.MapPost("/{id}/status", SetStatusAsync).WithName("SetCaseStatus");
        staff.MapPost("/{id}/notes", NoteAsync).WithName("AddCaseNote");
        staff.MapPost("/{id}/merge", MergeAsync).WithName("MergeCase");

        var mine = app.MapGroup("/api/v1/me/cases").WithTags("Humans").RequireAuthorization(IdentityRegistration.CustomerPolicy);
        mine.MapGet("", GetMyCasesAsync).WithName("GetMyCases");
        mine.MapGet("/{id}", GetMyCaseAsync).WithName("GetMyCase");
        return app;
    }

    public static async Task<Ok<IReadOnlyList<Case>>> GetQueueAsync(ICaseStore cases, CancellationToken cancellationToken) =>
        TypedResults.Ok(await cases.QueueAsync(cancellationToken));

    internal static async Task<Results<Ok<CaseDetail>, ProblemHttpResult>> GetCaseAsync(string id, CaseStore cases, ICaseEvents events, CancellationToken cancellationToken) =>
        await DetailAsync(id, cases, events, cancellationToken) is { } detail ? TypedResults.Ok(detail) : CaseNotFound(id);

    internal static async Task<Results<Ok<CaseDetail>, ValidationProblem, ProblemHttpResult>> ReplyAsync(
        string id, StaffReplyRequest request, CaseStore cases, ICaseEvents events, IStaffDirectory staff, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var text = request.Text?.Trim() ?? "";
        if (text.Length is 0 or > MaxTextLength)
        {
            errors["text"] = [$"A reply of 1-{MaxTextLength} characters is required (got {text.Length})."];
        }

        var member = await StaffMemberAsync(request.StaffId, staff, errors, cancellationToken);
        if (errors.Count > 0 || member is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var current = await cases.GetAsync(id, cancellationToken);
        if (current is null)
        {
            return CaseNotFound(id);
        }

        if (current.Status != CaseStatus.Open)
        {
            return CaseClosed(id);
        }

        await cases.AddTranscriptLineAsync(id, new TranscriptLine(Actor.Human(member.Id).Name, text, time.GetUtcNow()), cancellationToken);
        return TypedResults.Ok((await DetailAsync(id, cases, events, cancellationToken))!);
    }

    internal static async Task<Results<Ok<CloseCaseResponse>, ValidationProblem, ProblemHttpResult>> CloseAsync(
        string id, CloseCaseRequest request, CaseStore cases, ICaseEvents events, IStaffDirectory staff, IKnowledgeBase knowledge, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var resolution = request.Resolution?.Trim() ?? "";
        if (resolution.Length is 0 or > MaxTextLength)
        {
            errors["resolution"] = [$"A resolution of 1-{MaxTextLength} characters is required: what was wrong and what was done (got {resolution.Length})."];
        }

        var member = await StaffMemberAsync(request.StaffId, staff, errors, cancellationToken);
        Article? improving = null;
        if (!string.IsNullOrWhiteSpace(request.ImproveArticleId))
        {
            improving = await knowledge.GetAsync(request.ImproveArticleId, cancellationToken);
            if (improving is null)
            {
                errors["improve_article_id"] = [$"There is no article '{request.ImproveArticleId}'."];
            }

            if (request.Article is null)
            {
                errors["article"] = [$"Give the improved text in 'article' to improve '{request.ImproveArticleId}'."];
            }
        }

        if (request.Article is { } draft)
        {
            ValidateDraft(draft, creating: string.IsNullOrWhiteSpace(request.ImproveArticleId), errors);
            if (improving is not null)
            {
                ValidateImprovement(improving, draft, errors);
            }
        }

        if (errors.Count > 0 || member is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (request.Article is not null && !StaffRoles.Includes(member.Role, StaffRoles.Lead))
        {
            // Knowledge is what Lee tells every next customer: a lead or an admin writes it. Checked before the case closes.
            return TypedResults.Problem(
                $"Writing or improving a knowledge article is for a lead or an admin; {member.Name} is {member.Role}. Close without an article, or ask a lead.",
                statusCode: StatusCodes.Status403Forbidden,
                title: "Role does not allow this");
        }

        if (improving is not null && request.Article?.BaseVersion is { } baseVersion && baseVersion != improving.Version)
        {
            return TypedResults.Problem(
                $"Article '{improving.Id}' is at version {improving.Version} now, not {baseVersion}: someone changed it since you read it. Read it again and redo the edit.",
                statusCode: StatusCodes.Status409Conflict,
                title: "Article changed");
        }

        var record = await cases.GetRecordAsync(id, cancellationToken);
        if (record is null)
        {
            return CaseNotFound(id);
        }

        var (_, closedNow) = await cases.CloseOnceAsync(id, member.Id, resolution, cancellationToken);
        if (!closedNow)
        {
            return CaseClosed(id);
        }

        Article? article = null;
        if (request.Article is { } accepted)
        {
            // KCS: the resolution becomes (or improves) an article, so the next customer with this problem gets the answer from Lee.
            var author = Actor.Human(member.Id).Name;
            article = await knowledge.UpsertAsync(
                improving?.Id,
                string.IsNullOrWhiteSpace(accepted.Title) ? improving!.Title : accepted.Title.Trim(),
                // Only a new article falls back to the resolution: an improvement's body was checked above and is never empty.
                string.IsNullOrWhiteSpace(accepted.Body) ? resolution : accepted.Body.Trim(),
                accepted.RootCauses ?? improving?.RootCauses ?? DiagnosedRootCauses(record.Case),
                author,
                cancellationToken);
            await cases.SetArticleAsync(id, author, article.Id, improved: improving is not null, cancellationToken);
        }

        return TypedResults.Ok(new CloseCaseResponse((await DetailAsync(id, cases, events, cancellationToken))!, article));
    }

    internal static Task<Results<Ok<ApproveActionResponse>, ValidationProblem, ProblemHttpResult>> ApproveAsync(
        string id,
        ApproveActionRequest request,
        CaseStore cases,
        ICaseEvents events,
        IStaffDirectory staff,
        IBillingReader billing,
        HttpContext http,
        CancellationToken cancellationToken) =>
        GrantAsync(id, request, cases, events, staff, billing, http, "approve", cancellationToken);

    /// <summary>
    /// A staff member acts on the case's customer's billing at any time (not only after policy refused automation):
    /// refund, credit, retry, cancel, or a fresh payment or card-update link to send. Through the gate as the staff member,
    /// audited, with the member's approval waiving what a person may waive.
    /// </summary>
    internal static Task<Results<Ok<ApproveActionResponse>, ValidationProblem, ProblemHttpResult>> ActAsync(
        string id,
        ApproveActionRequest request,
        CaseStore cases,
        ICaseEvents events,
        IStaffDirectory staff,
        IBillingReader billing,
        HttpContext http,
        CancellationToken cancellationToken) =>
        GrantAsync(id, request, cases, events, staff, billing, http, "act", cancellationToken);

    private static async Task<Results<Ok<ApproveActionResponse>, ValidationProblem, ProblemHttpResult>> GrantAsync(
        string id,
        ApproveActionRequest request,
        CaseStore cases,
        ICaseEvents events,
        IStaffDirectory staff,
        IBillingReader billing,
        HttpContext http,
        string purpose,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var member = await StaffMemberAsync(request.StaffId, staff, errors, cancellationToken);
        var current = await cases.GetAsync(id, cancellationToken);
        if (current is null)
        {
            return CaseNotFound(id);
        }

        var action = ToBillingAction(request.Action, current.CustomerId, errors, links: purpose == "act");
        if (errors.Count > 0 || member is null || action is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (current.Status != CaseStatus.Open)
        {
            return CaseClosed(id);
        }

        if (http.RequestServices.GetService<IGate>() is not { } gate)
        {
            return TypedResults.Problem("The policy gate is not available in this host.", statusCode: StatusCodes.Status503ServiceUnavailable, title: "Gate unavailable");
        }

        // A staff principal owns nothing, so the gate cannot check ownership for us: the objects must be this case's customer's.
        BillingSnapshot? snapshot;
        try
        {
            snapshot = await billing.ReadAsync(current.CustomerId, cancellationToken);
        }
        catch (StripeException e)
        {
            return TypedResults.Problem($"Stripe did not answer the ownership check: {e.Message}", statusCode: StatusCodes.Status502BadGateway, title: "Billing unavailable");
        }

        var foreign = action.ObjectIds.Where(o => snapshot is null || !Owns(snapshot, o)).ToList();
        if (foreign.Count > 0)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["action"] = [$"{string.Join(", ", foreign)} does not belong to customer {current.CustomerId} of case {id}."],
            });
        }

        // The same approval of the same action on the same case is one decision: a double click never refunds twice.
        var decisionKey = $"{id}:{purpose}:{WireName.Of(action.Type)}:{string.Join(',', action.ObjectIds)}:{request.Action!.Amount}";
        var outcome = await gate.ExecuteAsync(Actor.Human(member.Id, member.Role), Principal.Staff(member.Id), action, decisionKey, cancellationToken, approvedBy: member.Id);
        await cases.AddActionAsync(id, Actor.Human(member.Id).Name, outcome, cancellationToken);
        return TypedResults.Ok(new ApproveActionResponse(outcome, (await DetailAsync(id, cases, events, cancellationToken))!));
    }

    internal static async Task<Results<Ok<CaseDetail>, ValidationProblem, ProblemHttpResult>> AssignAsync(
        string id, AssignCaseRequest request, CaseStore cases, ICaseEvents events, IStaffDirectory staff, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var member = await StaffMemberAsync(request.StaffId, staff, errors, cancellationToken);
        StaffMember? assignee = null;
        if (!string.IsNullOrWhiteSpace(request.Assignee) && (assignee = await staff.GetAsync(request.Assignee.Trim(), cancellationToken)) is null)
        {
            errors["assignee"] = [$"There is no staff member '{request.Assignee}' to give the case to."];
        }

        if (errors.Count > 0 || member is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return await ChangeAsync(id, cases, events, () => cases.AssignAsync(id, Actor.Human(member.Id).Name, assignee?.Id, cancellationToken), cancellationToken);
    }

    internal static async Task<Results<Ok<CaseDetail>, ValidationProblem, ProblemHttpResult>> SetStatusAsync(
        string id, CaseStatusRequest request, CaseStore cases, ICaseEvents events, IStaffDirectory staff, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var member = await StaffMemberAsync(request.StaffId, staff, errors, cancellationToken);
        var status = request.Status?.Trim().ToLowerInvariant();
        if (status is not (CaseStatus.Open or CaseStatus.WaitingOnCustomer or CaseStatus.OnHold))
        {
            errors["status"] = [$"status is {CaseStatus.Open}, {CaseStatus.WaitingOnCustomer} or {CaseStatus.OnHold} (got '{request.Status}'); close a case with its resolution instead."];
        }

        if (errors.Count > 0 || member is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return await ChangeAsync(id, cases, events, () => cases.SetHoldAsync(id, Actor.Human(member.Id).Name, status == CaseStatus.Open ? null : status, cancellationToken), cancellationToken);
    }

    internal static async Task<Results<Ok<CaseDetail>, ValidationProblem, ProblemHttpResult>> NoteAsync(
        string id, CaseNoteRequest request, CaseStore cases, ICaseEvents events, IStaffDirectory staff, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var text = request.Text?.Trim() ?? "";
        if (text.Length is 0 or > MaxTextLength)
        {
            errors["text"] = [$"A note of 1-{MaxTextLength} characters is required (got {text.Length})."];
        }

        var member = await StaffMemberAsync(request.StaffId, staff, errors, cancellationToken);
        if (errors.Count > 0 || member is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        // A note is on the case's timeline only: never in the packet's transcript, which the customer sees.
        return await cases.AddNoteAsync(id, Actor.Human(member.Id).Name, text, cancellationToken) is null
            ? CaseNotFound(id)
            : TypedResults.Ok((await DetailAsync(id, cases, events, cancellationToken))!);
    }

    /// <summary>Merges a duplicate case into another open case of the same customer: its conversation and actions move there, and it closes.</summary>
    internal static async Task<Results<Ok<CaseDetail>, ValidationProblem, ProblemHttpResult>> MergeAsync(
        string id, MergeCaseRequest request, CaseStore cases, ICaseEvents events, IStaffDirectory staff, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var member = await StaffMemberAsync(request.StaffId, staff, errors, cancellationToken);
        var into = request.Into?.Trim() ?? "";
        if (into.Length == 0 || into == id)
        {
            errors["into"] = [$"into is the id of another open case of the same customer (got '{request.Into}')."];
        }

        if (errors.Count > 0 || member is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var source = await cases.GetAsync(id, cancellationToken);
        var target = await cases.GetAsync(into, cancellationToken);
        if (source is null)
        {
            return CaseNotFound(id);
        }

        if (target is null || target.CustomerId != source.CustomerId)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["into"] = [$"Case '{into}' is not a case of customer {source.CustomerId}."] });
        }

        if (source.Status != CaseStatus.Open)
        {
            return CaseClosed(id);
        }

        if (target.Status != CaseStatus.Open)
        {
            return CaseClosed(into);
        }

        var merged = await cases.MergeIntoAsync(id, into, member.Id, cancellationToken);
        return merged ? TypedResults.Ok((await DetailAsync(into, cases, events, cancellationToken))!) : CaseClosed(id);
    }

    private static async Task<Results<Ok<CaseDetail>, ValidationProblem, ProblemHttpResult>> ChangeAsync(
        string id, CaseStore cases, ICaseEvents events, Func<Task<(Case Case, bool Changed)?>> change, CancellationToken cancellationToken)
    {
        var current = await cases.GetAsync(id, cancellationToken);
        if (current is null)
        {
            return CaseNotFound(id);
        }

        if (current.Status != CaseStatus.Open)
        {
            return CaseClosed(id);
        }

        return await change() is null ? CaseNotFound(id) : TypedResults.Ok((await DetailAsync(id, cases, events, cancellationToken))!);
    }

    public static async Task<Ok<IReadOnlyList<CustomerCase>>> GetMyCasesAsync(HttpContext http, ICaseStore cases, IStaffDirectory staff, CancellationToken cancellationToken)
    {
        var mine = await cases.ListForCustomerAsync(http.User.CustomerId()!, cancellationToken);
        var views = new List<CustomerCase>(mine.Count);
        foreach (var item in mine)
        {
            views.Add(await ToCustomerViewAsync(item, staff, cancellationToken));
        }

        return TypedResults.Ok<IReadOnlyList<CustomerCase>>(views);
    }

    /// <summary>Another customer's case is "not found", exactly like a case that does not exist: its existence is not revealed.</summary>
    public static async Task<Results<Ok<CustomerCase>, NotFound>> GetMyCaseAsync(string id, HttpContext http, ICaseStore cases, IStaffDirectory staff, CancellationToken cancellationToken)
    {
        var found = await cases.GetAsync(id, cancellationToken);
        return found is not null && found.CustomerId == http.User.CustomerId()
            ? TypedResults.Ok(await ToCustomerViewAsync(found, staff, cancellationToken))
            : TypedResults.NotFound();
    }

    private static async Task<CaseDetail?> DetailAsync(string id, CaseStore cases, ICaseEvents events, CancellationToken cancellationToken) =>
        await cases.GetRecordAsync(id, cancellationToken) is { } record
            ? new CaseDetail(record.Case, record.ClosedBy, record.ArticleId, await events.ListAsync(id, cancellationToken))
            : null;

    private static async Task<StaffMember?> StaffMemberAsync(string? staffId, IStaffDirectory staff, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
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

    private static void ValidateDraft(ArticleDraft draft, bool creating, Dictionary<string, string[]> errors)
    {
        var title = draft.Title?.Trim() ?? "";
        if (creating && title.Length == 0)
        {
            errors["article.title"] = ["A new article needs a title."];
        }
        else if (title.Length > KnowledgeBase.MaxTitleLength)
        {
            errors["article.title"] = [$"The title is {title.Length} characters; at most {KnowledgeBase.MaxTitleLength}."];
        }

        if ((draft.Body?.Trim().Length ?? 0) > KnowledgeBase.MaxBodyLength)
        {
            errors["article.body"] = [$"The body is {draft.Body!.Trim().Length} characters; at most {KnowledgeBase.MaxBodyLength}."];
        }

        var unknown = (draft.RootCauses ?? []).Where(c => !WireName.TryParse<RootCause>(c, out _)).ToList();
        if (unknown.Count > 0)
        {
            errors["article.root_causes"] = [$"Unknown root cause(s): {string.Join(", ", unknown)}."];
        }
    }

    /// <summary>
    /// An improvement is the article's whole new text: an empty one, an unchanged one, or one that drops most of the current
    /// words without <c>replace</c> is refused, so a stray submit never swaps a page of guidance for a one-line resolution.
    /// </summary>
    private static void ValidateImprovement(Article current, ArticleDraft draft, Dictionary<string, string[]> errors)
    {
        var body = draft.Body?.Trim() ?? "";
        if (body.Length == 0)
        {
            errors["article.body"] = [$"Improving '{current.Title}' needs its whole new text in article.body; an empty text would replace the article."];
            return;
        }

        var change = ArticleChange.Compare(current.Body, body);
        var title = draft.Title?.Trim();
        if (change.Unchanged && (string.IsNullOrEmpty(title) || title == current.Title) && draft.RootCauses is null)
        {
            errors["article.body"] = [$"The text is the same as version {current.Version} of '{current.Title}': nothing to improve."];
        }
        else if (change.ReplacesMost && draft.Replace != true)
        {
            errors["article.body"] =
            [
                $"The new text keeps {change.KeptWords} of the {change.BeforeWords} words of '{current.Title}' and would replace most of it. "
                + "Edit the current text instead, or set article.replace to true to replace it on purpose.",
            ];
        }
    }

    private static IReadOnlyList<string> DiagnosedRootCauses(Case closed) =>
        closed.Packet.Diagnosis is { RootCause: var code } && code != RootCause.None ? [WireName.Of(code)] : [];

    private static BillingAction? ToBillingAction(ApprovedAction? action, string customerId, Dictionary<string, string[]> errors, bool links)
    {
        if (action is null)
        {
            errors["action"] = ["action is required, e.g. {\"type\": \"refund\", \"charge\": \"ch_…\", \"amount\": 1000}."];
            return null;
        }

        if (action.Amount is <= 0)
        {
            errors["action.amount"] = [$"amount must be a positive number of minor units (got {action.Amount})."];
            return null;
        }

        string? Need(string? value, string field)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors[$"action.{field}"] = [$"{action.Type} needs '{field}'."];
                return null;
            }

            return value.Trim();
        }

        if (!WireName.TryParse(action.Type, out ActionType type))
        {
            return NotApprovable();
        }

        return type switch
        {
            ActionType.Refund => Refund(),
            ActionType.RetryPayment => Need(action.Invoice, "invoice") is { } invoice ? new RetryPayment(invoice) : null,
            ActionType.CancelSubscription => Need(action.Subscription, "subscription") is { } subscription ? new CancelSubscription(subscription) : null,
            ActionType.Credit => Credit(),
            // A person may make a fresh link for the customer (to send in a reply), but a refused link is not theirs to approve.
            ActionType.RegenerateLink when links => Need(action.Invoice, "invoice") is { } linked ? new RegenerateLink(null, linked) : null,
            ActionType.CardUpdateLink when links => new CardUpdateLink(customerId),
            // Using a saved card follows the customer's own save on Stripe's page.
            ActionType.RegenerateLink or ActionType.CardUpdateLink or ActionType.AuthenticatePayment or ActionType.UseCard or ActionType.ResumeSubscription => NotApprovable(),
        };

        BillingAction? Refund()
        {
            var reason = action.Reason ?? "requested_by_customer";
            if (reason is not ("requested_by_customer" or "duplicate" or "fraudulent"))
            {
                errors["action.reason"] = [$"A refund reason is requested_by_customer, duplicate or fraudulent (got '{reason}')."];
                return null;
            }

            return Need(action.Charge, "charge") is { } charge ? new RefundCharge(charge, action.Amount, reason) : null;
        }

        BillingAction? Credit()
        {
            var currency = Need(action.Currency, "currency")?.ToLowerInvariant();
            if (action.Amount is null)
            {
                errors["action.amount"] = ["credit needs 'amount' (minor units)."];
            }

            return currency is not null && action.Amount is { } amount
                ? new CreditBalance(customerId, amount, currency, action.Reason ?? "approved by staff")
                : null;
        }

        BillingAction? NotApprovable()
        {
            errors["action.type"] = [$"Unknown action type '{action.Type}'; expected refund, retry_payment, credit or cancel_subscription{(links ? ", regenerate_link or card_update_link" : "")}."];
            return null;
        }
    }

    private static bool Owns(BillingSnapshot snapshot, string objectId) =>
        objectId == snapshot.Customer.Id
        || snapshot.Charges.Any(c => c.Id == objectId)
        || snapshot.Invoices.Any(i => i.Id == objectId)
        || snapshot.Subscriptions.Any(s => s.Id == objectId);

    private static async Task<CustomerCase> ToCustomerViewAsync(Case item, IStaffDirectory staff, CancellationToken cancellationToken)
    {
        var names = new Dictionary<string, string?>(StringComparer.Ordinal);
        var messages = new List<CustomerCaseMessage>(item.Packet.Transcript.Count);
        foreach (var line in item.Packet.Transcript)
        {
            if (line.From.StartsWith("human:", StringComparison.Ordinal))
            {
                var staffId = line.From["human:".Length..];
                if (!names.TryGetValue(staffId, out var name))
                {
                    name = (await staff.GetAsync(staffId, cancellationToken))?.Name;
                    names[staffId] = name;
                }

                messages.Add(new CustomerCaseMessage("staff", name, line.Text, line.At));
                continue;
            }

            var from = line.From switch
            {
                "customer" => "customer",
                LeeNames.Actor or LeeNames.Author or LeeNames.Source or "tier0" => LeeNames.Author,
                _ => "system",
            };
            messages.Add(new CustomerCaseMessage(from, null, line.Text, line.At));
        }

        return new CustomerCase(item.Id, item.Status, item.CreatedAt, item.ClosedAt, messages);
    }

    private static ProblemHttpResult CaseNotFound(string id) =>
        TypedResults.Problem($"There is no case '{id}'.", statusCode: StatusCodes.Status404NotFound, title: "Case not found");

    private static ProblemHttpResult CaseClosed(string id) =>
        TypedResults.Problem($"Case '{id}' is closed.", statusCode: StatusCodes.Status409Conflict, title: "Case closed");
}
