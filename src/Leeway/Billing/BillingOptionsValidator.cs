using Microsoft.Extensions.Options;

namespace Leeway.Billing;

/// <summary>Refuses, at start, Billing settings that would only fail later (every Stripe call, or every webhook), each
/// message naming the key and saying what belongs there.</summary>
internal sealed class BillingOptionsValidator : IValidateOptions<BillingOptions>
{
    public ValidateOptionsResult Validate(string? name, BillingOptions options)
    {
        var failures = new List<string>();
        if (StripeKeys.Mode(options.ApiKey.Trim()) is null)
        {
            failures.Add($"Billing:ApiKey '{StripeKeys.Masked(options.ApiKey)}' is not a Stripe secret key: use the sk_test_… or sk_live_… key (or a restricted rk_… key) from Stripe's dashboard, Developers → API keys; a publishable pk_… key cannot call the API");
        }

        if (!IsHttpUrl(options.ApiBase))
        {
            failures.Add($"Billing:ApiBase '{options.ApiBase}' is not an absolute http(s) URL; unset it for https://api.stripe.com");
        }

        if (!IsHttpUrl(options.PublicBaseUrl))
        {
            failures.Add($"Billing:PublicBaseUrl '{options.PublicBaseUrl}' is not an absolute http(s) URL; set the address customers reach Leeway at, e.g. https://billing.example.com");
        }

        if (!string.IsNullOrEmpty(options.WebhookSecret) && !options.WebhookSecret.StartsWith("whsec_", StringComparison.Ordinal))
        {
            failures.Add("Billing:WebhookSecret does not start with whsec_: use the signing secret `leeway stripe connect` printed (Stripe dashboard → Webhooks → the endpoint → Signing secret)");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
