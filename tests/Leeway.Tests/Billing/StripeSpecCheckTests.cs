using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Leeway.Tests.Eval;

namespace Leeway.Tests.Billing;

/// <summary>
/// Every request Leeway sent to Stripe over a whole eval run (the dev and links scenarios), every answer the sandbox gave
/// and every webhook it posted, held against Stripe's own API definition for the pinned version (2026-10-28.endive, as the
/// npm package stripe@23.1.0 ships it) by <c>../shared/stripe/stripe_spec_check.py</c>: no unknown parameter, wrong type
/// or bad enum value in what Leeway sends (Stripe would answer 400), and no missing, extra, mistyped or wrongly null field
/// in what the sandbox answers (else Leeway would be built on a kinder Stripe than the real one).
/// ./test.sh's scripts/test-services.d/stripe-spec.sh fetches the package and exports LEEWAY_STRIPE_TYPES.
/// </summary>
[Collection(DevAndLinksEvalCollection.Name)]
public sealed partial class StripeSpecCheckTests(DevAndLinksEvalRun run)
{
    [Fact]
    public async Task Traffic_of_a_whole_eval_run_matches_Stripes_API_definition()
    {
        var types = Environment.GetEnvironmentVariable("LEEWAY_STRIPE_TYPES") is { Length: > 0 } t
            ? t
            : throw new InvalidOperationException("LEEWAY_STRIPE_TYPES is not set: run ./test.sh (or source scripts/test-services.d/stripe-spec.sh), which fetches npm stripe@23.1.0 for this check.");
        Assert.True(run.Exit == 0, run.Errors);
        var requests = Path.Combine(run.TraceDirectory, "requests.jsonl");
        var checkedRequests = Path.Combine(run.TraceDirectory, "requests-checked.jsonl");
        await File.WriteAllLinesAsync(checkedRequests, (await File.ReadAllLinesAsync(requests)).Select(AsTheCheckerWalksExpansions));
        var report = Path.Combine(run.TraceDirectory, "report.json");

        var (exit, output) = await RunCheckerAsync(types, checkedRequests, Path.Combine(run.TraceDirectory, "webhooks.jsonl"), report);

        Assert.True(File.Exists(report), $"the checker wrote no report (exit {exit}):\n{output}");
        var result = JsonNode.Parse(await File.ReadAllTextAsync(report))!.AsObject();
        // Every kind of request the product makes was traced: reads, writes and webhooks.
        Assert.True(result["totals"]!["calls"]!.GetValue<int>() >= 300, output);
        Assert.True(result["webhooks"]!["deliveries"]!.GetValue<int>() >= 20, output);
        Assert.Contains(result["endpoints"]!.AsObject(), e => e.Key.StartsWith("POST ", StringComparison.Ordinal));
        var problems = result["issues"]!.AsObject()
            .SelectMany(e => e.Value!.AsArray().Select(i => (Endpoint: e.Key, Issue: i!)))
            .Where(p => p.Issue["where"]!.GetValue<string>() is "request" or "response" or "error")
            .Select(p => $"{p.Endpoint} [{p.Issue["where"]}:{p.Issue["kind"]}] {p.Issue["path"]} {p.Issue["detail"]} (x{p.Issue["count"]})")
            .Concat(result["webhook_issues"]!.AsArray().Select(i => $"webhook {i!["type"]} [{i["kind"]}] {i["path"]} {i["detail"]} (x{i["count"]})"))
            .Concat(result["unrouted"]!.AsObject().Select(u => $"not an endpoint of the definition: {u.Key} (x{u.Value})"))
            .ToList();
        Assert.True(problems.Count == 0, string.Join('\n', problems));
        Assert.Equal(0, exit);
    }

    /// <summary>
    /// Stripe's syntax expands inside a list through its <c>data</c> (<c>payments.data.payment.payment_intent</c>, as
    /// <c>data.customer</c> on a list endpoint: docs.stripe.com/api/expanding_objects, "Expansions on list requests start
    /// with the data property"); the checker steps from a list-valued field straight into its items. The path is handed to
    /// it in its spelling, every other segment still checked (a field that cannot be expanded is still reported).
    /// </summary>
    private static string AsTheCheckerWalksExpansions(string line)
    {
        var request = JsonNode.Parse(line)!.AsObject();
        foreach (var pair in request["params"]!.AsArray().Select(p => p!.AsArray()))
        {
            var key = pair[0]!.GetValue<string>();
            if (key == "expand" || key.StartsWith("expand[", StringComparison.Ordinal))
            {
                pair[1] = DataInsideAPath().Replace(pair[1]!.GetValue<string>(), "");
            }
        }

        return request.ToJsonString();
    }

    private static async Task<(int Exit, string Output)> RunCheckerAsync(string types, string requests, string webhooks, string report)
    {
        var python = Environment.GetEnvironmentVariable("LEEWAY_STRIPE_PYTHON") is { Length: > 0 } p ? p : "python3";
        var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            Path.Combine(SharedFiles.Root, "stripe", "stripe_spec_check.py"),
            "--types", types, "--trace", requests, "--webhooks", webhooks, "--report", report,
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(deadline.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>A <c>.data</c> segment after the first (a list endpoint's own <c>data.</c> stays).</summary>
    [GeneratedRegex(@"(?<=[a-z0-9_])\.data(?=\.)")]
    private static partial Regex DataInsideAPath();
}
