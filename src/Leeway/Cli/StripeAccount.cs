using Leeway.Billing;

namespace Leeway.Cli;

/// <summary>What the commands that talk to a real Stripe account require of the configuration.</summary>
internal static class StripeAccount
{
    /// <summary>The configured key, or a <see cref="BadInputException"/> saying how to set one.</summary>
    public static string RequireKey(IConfiguration configuration, string why) =>
        StripeKeys.IsConfigured(configuration) ? configuration["Billing:ApiKey"]!.Trim() : throw new BadInputException($"Billing:ApiKey is not set, and {why}; {StripeKeys.Hint}.");
}
