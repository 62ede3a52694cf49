using Stripe;

namespace Leeway.Billing;

/// <summary>
/// The Stripe account the configuration names (<c>Billing:ApiKey</c>, from appsettings or the environment as
/// <c>Billing__ApiKey</c>): none means the embedded demo. How its key reads (mode, a printable form) and how a failed
/// call to it is told in one line.
/// </summary>
internal static class StripeKeys
{
    public const string Hint = "export Billing__ApiKey=sk_test_… (Stripe dashboard → Developers → API keys; a test-mode key first)";

    public static bool IsConfigured(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration["Billing:ApiKey"]);

    /// <summary>test or live, from the key's prefix (the key decides the mode of every request Stripe answers); null for
    /// anything that is not a secret (<c>sk_</c>) or restricted (<c>rk_</c>) key.</summary>
    public static string? Mode(string key) =>
        key.StartsWith("sk_test_", StringComparison.Ordinal) || key.StartsWith("rk_test_", StringComparison.Ordinal) ? "test"
        : key.StartsWith("sk_live_", StringComparison.Ordinal) || key.StartsWith("rk_live_", StringComparison.Ordinal) ? "live"
        : null;

    /// <summary>A key as it may be printed: its first eight and last four characters.</summary>
    public static string Masked(string key) => key.Length <= 12 ? new string('*', key.Length) : $"{key[..8]}…{key[^4..]}";

    public static string ApiBase(IConfiguration configuration) => (configuration["Billing:ApiBase"] ?? new BillingOptions().ApiBase).TrimEnd('/');

    /// <summary>A failure worth one line rather than a stack: Stripe's refusal or error, no answer, no connection.</summary>
    public static bool IsCallFailure(Exception e) => e is StripeException or HttpRequestException or OperationCanceledException;

    /// <summary>Why Stripe could not be asked, in one line.</summary>
    public static string Describe(Exception e) => e switch
    {
        StripeException { HttpStatusCode: System.Net.HttpStatusCode.Unauthorized } s => $"Stripe refused the key ({FirstLine(s.StripeError?.Message ?? s.Message)})",
        StripeException s => $"Stripe answered {(int)s.HttpStatusCode}: {FirstLine(s.StripeError?.Message ?? s.Message)}",
        OperationCanceledException => "no answer in time",
        _ => FirstLine(e.Message),
    };

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
