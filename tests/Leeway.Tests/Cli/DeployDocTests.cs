using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Leeway.StripeSandbox;

namespace Leeway.Tests.Cli;

/// <summary>
/// docs/deploy.md's "From nothing to a running deployment" followed as written: its commands, in order, in one shell,
/// with the Stripe sandbox standing in for the account (it accepts only the one key, as an account does). Only the
/// placeholders are filled in (the key, the public address); the clone is this repository, and <c>./leeway</c> is this
/// build. Then Stripe sends an event, which the running serve must verify with the secret the steps stored.
/// </summary>
public sealed partial class DeployDocTests
{
    private const string Key = "sk_test_deploy_doc_account";

    [Fact]
    public async Task The_documented_steps_end_with_serve_running_on_the_account_and_receiving_its_events()
    {
        await using var stripe = await SandboxHost.StartAsync(new SandboxHostOptions { ApiKey = Key });
        var port = LeewayProcess.FreePort();
        var address = $"http://127.0.0.1:{port}";
        var steps = DocumentedSteps();
        Assert.Contains(steps, s => s.Contains("git clone", StringComparison.Ordinal));
        var script = new StringBuilder("set -euo pipefail\n")
            .AppendLine($"export Billing__ApiBase={stripe.BaseUrl.ToString().TrimEnd('/')}  # the sandbox stands where api.stripe.com stands");
        foreach (var step in steps.Where(s => !s.Contains("git clone", StringComparison.Ordinal)))
        {
            script.AppendLine(Fill(step, "sk_test_YOUR_KEY", Key)
                .Replace("https://billing.example.com", address, StringComparison.Ordinal)
                .Replace("http://0.0.0.0:8080", address, StringComparison.Ordinal)
                .Replace("./leeway", $"dotnet '{LeewayProcess.Dll}'", StringComparison.Ordinal));
        }

        Assert.Contains("http://0.0.0.0:8080", string.Join('\n', steps));
        using var shell = Start(LeewayProcess.TempFolder("deploy"), script.ToString());
        var stderr = shell.StandardError.ReadToEndAsync();
        var output = new List<string>();
        try
        {
            while (output.Count == 0 || !output[^1].Contains("Ctrl+C to stop", StringComparison.Ordinal))
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
                output.Add(await shell.StandardOutput.ReadLineAsync(timeout.Token)
                    ?? throw new Xunit.Sdk.XunitException($"the steps ended (exit {await ExitAsync(shell)}) before serve ran:\n{string.Join('\n', output)}\n--- stderr\n{await stderr}"));
            }

            var all = string.Join('\n', output);
            Assert.Contains("Created webhook endpoint we_", all);
            Assert.Contains(output, l => l.EndsWith(" 0 failed.", StringComparison.Ordinal));
            Assert.Contains(output, l => l.StartsWith($"Leeway is running at {address} on Stripe (test mode", StringComparison.Ordinal));
            Assert.Contains(output, l => l.Contains($"{address}/webhooks/stripe: we_", StringComparison.Ordinal) && l.EndsWith(", connected", StringComparison.Ordinal));

            // Stripe tells Leeway about a failed payment: signed with the endpoint's secret, verified with the stored one.
            using var admin = new HttpClient { BaseAddress = stripe.BaseUrl };
            var now = DateTimeOffset.UtcNow;
            using var seeded = await admin.PostAsync("/_sandbox/world", Json(new JsonObject
            {
                ["now"] = now.ToString("O"),
                ["world"] = JsonNode.Parse($$"""
                    {"customers":[{"id":"cus_deploy","email":"ada@example.com",
                      "invoices":[{"id":"in_deploy","status":"open","amount_due":2000,"created":"{{now.AddHours(-1):O}}","attempt_count":1,"last_payment_error":"insufficient_funds"}]}]}
                    """),
            }));
            Assert.True(seeded.IsSuccessStatusCode, await seeded.Content.ReadAsStringAsync());
            using var fired = await admin.PostAsync("/_sandbox/events", Json(new JsonObject { ["type"] = "invoice.payment_failed", ["object"] = "in_deploy" }));
            var delivery = JsonNode.Parse(await fired.Content.ReadAsStringAsync())!["deliveries"]![0]!;
            Assert.True(delivery["status"]?.GetValue<int>() == 200, delivery.ToJsonString());
        }
        finally
        {
            shell.Kill(entireProcessTree: true);
            await shell.WaitForExitAsync();
        }

        Assert.DoesNotContain("   at ", await stderr);
    }

    /// <summary>The bash blocks of the section, in order.</summary>
    private static List<string> DocumentedSteps()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "deploy.md"));
        var start = doc.IndexOf("## From nothing to a running deployment", StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/deploy.md has no section 'From nothing to a running deployment'");
        var end = doc.IndexOf("\n# ", start, StringComparison.Ordinal);
        var section = doc[start..(end < 0 ? doc.Length : end)];
        return BashBlock().Matches(section).Select(m => m.Groups[1].Value.Trim()).ToList();
    }

    private static string Fill(string step, string placeholder, string value) => step.Replace(placeholder, value, StringComparison.Ordinal);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Leeway.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository (Leeway.slnx) was not found above " + AppContext.BaseDirectory);
    }

    private static Process Start(string folder, string script)
    {
        var info = new ProcessStartInfo("bash", ["-c", script])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var name in new[] { "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "Billing__ApiKey", "Billing__WebhookSecret", "Billing__PublicBaseUrl" })
        {
            info.Environment.Remove(name);
        }

        return Process.Start(info)!;
    }

    private static async Task<int> ExitAsync(Process process)
    {
        await process.WaitForExitAsync();
        return process.ExitCode;
    }

    private static StringContent Json(JsonObject body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    [GeneratedRegex("```bash\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex BashBlock();
}
