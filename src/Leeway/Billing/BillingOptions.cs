using System.ComponentModel.DataAnnotations;

namespace Leeway.Billing;

/// <summary>How Leeway reaches Stripe: api.stripe.com in production, the sandbox in tests and eval.</summary>
public sealed class BillingOptions
{
    public const string Section = "Billing";

    [Required]
    public string ApiBase { get; set; } = "https://api.stripe.com";

    [Required]
    public string ApiKey { get; set; } = "sk_test_leeway";

    /// <summary>The <c>whsec_…</c> secret of the webhook endpoint Stripe posts to.</summary>
    public string WebhookSecret { get; set; } = "";

    /// <summary>Base URL of Leeway's own pages, used in links and return URLs.</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5080";

    [Range(100, 120_000)]
    public int RequestTimeoutMs { get; set; } = 10_000;
}
