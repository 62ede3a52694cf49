using Leeway.Billing;
using Stripe;

namespace Leeway.Cli;

/// <summary>
/// The Stripe account the configuration names (<c>Billing:ApiKey</c>, from appsettings or the environment as
/// <c>Billing__ApiKey</c>): none means the embedded demo. What the commands that talk to a real account share.
/// </summary>
internal static class StripeAccount
{
    public const string KeyHint = "export Billing__ApiKey=sk_test_… (Stripe dashboard → Developers → API keys; a test-mode key first)";

    public static bool IsConfigured(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration["Billing:ApiKey"]);

    /// <summary>The configured key, or a <see cref="BadInputException"/> saying how to set one.</summary>
    public static string RequireKey(IConfiguration configuration, string why) =>
        IsConfigured(configuration) ? configuration["Billing:ApiKey"]!.Trim() : throw new BadInputException($"Billing:ApiKey is not set, and {why}; {KeyHint}.");

    /// <summary>test or live, from the key's prefix (Stripe: the key decides the mode of every request); null for a key
    /// that is not a secret or restricted key.</summary>
    public static string? Mode(string key) =>
        key.StartsWith("sk_test_", StringComparison.Ordinal) || key.StartsWith("rk_test_", StringComparison.Ordinal) ? "test"
        : key.StartsWith("sk_live_", StringComparison.Ordinal) || key.StartsWith("rk_live_", StringComparison.Ordinal) ? "live"
        : null;

    /// <summary>A key as it may be printed: its prefix and last four characters.</summary>
    public static string Masked(string key) => key.Length <= 12 ? new string('*', key.Length) : $"{key[..8]}…{key[^4..]}";

    public static string ApiBase(IConfiguration configuration) => (configuration["Billing:ApiBase"] ?? new BillingOptions().ApiBase).TrimEnd('/');

    /// <summary>A one-line description of why Stripe could not be asked (refused key, unreachable, an error).</summary>
    public static string Describe(Exception e) => e switch
    {
        StripeException { HttpStatusCode: System.Net.HttpStatusCode.Unauthorized } s => $"Stripe refused the key ({FirstLine(s.StripeError?.Message ?? s.Message)})",
        StripeException s => $"Stripe answered {(int)s.HttpStatusCode}: {FirstLine(s.StripeError?.Message ?? s.Message)}",
        OperationCanceledException => "no answer in time",
        _ => FirstLine(e.Message),
    };

    public static bool IsUnreachableOrRefused(Exception e) => e is StripeException or HttpRequestException or OperationCanceledException;

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
