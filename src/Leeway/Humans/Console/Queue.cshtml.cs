using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Leeway.Humans.Console;

/// <summary>The case queue: open cases in the order staff should take them (the store orders by age and risk).</summary>
[Authorize(Policy = ConsoleRegistration.StaffPolicy)]
public sealed class QueueModel(ICaseStore cases, TimeProvider time) : PageModel
{
    public IReadOnlyList<Case> Cases { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    public string? Closed { get; private set; }

    public async Task OnGetAsync(string? closed, CancellationToken ct)
    {
        Closed = closed;
        Now = time.GetUtcNow();
        Cases = await cases.QueueAsync(ct);
    }

    /// <summary>"3 d 4 h", "2 h 10 min", "5 min": how long a case has waited.</summary>
    public static string Age(TimeSpan waited) => waited switch
    {
        { TotalDays: >= 1 } => $"{(int)waited.TotalDays} d {waited.Hours} h",
        { TotalHours: >= 1 } => $"{(int)waited.TotalHours} h {waited.Minutes} min",
        _ => $"{Math.Max(0, (int)waited.TotalMinutes)} min",
    };
}
