using Leeway.Policy;
using Leeway.Policy.Rules;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Leeway.Tests.Policy.Rules;

public class PolicyFileTests
{
    private static readonly string[] FormatKeys =
    [
        "refund_auto_max", "refund_window_days", "auto_refunds_per_customer_90d", "credit_auto_max",
        "retry_max_attempts", "usage_spike_factor", "auto_actions_max_risk", "cancel_self_serve",
    ];

    private static PolicyOptions Load(string? yaml, params (string Key, string Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>();
        if (yaml is not null)
        {
            var path = Path.Combine(Path.GetTempPath(), $"policy-{Guid.NewGuid():N}.yaml");
            File.WriteAllText(path, yaml);
            settings["Policy:File"] = path;
        }

        foreach (var (key, value) in overrides)
        {
            settings[$"Policy:Overrides:{key}"] = value;
        }

        var options = new PolicyOptions();
        new PolicyOptionsSetup(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()).Configure(options);
        return options;
    }

    [Fact]
    public void The_shipped_policy_file_holds_every_format_key_at_its_default()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "policy.yaml");
        var yaml = File.ReadAllText(path);

        var options = Load(yaml);

        Assert.Empty(options.Errors);
        Assert.All(FormatKeys, key => Assert.Matches($"(?m)^{key}:", yaml));
        var defaults = new PolicySettings();
        var loaded = options.Settings;
        Assert.Equal(
            (defaults.RefundAutoMax, defaults.RefundWindowDays, defaults.AutoRefundsPerCustomer90d, defaults.CreditAutoMax, defaults.RetryMaxAttempts, defaults.UsageSpikeFactor, defaults.AutoActionsMaxRisk, defaults.CancelSelfServe),
            (loaded.RefundAutoMax, loaded.RefundWindowDays, loaded.AutoRefundsPerCustomer90d, loaded.CreditAutoMax, loaded.RetryMaxAttempts, loaded.UsageSpikeFactor, loaded.AutoActionsMaxRisk, loaded.CancelSelfServe));
        Assert.Equal(["requested_by_customer", "duplicate"], loaded.RefundReasons);
    }

    [Fact]
    public void An_unknown_key_is_named_with_the_allowed_keys()
    {
        var options = Load("refund_auto_max: 5000\nrefund_max: 100\n");

        var error = Assert.Single(options.Errors);
        Assert.Contains("unknown policy key 'refund_max'", error);
        Assert.Contains("line 2", error);
        Assert.All(FormatKeys, key => Assert.Contains(key, error));
    }

    [Theory]
    [InlineData("refund_auto_max: lots", "refund_auto_max = 'lots' is not allowed; expected a whole number from 0")]
    [InlineData("refund_window_days: -3", "refund_window_days = '-3' is not allowed")]
    [InlineData("auto_actions_max_risk: medium", "auto_actions_max_risk = 'medium' is not allowed; expected one of normal, elevated, high")]
    [InlineData("cancel_self_serve: maybe", "cancel_self_serve = 'maybe' is not allowed; expected true or false")]
    [InlineData("usage_spike_factor: 0", "usage_spike_factor = '0' is not allowed")]
    [InlineData("refund_reasons: [fraudulent]", "refund_reasons = 'fraudulent' is not allowed")]
    [InlineData("card_update_link: email", "expected one of checkout_setup, billing_portal")]
    public void A_wrong_value_names_the_key_the_value_and_what_is_allowed(string yaml, string expected)
    {
        var options = Load(yaml);

        Assert.Contains(expected, Assert.Single(options.Errors));
    }

    [Fact]
    public void Overrides_from_configuration_replace_file_values_and_are_validated_the_same_way()
    {
        var good = Load("refund_auto_max: 5000\n", ("refund_auto_max", "1000"), ("cancel_self_serve", "false"), ("auto_actions_max_risk", "elevated"), ("usage_spike_factor", "2.5"));
        var bad = Load("refund_auto_max: 5000\n", ("refund_cap", "1000"), ("credit_auto_max", "ten"));

        Assert.Empty(good.Errors);
        Assert.Equal((1000L, false, "elevated", 2.5), (good.Settings.RefundAutoMax, good.Settings.CancelSelfServe, good.Settings.AutoActionsMaxRisk, good.Settings.UsageSpikeFactor));
        Assert.Equal(2, bad.Errors.Count);
        Assert.Contains(bad.Errors, e => e.StartsWith("Policy:Overrides:refund_cap: unknown policy key 'refund_cap'", StringComparison.Ordinal));
        Assert.Contains(bad.Errors, e => e.StartsWith("Policy:Overrides:credit_auto_max: credit_auto_max = 'ten' is not allowed", StringComparison.Ordinal));
    }

    [Fact]
    public void A_configured_file_that_does_not_exist_is_an_error()
    {
        var options = new PolicyOptions();
        new PolicyOptionsSetup(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Policy:File"] = "/nonexistent/policy.yaml" }).Build()).Configure(options);

        Assert.Contains("does not exist", Assert.Single(options.Errors));
    }

    [Fact]
    public void Malformed_yaml_names_the_line()
    {
        var options = Load("refund_auto_max: 5000\n  - oops: [\n");

        Assert.Contains("not valid YAML at line", Assert.Single(options.Errors));
    }

    [Fact]
    public async Task The_host_does_not_start_with_a_bad_policy()
    {
        var directory = Path.Combine(Path.GetTempPath(), "leeway-tests", "policy-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, "policy.yaml");
        await File.WriteAllTextAsync(file, "refund_auto_max: 5000\nretry_max_attempts: many\n");
        await using var app = LeewayApp.Build([], new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Storage:DataDirectory"] = directory,
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(directory, "leeway.db")}",
            ["Policy:File"] = file,
            ["Logging:LogLevel:Default"] = "None",
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("retry_max_attempts = 'many' is not allowed", error.Message);
    }
}
