using Leeway.Prevent;
using Leeway.Prevent.Webhooks;
using Leeway.StripeSandbox;
using Stripe;

namespace Leeway.Tests.Cli;

/// <summary><c>leeway stripe connect</c> as a real process against the sandbox's webhook-endpoint API (Stripe's own).</summary>
public sealed class StripeConnectCommandTests
{
    private const string Key = "sk_test_connect_account";
    private const string Url = "https://billing.example.com/webhooks/stripe";

    [Fact]
    public async Task Creates_the_endpoint_on_the_pinned_version_with_the_handled_events_then_finds_it_connected()
    {
        await using var stripe = await SandboxHost.StartAsync(new SandboxHostOptions { ApiKey = Key });
        var folder = LeewayProcess.TempFolder("connect");

        var first = await Connect(folder, stripe);
        var second = await Connect(folder, stripe);

        Assert.True(first.Exit == 0, first.ToString());
        Assert.StartsWith("Created webhook endpoint we_", first.StdoutLines[0]);
        var secret = Assert.Single(first.StdoutLines, l => l.StartsWith("Billing__WebhookSecret=", StringComparison.Ordinal))["Billing__WebhookSecret=".Length..];
        Assert.StartsWith("whsec_", secret);
        var endpoint = Assert.Single(await Endpoints(stripe));
        Assert.Equal(Url, endpoint.Url);
        Assert.Equal(StripeConfiguration.ApiVersion, endpoint.ApiVersion);
        Assert.Equal(HandledEvents.Types, endpoint.EnabledEvents.Order(StringComparer.Ordinal));
        Assert.Null(endpoint.Secret); // shown once, at creation

        Assert.True(second.Exit == 0, second.ToString());
        Assert.Contains("is connected; nothing to do", second.Stdout);
        Assert.DoesNotContain("whsec_", second.Stdout);
        Assert.Equal(endpoint.Id, Assert.Single(await Endpoints(stripe)).Id);
    }

    [Fact]
    public async Task An_endpoint_on_another_api_version_is_replaced_only_when_asked()
    {
        await using var stripe = await SandboxHost.StartAsync(new SandboxHostOptions { ApiKey = Key });
        var old = await Client(stripe).V1.WebhookEndpoints.CreateAsync(new WebhookEndpointCreateOptions { Url = Url, ApiVersion = "2024-06-20", EnabledEvents = [.. HandledEvents.Types] });
        var folder = LeewayProcess.TempFolder("connect");

        var refused = await Connect(folder, stripe);
        Assert.Equal(1, refused.Exit);
        Assert.Contains("its API version is 2024-06-20, not " + StripeConfiguration.ApiVersion, refused.Stdout);
        Assert.Contains("--replace", refused.Stdout);
        Assert.Equal(old.Id, Assert.Single(await Endpoints(stripe)).Id);

        var replaced = await Connect(folder, stripe, "--replace");
        Assert.True(replaced.Exit == 0, replaced.ToString());
        Assert.Contains("the old one is deleted", replaced.Stdout);
        Assert.Contains(replaced.StdoutLines, l => l.StartsWith("Billing__WebhookSecret=whsec_", StringComparison.Ordinal));
        var now = Assert.Single(await Endpoints(stripe));
        Assert.NotEqual(old.Id, now.Id);
        Assert.Equal(StripeConfiguration.ApiVersion, now.ApiVersion);
    }

    [Fact]
    public async Task Wrong_events_and_a_disabled_endpoint_are_corrected_in_place_keeping_the_secret()
    {
        await using var stripe = await SandboxHost.StartAsync(new SandboxHostOptions { ApiKey = Key });
        var client = Client(stripe);
        var old = await client.V1.WebhookEndpoints.CreateAsync(new WebhookEndpointCreateOptions { Url = Url, ApiVersion = StripeConfiguration.ApiVersion, EnabledEvents = ["*"] });
        await client.V1.WebhookEndpoints.UpdateAsync(old.Id, new WebhookEndpointUpdateOptions { Disabled = true });

        var result = await Connect(LeewayProcess.TempFolder("connect"), stripe);

        Assert.True(result.Exit == 0, result.ToString());
        Assert.Contains("it is disabled", result.Stdout);
        Assert.Contains("subscribed to every event (*)", result.Stdout);
        Assert.DoesNotContain("whsec_", result.Stdout);
        var now = Assert.Single(await Endpoints(stripe));
        Assert.Equal(old.Id, now.Id);
        Assert.Equal("enabled", now.Status);
        Assert.Equal(HandledEvents.Types, now.EnabledEvents.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_wrong_key_is_one_line_with_Stripe_s_refusal_and_nothing_is_created()
    {
        await using var stripe = await SandboxHost.StartAsync(new SandboxHostOptions { ApiKey = Key });

        var result = await LeewayProcess.RunAsync(LeewayProcess.TempFolder("connect"), null, Account(stripe, "sk_test_someone_elses_key"), "stripe", "connect", "--url", Url);

        Assert.Equal(2, result.Exit);
        Assert.Equal("", result.Stdout);
        var line = Assert.Single(result.StderrLines);
        Assert.Contains("Invalid API Key provided: sk_test_", line);
        Assert.Contains("check Billing:ApiKey", line);
        Assert.DoesNotContain("someone_elses", line);
        Assert.Empty(await Endpoints(stripe));
    }

    [Fact]
    public async Task Without_a_key_it_says_which_setting_to_set()
    {
        var result = await LeewayProcess.RunAsync(LeewayProcess.TempFolder("connect"), "stripe", "connect", "--url", Url);

        Assert.Equal(2, result.Exit);
        Assert.Contains("Billing:ApiKey is not set", Assert.Single(result.StderrLines));
        Assert.Contains("Billing__ApiKey=sk_test_", result.Stderr);
    }

    [Fact]
    public async Task A_url_that_is_not_the_receiver_is_refused_before_Stripe_is_asked()
    {
        var result = await LeewayProcess.RunAsync(LeewayProcess.TempFolder("connect"), null, new Dictionary<string, string> { ["Billing__ApiKey"] = Key }, "stripe", "connect", "--url", "https://billing.example.com/hooks");

        Assert.Equal(2, result.Exit);
        Assert.Contains("--url https://billing.example.com/hooks: Leeway receives Stripe's events at /webhooks/stripe", Assert.Single(result.StderrLines));
    }

    private static Task<LeewayProcess.Result> Connect(string folder, SandboxHost stripe, params string[] more) =>
        LeewayProcess.RunAsync(folder, null, Account(stripe, Key), ["stripe", "connect", "--url", Url, .. more]);

    private static Dictionary<string, string> Account(SandboxHost stripe, string key) =>
        new() { ["Billing__ApiKey"] = key, ["Billing__ApiBase"] = stripe.BaseUrl.ToString().TrimEnd('/') };

    private static StripeClient Client(SandboxHost stripe) =>
        new(new StripeClientOptions { ApiKey = Key, ApiBase = stripe.BaseUrl.ToString().TrimEnd('/') });

    private static async Task<List<WebhookEndpoint>> Endpoints(SandboxHost stripe)
    {
        var list = new List<WebhookEndpoint>();
        await foreach (var endpoint in Client(stripe).V1.WebhookEndpoints.ListAutoPagingAsync())
        {
            list.Add(endpoint);
        }

        return list;
    }
}
