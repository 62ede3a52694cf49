using Stripe;

namespace Leeway.Prevent.Webhooks;

/// <summary>
/// What is wrong with a Stripe webhook endpoint for Leeway: it must be enabled, render events on the API version
/// Stripe.net pins (Stripe cannot change an endpoint's version later, so a wrong one means a new endpoint), and be
/// subscribed to exactly <see cref="HandledEvents.Types"/>.
/// </summary>
internal static class WebhookEndpointCheck
{
    /// <summary>The API version Leeway's Stripe.net speaks, and the one its endpoint must render events as.</summary>
    public static string PinnedApiVersion => StripeConfiguration.ApiVersion;

    public static bool VersionMatches(WebhookEndpoint endpoint) => endpoint.ApiVersion == PinnedApiVersion;

    /// <summary>One sentence per problem; none when the endpoint is right.</summary>
    public static IReadOnlyList<string> Problems(WebhookEndpoint endpoint)
    {
        var problems = new List<string>();
        if (!VersionMatches(endpoint))
        {
            problems.Add($"its API version is {endpoint.ApiVersion ?? "the account's default (none set)"}, not {PinnedApiVersion}");
        }

        if (endpoint.Status != "enabled")
        {
            problems.Add($"it is {endpoint.Status}");
        }

        var events = endpoint.EnabledEvents ?? [];
        if (events.Contains("*"))
        {
            problems.Add($"it is subscribed to every event (*), not the {HandledEvents.Types.Count} Leeway handles");
            return problems;
        }

        var missing = HandledEvents.Types.Except(events, StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            problems.Add($"it is not subscribed to {string.Join(", ", missing)}");
        }

        var extra = events.Except(HandledEvents.Types, StringComparer.Ordinal).ToList();
        if (extra.Count > 0)
        {
            problems.Add($"it is subscribed to events Leeway does not handle ({string.Join(", ", extra)})");
        }

        return problems;
    }
}
