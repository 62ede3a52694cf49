using Leeway.Identity;
using Leeway.Observability.Charts;
using Leeway.Observability.Cost;
using Leeway.Observability.Drift;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Leeway.Observability;

/// <summary>The operations page's data, for the staff console: series per day, the cost model, drift, and a ready-made HTML panel.</summary>
internal static class OpsApi
{
    public static IEndpointRouteBuilder MapOps(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/ops").RequireAuthorization(IdentityRegistration.ServicePolicy).WithTags("Operations");
        group.MapGet("/metrics", MetricsAsync).WithName("OpsMetrics")
            .WithSummary("Contacts by tier and intent, resolution, containment, escalations, dead ends, effort, latencies, nudges, recoveries: per UTC day.");
        group.MapGet("/cost", CostAsync).WithName("OpsCost").WithSummary("The cost model over a window: tier mix, monthly volume, unit cost, monthly cost, recovered revenue.");
        group.MapGet("/drift", DriftAsync).WithName("OpsDrift").WithSummary("The intent mix and the automated resolution rate against the baseline window.");
        group.MapGet("/panel", PanelAsync).WithName("OpsPanel").WithSummary("The operations page body as a self-contained HTML fragment (inline SVG charts).");
        return app;
    }

    public static async Task<Results<Ok<OpsMetrics>, ValidationProblem>> MetricsAsync(string? from, string? to, OpsReports reports, CancellationToken ct) =>
        Window(from, to, reports) is { } window ? TypedResults.Ok(await reports.MetricsAsync(window, ct)) : Invalid(from, to, reports);

    public static async Task<Results<Ok<CostTable>, ValidationProblem>> CostAsync(string? from, string? to, OpsReports reports, CancellationToken ct) =>
        Window(from, to, reports) is { } window ? TypedResults.Ok(await reports.CostAsync(window, ct)) : Invalid(from, to, reports);

    public static async Task<Ok<DriftReport>> DriftAsync(OpsReports reports, CancellationToken ct) => TypedResults.Ok(await reports.DriftAsync(ct));

    public static async Task<Results<ContentHttpResult, ValidationProblem>> PanelAsync(string? from, string? to, OpsReports reports, CancellationToken ct)
    {
        if (Window(from, to, reports) is not { } window)
        {
            return Invalid(from, to, reports);
        }

        var html = OpsPanel.Render(await reports.MetricsAsync(window, ct), await reports.CostAsync(window, ct), await reports.DriftAsync(ct));
        return TypedResults.Text(html, "text/html; charset=utf-8");
    }

    private static OpsWindow? Window(string? from, string? to, OpsReports reports) => OpsWindow.Parse(from, to, reports.Today, out _);

    private static ValidationProblem Invalid(string? from, string? to, OpsReports reports)
    {
        OpsWindow.Parse(from, to, reports.Today, out var error);
        return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [error!.Value.Field] = [error.Value.Message] });
    }
}
