using Stripe;

namespace Leeway.Prevent.Webhooks;

/// <summary>What <see cref="WebhookEndpointSetup.ConnectAsync"/> did. <see cref="Secret"/>: the signing secret of an
/// endpoint it created (Stripe shows it once); <see cref="Problems"/>: what was wrong with the endpoint it found.</summary>
internal sealed record WebhookConnection(WebhookConnectionOutcome Outcome, WebhookEndpoint Endpoint, string? Secret, IReadOnlyList<string> Problems);
