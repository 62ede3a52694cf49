namespace Leeway.Tests.Cli;

/// <summary><c>leeway serve</c> with <c>Billing:ApiKey</c> set runs on that account, so its settings are checked before
/// it starts: each mistake is one line naming the key (a full start on an account: <see cref="DeployDocTests"/>).</summary>
public sealed class ServeOnStripeTests
{
    [Fact]
    public async Task Without_the_webhook_secret_it_says_how_to_get_one()
    {
        var result = await Serve(new() { ["Billing__ApiKey"] = "sk_test_serve_account" });

        Assert.Equal(2, result.Exit);
        var line = Assert.Single(result.StderrLines);
        Assert.StartsWith("leeway serve: Billing:WebhookSecret is not set", line);
        Assert.Contains("./leeway stripe connect --url", line);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task A_publishable_key_and_a_malformed_secret_are_refused_at_start_naming_each_key()
    {
        var result = await Serve(new() { ["Billing__ApiKey"] = "pk_test_serve_account", ["Billing__WebhookSecret"] = "not-a-secret" });

        Assert.Equal(2, result.Exit);
        var line = Assert.Single(result.StderrLines);
        Assert.StartsWith("leeway serve: configuration: ", line);
        Assert.Contains("Billing:ApiKey 'pk_test_…ount' is not a Stripe secret key", line);
        Assert.Contains("Billing:WebhookSecret does not start with whsec_", line);
        Assert.DoesNotContain("serve_account", line);
    }

    private static Task<LeewayProcess.Result> Serve(Dictionary<string, string> environment) =>
        LeewayProcess.RunAsync(LeewayProcess.TempFolder("serve-stripe"), null, environment, "serve", "--urls", $"http://127.0.0.1:{LeewayProcess.FreePort()}");
}
