using Leeway.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Leeway.Humans;

/// <summary>
/// Tier 3. Staff (policy <c>service</c>): the queue, a case with its packet and timeline, replies, approvals through
/// the gate, and closing with a resolution that can become knowledge. The member named by <c>staff_id</c> acts with
/// their role (<see cref="StaffRoles"/>): the gate holds an agent's approvals to the agent limits, and only a lead or an
/// admin writes knowledge. Customers (policy <c>customer</c>): their own cases only. Each endpoint is one call to the
/// case desk (<see cref="CaseDesk"/>), which the console calls too.
/// </summary>
internal static class HumansApi
{
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

    internal static async Task<Results<Ok<CaseDetail>, ProblemHttpResult>> GetCaseAsync(string id, CaseDesk desk, CancellationToken cancellationToken) =>
        await desk.DetailAsync(id, cancellationToken) is { } detail ? TypedResults.Ok(detail) : Problem(CaseDeskProblem.NotFound(id));

    internal static async Task<Results<Ok<CaseDetail>, ValidationProblem, ProblemHttpResult>> ReplyAsync(string id, StaffReplyRequest request, CaseDesk desk, CancellationToken cancellationToken) =>
        Answer(await desk.ReplyAsync(id, request, cancellationToken));

    internal static async Task<Results<Ok<CloseCaseResponse>, ValidationProblem, ProblemHttpResult>> CloseAsync(string id, CloseCaseRequest request, CaseDesk desk, CancellationToken cancellationToken) =>
        Answer(await desk.CloseAsync(id, request, cancellationToken));

    internal static async Task<Results<Ok<ApproveActionResponse>, ValidationProblem, ProblemHttpResult>> ApproveAsync(string id, ApproveActionRequest request, CaseDesk desk, CancellationToken cancellationToken) =>
        Answer(await desk.ApproveAsync(id, request, cancellationToken));

    /// <summary>A staff member acts on the case's customer's billing at any time, through the gate (<see cref="CaseDesk.ActAsync"/>).</summary>
    internal static async Task<Results<Ok<ApproveActionResponse>, ValidationProblem, ProblemHttpResult>> ActAsync(string id, ApproveActionRequest request, CaseDesk desk, CancellationToken cancellationToken) =>
        Answer(await desk.ActAsync(id, request, cancellationToken));

    internal static async Task<Results<Ok<CaseDetail>, ValidationProblem, ProblemHttpResult>> AssignAsync(string id, AssignCaseRequest request, CaseDesk desk, CancellationToken cancellationToken) =>
        Answer(await desk.AssignAsync(id, request, cancellationToken));

    internal static async Task<Results<Ok<CaseDetail>, ValidationProblem, ProblemHttpResult>> SetStatusAsync(string id, CaseStatusRequest request, CaseDesk desk, CancellationToken cancellationToken) =>
        Answer(await desk.SetStatusAsync(id, request, cancellationToken));

    internal static async Task<Results<Ok<CaseDetail>, ValidationProblem, ProblemHttpResult>> NoteAsync(string id, CaseNoteRequest request, CaseDesk desk, CancellationToken cancellationToken) =>
        Answer(await desk.NoteAsync(id, request, cancellationToken));

    /// <summary>Merges a duplicate case into another open case of the same customer: its conversation and actions move there, and it closes.</summary>
    internal static async Task<Results<Ok<CaseDetail>, ValidationProblem, ProblemHttpResult>> MergeAsync(string id, MergeCaseRequest request, CaseDesk desk, CancellationToken cancellationToken) =>
        Answer(await desk.MergeAsync(id, request, cancellationToken));

    public static async Task<Ok<IReadOnlyList<CustomerCase>>> GetMyCasesAsync(HttpContext http, CaseDesk desk, CancellationToken cancellationToken) =>
        TypedResults.Ok(await desk.CustomerCasesAsync(http.User.CustomerId()!, cancellationToken));

    /// <summary>Another customer's case is "not found", exactly like a case that does not exist: its existence is not revealed.</summary>
    public static async Task<Results<Ok<CustomerCase>, NotFound>> GetMyCaseAsync(string id, HttpContext http, CaseDesk desk, CancellationToken cancellationToken) =>
        await desk.CustomerCaseAsync(http.User.CustomerId()!, id, cancellationToken) is { } mine ? TypedResults.Ok(mine) : TypedResults.NotFound();

    private static Results<Ok<T>, ValidationProblem, ProblemHttpResult> Answer<T>(CaseDeskResult<T> result)
        where T : class => result.Problem switch
        {
            null => TypedResults.Ok(result.Value!),
            { Errors: { } errors } => TypedResults.ValidationProblem(errors),
            { } problem => Problem(problem),
        };

    private static ProblemHttpResult Problem(CaseDeskProblem problem) =>
        TypedResults.Problem(problem.Detail, statusCode: problem.Status, title: problem.Title);
}
