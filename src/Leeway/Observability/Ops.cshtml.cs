using Leeway.Identity;
using Leeway.Observability.Charts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Leeway.Observability;

/// <summary>
/// The operations page: the contact log's metrics as charts over time, drift, and the cost model, for a window of UTC
/// days (the last 30 by default). The same figures as <c>/api/v1/ops/*</c>, read in-process.
/// </summary>
[Authorize(Policy = StaffPolicies.Admin)]
internal sealed class OpsModel(OpsReports reports) : PageModel
{
    public OpsWindow Window { get; private set; } = null!;

    public OpsMetrics Metrics { get; private set; } = null!;

    /// <summary>The drift line, cost table and charts (<see cref="OpsPanel"/>), HTML-encoded where it holds text.</summary>
    public string Panel { get; private set; } = "";

    /// <summary>Why the window asked for could not be read (the page then shows the default window).</summary>
    public string? Error { get; private set; }

    public async Task OnGetAsync(string? from, string? to, CancellationToken ct)
    {
        var window = OpsWindow.Parse(from, to, reports.Today, out var error);
        if (window is null)
        {
            Error = $"{(error!.Value.Field == "from" ? "From" : "To")}: {error.Value.Message}";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            window = OpsWindow.Last(30, reports.Today);
        }

        Window = window;
        Metrics = await reports.MetricsAsync(window, ct);
        Panel = OpsPanel.Render(Metrics, await reports.CostAsync(window, ct), await reports.DriftAsync(ct));
    }

    public static string Rate(double? rate) => rate is { } r ? r.ToString("P0", System.Globalization.CultureInfo.InvariantCulture) : "–";

    public static string Number(double? value, string format = "N0") => value is { } v ? v.ToString(format, System.Globalization.CultureInfo.InvariantCulture) : "–";
}
