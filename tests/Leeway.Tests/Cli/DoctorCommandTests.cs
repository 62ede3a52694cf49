using Leeway.Prevent;
using Leeway.Prevent.Webhooks;
using Leeway.StripeSandbox;
using Leeway.Tests.Prevent;
using Stripe;

namespace Leeway.Tests.Cli;

/// <summary><c>leeway doctor</c> as a real process: a connected account (the sandbox standing in for it) passes; a wrong
/// key, a missing endpoint, an endpoint on another API version and the bare demo each fail with the fix in the table.</summary>
public sealed class DoctorCommandTests
{
    private const string Key = "sk_test_doctor_account";
    private const string PublicUrl = "https://billing.example.com";
    private const string WebhookUrl = PublicUrl + "/webhooks/stripe";

    [Fact]
    public async Task A_connected_account_passes_every_check_with_warnings_only_for_the_embedded_sources()
    {
        await using var stripe = await SandboxHost.StartAsync(new SandboxHostOptions { ApiKey = Key });
        var folder = LeewayProcess.TempFolder("doctor");
        var connect = await LeewayProcess.RunAsync(folder, null, Account(stripe, Key), "stripe", "connect", "--url", WebhookUrl);
        Assert.True(connect.Exit == 0, connect.ToString());
        var secret = Assert.Single(connect.StdoutLines, l => l.StartsWith("Billing__WebhookSecret=", StringComparison.Ordinal))["Billing__WebhookSecret=".Length..];
        var environment = Account(stripe, Key);
        environment["Billing__WebhookSecret"] = secret;
        environment["Prevent__Smtp__Host"] = SmtpSink.Host;
        environment["Prevent__Smtp__Port"] = SmtpSink.Port;

        var result = await LeewayProcess.RunAsync(folder, null, environment, "doctor");

        Assert.True(result.Exit == 0, result.ToString());
        Assert.Contains("test mode, sk_test_…ount", Row(result, "Stripe key"));
        Assert.Contains($"API version {StripeConfiguration.ApiVersion}, the {HandledEvents.Types.Count} events", Row(result, "Webhook endpoint"));
        Assert.Matches(@"^Webhook secret\s+ok\s", Row(result, "Webhook secret"));
        Assert.Contains(" ok ", Row(result, "Database"));
        Assert.Contains($"{SmtpSink.Host}:{SmtpSink.Port}", Row(result, "SMTP"));
        Assert.Contains(" warn ", Row(result, "Entitlements source"));
        Assert.Contains("Diagnostics__Usage__Kind=clickhouse", Row(result, "Usage source"));
        Assert.EndsWith("0 failed.", result.StdoutLines[^1]);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public async Task A_wrong_key_fails_with_Stripe_s_refusal_and_how_to_fix_it()
    {
        await using var stripe = await SandboxHost.StartAsync(new SandboxHostOptions { ApiKey = Key });
        var environment = Account(stripe, "sk_test_not_this_account_key");
        environment["Billing__WebhookSecret"] = "whsec_anything";

        var result = await LeewayProcess.RunAsync(LeewayProcess.TempFolder("doctor"), null, environment, "doctor");

        Assert.Equal(1, result.Exit);
        var row = Row(result, "Stripe key");
        Assert.Contains("FAIL", row);
        Assert.Contains("Invalid API Key provided", row);
        Assert.Contains("copy the secret key again", row);
        Assert.Contains("not checked", Row(result, "Webhook endpoint"));
        Assert.DoesNotContain("not_this_account", result.Stdout);
    }

    [Fact]
    public async Task No_endpoint_and_an_endpoint_on_another_version_each_fail_naming_the_command_that_fixes_it()
    {
        await using var stripe = await SandboxHost.StartAsync(new SandboxHostOptions { ApiKey = Key });
        var environment = Account(stripe, Key);
        environment["Billing__WebhookSecret"] = "whsec_anything";
        var folder = LeewayProcess.TempFolder("doctor");

        var none = await LeewayProcess.RunAsync(folder, null, environment, "doctor");
        await new StripeClient(new StripeClientOptions { ApiKey = Key, ApiBase = stripe.BaseUrl.ToString().TrimEnd('/') }).V1.WebhookEndpoints.CreateAsync(
            new WebhookEndpointCreateOptions { Url = WebhookUrl, ApiVersion = "2024-06-20", EnabledEvents = [.. HandledEvents.Types] });
        var oldVersion = await LeewayProcess.RunAsync(folder, null, environment, "doctor");

        Assert.Equal(1, none.Exit);
        Assert.Contains($"none for {WebhookUrl}", Row(none, "Webhook endpoint"));
        Assert.Contains($"./leeway stripe connect --url {WebhookUrl}, then store the secret", Row(none, "Webhook endpoint"));
        Assert.Equal(1, oldVersion.Exit);
        Assert.Contains("its API version is 2024-06-20", Row(oldVersion, "Webhook endpoint"));
        Assert.Contains($"./leeway stripe connect --url {WebhookUrl} --replace", Row(oldVersion, "Webhook endpoint"));
        Assert.Contains(" ok ", Row(oldVersion, "Stripe key"));
    }

    [Fact]
    public async Task The_bare_demo_is_not_a_deployment()
    {
        var result = await LeewayProcess.RunAsync(LeewayProcess.TempFolder("doctor"), "doctor");

        Assert.Equal(1, result.Exit);
        Assert.Contains("Billing:ApiKey is not set", Row(result, "Stripe key"));
        Assert.Contains("export Billing__ApiKey=sk_test_", Row(result, "Stripe key"));
        Assert.Contains("Billing:WebhookSecret is not set", Row(result, "Webhook secret"));
    }

    [Fact]
    public async Task An_unreachable_database_fails_its_row_and_the_other_checks_still_run()
    {
        await using var stripe = await SandboxHost.StartAsync(new SandboxHostOptions { ApiKey = Key });
        var environment = Account(stripe, Key);
        environment["Storage__ConnectionString"] = $"Host=127.0.0.1;Port={LeewayProcess.FreePort()};Username=leeway;Password=x;Database=leeway;Timeout=3";

        var result = await LeewayProcess.RunAsync(LeewayProcess.TempFolder("doctor"), null, environment, "doctor");

        Assert.Equal(1, result.Exit);
        Assert.Contains("FAIL", Row(result, "Database"));
        Assert.Contains("check Storage:ConnectionString", Row(result, "Database"));
        Assert.Contains(" ok ", Row(result, "Stripe key"));
    }

    /// <summary>The table's line for a check (output to a pipe: one line per row).</summary>
    private static string Row(LeewayProcess.Result result, string check) =>
        result.StdoutLines.SingleOrDefault(l => l.StartsWith(check + " ", StringComparison.Ordinal)) ?? throw new Xunit.Sdk.XunitException($"no row '{check}' in:\n{result}");

    private static Dictionary<string, string> Account(SandboxHost stripe, string key) =>
        new() { ["Billing__ApiKey"] = key, ["Billing__ApiBase"] = stripe.BaseUrl.ToString().TrimEnd('/'), ["Billing__PublicBaseUrl"] = PublicUrl };
}
