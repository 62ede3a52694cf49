using System.ComponentModel.DataAnnotations;

namespace Leeway.Billing;

/// <summary>How Leeway reaches Stripe: api.stripe.com in production, the sandbox in tests and eval.</summary>
internal sealed class BillingOptions
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

    /// <summary>This host's limit on Stripe requests a second, reads and writes each. 0: Stripe's own limit for the key's
    /// mode (25 test, 100 live) on api.stripe.com, none elsewhere (the sandbox); with several hosts on one account, give
    /// each its share.</summary>
    [Range(0, 10_000)]
    public int RequestsPerSecond { get; set; }

    /// <summary>How often a read answered 429 or 5xx is tried again (with back-off).</summary>
    [Range(0, 10)]
    public int ReadRetries { get; set; } = 4;

    /// <summary>Whether one unit of work (an event, a chat turn, a page, a job) reads each Stripe resource once
    /// (<see cref="StripeReadScope"/>). Off only to measure what sharing saves.</summary>
    public bool ShareReadsInScope { get; set; } = true;
}
