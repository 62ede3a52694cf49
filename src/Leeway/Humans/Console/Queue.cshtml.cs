using System.Security.Claims;
using Leeway.Audit;
using Leeway.Policy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Leeway.Humans.Console;

/// <summary>
/// The case queue: open cases in the order staff should take them (due first: risk shortens the response target), with
/// the customer's name and e-mail, who has each case, how long until (or since) its target, search, filters, sort and
/// "Take". Every control is a plain GET form or a POST, so it all works without JavaScript; the list refreshes itself
/// (a small poll with JavaScript, a meta refresh without).
/// </summary>
[Authorize(Policy = ConsoleRegistration.StaffPolicy)]
internal sealed class QueueModel(IStaffDirectory staff, CaseDesk desk, StaffAudit staffAudit, TimeProvider time) : PageModel
{
    private CaseStore Store => HttpContext.RequestServices.GetRequiredService<CaseStore>();

    private CaseCustomers Customers => HttpContext.RequestServices.GetRequiredService<CaseCustomers>();

    /// <summary>Seconds between refreshes of the list.</summary>
    public const int RefreshSeconds = 30;

    public IReadOnlyList<Case> Cases { get; private set; } = [];

    public IReadOnlyList<StaffMember> Staff { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    public string? Closed { get; private set; }

    public string? Notice { get; private set; }

    public string? Error { get; private set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Text { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public string? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Risk { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Source { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Assignee { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    public string StaffId => User.FindFirstValue(ConsoleRegistration.StaffIdClaim)!;

    public static IReadOnlyList<string> Sources => [LeeNames.Source, "dashboard", "tier0", "contact"];

    public static string SourceLabel(string source) => source switch
    {
        LeeNames.Source => $"{LeeNames.Display} (chat)",
        "dashboard" => "Billing page",
        "tier0" => "Tier 0 (automatic)",
        "contact" => "E-mail or form",
        _ => source,
    };

    public async Task OnGetAsync(string? closed, string? taken, CancellationToken ct)
    {
        Closed = closed;
        Notice = taken is null ? null : $"You have case {taken} now.";
        await LoadAsync(ct);
    }

    /// <summary>Take a case (assign it to oneself), or give it to someone (<paramref name="to"/>: a staff id, or empty for nobody).</summary>
    public async Task<IActionResult> OnPostAssignAsync(string id, string? to, CancellationToken ct)
    {
        var assignee = to is null ? StaffId : to.Trim();
        var result = await desk.AssignAsync(id, new AssignCaseRequest(StaffId, assignee), ct);
        if (result.Value is { } ok)
        {
            await staffAudit.RecordAsync(StaffId, "case_assign", ok.Case.CustomerId, new { @case = id, assignee = assignee.Length == 0 ? null : assignee }, AuditDecision.Allowed, ct);
            return Redirect(Link(null, ("taken", id)) + "#queue-results");
        }

        Error = result.Problem!.Detail;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Now = time.GetUtcNow();
        Staff = await staff.ListAsync(ct);
        var assignee = Assignee switch
        {
            "me" => StaffId,
            null or "" or "anyone" => null,
            var other => other,
        };
        var found = await Store.SearchAsync(new CaseQuery(Text, State, Risk, Source, assignee, Sort), ct);
        Cases = await Customers.WithNamesAsync(found, ct);
    }

    /// <summary>This view of the queue (its search, filters and sort), with a handler or extra parameters.</summary>
    public string Link(string? handler, params (string Key, string Value)[] extra)
    {
        var parts = new List<(string Key, string? Value)> { ("handler", handler), ("q", Text), ("status", State), ("risk", Risk), ("source", Source), ("assignee", Assignee), ("sort", Sort) };
        parts.AddRange(extra.Select(e => (e.Key, (string?)e.Value)));
        var query = string.Join("&", parts.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}"));
        return query.Length == 0 ? "/console" : $"/console?{query}";
    }

    public DateTimeOffset DueAt(Case item) => Store.DueAt(item);

    /// <summary>Only the team's turn runs late: a case waiting on the customer or on hold, or closed, is never overdue.</summary>
    public bool Overdue(Case item) => item.State == CaseStatus.Open && DueAt(item) < Now;

    public string StaffName(string? staffId) =>
        staffId is null ? "" : Staff.FirstOrDefault(s => s.Id == staffId)?.Name ?? "a former team member";

    /// <summary>"3 d 4 h", "2 h 10 min", "5 min": how long a case has waited.</summary>
    public static string Age(TimeSpan waited) => waited switch
    {
        { TotalDays: >= 1 } => $"{(int)waited.TotalDays} d {waited.Hours} h",
        { TotalHours: >= 1 } => $"{(int)waited.TotalHours} h {waited.Minutes} min",
        _ => $"{Math.Max(0, (int)waited.TotalMinutes)} min",
    };
}
