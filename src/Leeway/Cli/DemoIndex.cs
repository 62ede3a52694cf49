using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Leeway.Eval;
using Leeway.Identity;

namespace Leeway.Cli;

/// <summary>
/// <c>/</c> under <c>leeway serve</c>'s demo: a page of the demo's entry points, so the address the banner prints leads
/// somewhere: each demo customer's Billing Health Meter (a fresh sign-in link each time the page is shown), the staff
/// console with the demo account, the operations page and the API reference. Only the demo world has it: its
/// customers live in the in-process sandbox and exist for trying Leeway out.
/// </summary>
internal static class DemoIndex
{
    /// <summary>Maps <c>/</c> unless the product already answers there (then that page is the better start).</summary>
    public static void Map(WebApplication app, Scenario demo)
    {
        var taken = ((IEndpointRouteBuilder)app).DataSources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Any(e => e.RoutePattern.RawText is "/" or "" && e.RoutePattern.Parameters.Count == 0);
        if (taken)
        {
            return;
        }

        var customers = Customers(demo);
        app.MapGet("/", (CustomerTokens tokens) => Results.Content(Html(customers, tokens), "text/html; charset=utf-8"))
            .AllowAnonymous()
            .ExcludeFromDescription();
    }

    private static IReadOnlyList<(string Id, string Name, string Email)> Customers(Scenario demo) =>
        demo.Customers.Select(c =>
        {
            var written = (demo.World["customers"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(o => (string?)o["id"] == c.Id);
            return (c.Id, (string?)written?["name"] ?? c.Id, (string?)written?["email"] ?? "");
        }).ToList();

    private static string Html(IReadOnlyList<(string Id, string Name, string Email)> customers, CustomerTokens tokens)
    {
        static string E(string s) => WebUtility.HtmlEncode(s);
        var html = new StringBuilder("""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Leeway demo</title><style>
            body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1f2937;line-height:1.5}
            a{color:#1d4ed8}li{margin:.35rem 0}code{background:#f3f4f6;padding:.1rem .3rem;border-radius:.2rem}.muted{color:#6b7280}
            </style></head><body><main><h1>Leeway demo</h1>
            <p>Leeway is running on its embedded defaults: SQLite, the Stripe sandbox in-process, and a demo world of customers in every kind of billing trouble.</p>
            <h2>A customer's Billing Health Meter</h2><p class="muted">Each link signs you in as that customer (a fresh link each time this page loads).</p><ul>
            """);
        foreach (var (id, name, email) in customers)
        {
            html.Append("<li><a href=\"/me?token=").Append(Uri.EscapeDataString(tokens.Issue(id))).Append("\">").Append(E(name)).Append("</a> <span class=\"muted\">")
                .Append(E(email)).Append(" · <code>").Append(E(id)).Append("</code></span></li>");
        }

        html.Append("</ul><h2>Staff</h2><ul><li><a href=\"/console\">Staff console</a>: cases with their handoff packets <span class=\"muted\">(sign in as <code>")
            .Append(E(DemoDesk.StaffEmail)).Append("</code> / <code>").Append(E(DemoDesk.StaffPassword)).Append("</code>)</span></li>")
            .Append("<li><a href=\"/console/ops\">Operations</a>: tier mix, cost, drift</li></ul>")
            .Append("<h2>For developers</h2><ul><li><a href=\"/openapi/v1.json\">API reference</a> (OpenAPI)</li>")
            .Append("<li>A customer's API token: <code>./leeway token cus_demo_funds</code></li><li><a href=\"/metrics\">Prometheus metrics</a></li></ul>")
            .Append("</main></body></html>");
        return html.ToString();
    }
}
