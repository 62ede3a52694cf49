using Leeway.Cli;
using Leeway.Eval;
using Leeway.StripeSandbox;

namespace Leeway.Tests.Cli;

/// <summary><c>leeway token</c>: only the token on standard output, and only for a customer that exists.</summary>
public sealed class TokenCommandTests(CliFolder folder) : IClassFixture<CliFolder>
{
    [Fact]
    public async Task Prints_only_the_token_which_the_product_accepts_for_that_customer()
    {
        var result = await LeewayProcess.RunAsync(folder.Root, "token", "cus_demo_funds", "--data", "data");

        Assert.True(result.Exit == 0, result.ToString());
        var token = Assert.Single(result.StdoutLines);
        Assert.Equal(token + "\n", result.Stdout); // TOKEN=$(./leeway token …) captures exactly the token
        Assert.Equal("", result.Stderr);
        Assert.Equal("cus_demo_funds", await folder.ValidateAsync(token));
    }

    [Fact]
    public async Task With_a_Stripe_account_configured_the_customer_is_looked_up_in_Stripe()
    {
        // A Stripe account reached over HTTP (the sandbox, standing where api.stripe.com stands), holding the demo world.
        var now = DateTimeOffset.UtcNow;
        await using var stripe = await SandboxHost.StartAsync(new SandboxHostOptions { Now = now });
        using var http = new HttpClient { BaseAddress = stripe.BaseUrl };
        await new SandboxAdmin(http).SeedAsync(now, DemoWorld.Load(now).World, default);
        var account = new Dictionary<string, string> { ["Billing__ApiKey"] = "sk_test_cli_account", ["Billing__ApiBase"] = stripe.BaseUrl.ToString().TrimEnd('/') };

        var known = await LeewayProcess.RunAsync(folder.Root, null, account, "token", "cus_demo_twice", "--data", "data");
        var unknown = await LeewayProcess.RunAsync(folder.Root, null, account, "token", "cus_not_in_stripe", "--data", "data");

        Assert.True(known.Exit == 0, known.ToString());
        Assert.Equal("cus_demo_twice", await folder.ValidateAsync(Assert.Single(known.StdoutLines)));
        Assert.Equal(2, unknown.Exit);
        Assert.Equal("", unknown.Stdout);
        Assert.Contains("cus_not_in_stripe: Stripe at " + stripe.BaseUrl.ToString().TrimEnd('/') + " has no such customer", Assert.Single(unknown.StderrLines));
    }

    [Fact]
    public async Task An_unreachable_Stripe_account_is_one_line_naming_it()
    {
        var port = LeewayProcess.FreePort();
        var account = new Dictionary<string, string> { ["Billing__ApiKey"] = "sk_test_cli_account", ["Billing__ApiBase"] = $"http://127.0.0.1:{port}" };

        var result = await LeewayProcess.RunAsync(folder.Root, null, account, "token", "cus_demo_twice", "--data", "data");

        Assert.Equal(2, result.Exit);
        Assert.Contains($"could not ask Stripe at http://127.0.0.1:{port}", Assert.Single(result.StderrLines));
        Assert.DoesNotContain("   at ", result.Stderr);
    }
}
