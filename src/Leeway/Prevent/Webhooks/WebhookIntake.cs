using System.Text.Json;
using Leeway.Billing;
using Microsoft.Extensions.Options;
using Stripe;

namespace Leeway.Prevent.Webhooks;

/// <summary>
/// Takes one delivery from Stripe: verifies the signature before anything is parsed or stored (HMAC-SHA256 over
/// <c>t.payload</c>, constant-time compare, 300 s tolerance on the injected clock), stores the event in the inbox, and
/// queues it for <see cref="WebhookWorkers"/>: Stripe's 200 means "stored", and the handlers run in the background.
/// Events on another API version are taken (see <see cref="WebhookEndpointCheck"/>).
/// </summary>
internal sealed class WebhookIntake(
    IOptions<BillingOptions> billing,
    TimeProvider time,
    WebhookInbox inbox,
    WebhookWorkers workers,
    ILogger<WebhookIntake> logger)
{
    public const long ToleranceSeconds = 300;

    public const string Queued = "queued";
    public const string Duplicate = "duplicate";

    private int _versionWarned;

    public async Task<WebhookIntakeResult> ReceiveAsync(string payload, string? signatureHeader, CancellationToken cancellationToken)
    {
        var secret = billing.Value.WebhookSecret;
        if (string.IsNullOrEmpty(secret))
        {
            // An empty key would let anyone sign: refuse everything until Billing:WebhookSecret is set.
            return WebhookIntakeResult.Refused("Webhook signing is not configured (Billing:WebhookSecret is empty).");
        }

        if (string.IsNullOrWhiteSpace(signatureHeader))
        {
            return WebhookIntakeResult.Refused("The Stripe-Signature header is missing.");
        }

        Event stripeEvent;
        try
        {
            // Verify before parse; then the shape, because the SDK's parser throws on a signed body that is not an object.
            EventUtility.ValidateSignature(payload, signatureHeader, secret, ToleranceSeconds, time.GetUtcNow().ToUnixTimeSeconds());
            if (!IsEventShaped(payload))
            {
                return WebhookIntakeResult.Refused("The body is not a Stripe event: an object with id, type and data.object.");
            }

            // Another API version is taken, not refused: Stripe cannot change an endpoint's version, and refusing would
            // leave Tier 0 blind on an endpoint made on the account's default. Said once; `leeway doctor` names the fix.
            stripeEvent = EventUtility.ParseEvent(payload, throwOnApiVersionMismatch: false);
            if (stripeEvent.ApiVersion != StripeConfiguration.ApiVersion && Interlocked.Exchange(ref _versionWarned, 1) == 0)
            {
                logger.LogWarning(
                    "Stripe sends events as API version {EventVersion}, not {Pinned}: the webhook endpoint was made on another version. Run `leeway doctor`, then `leeway stripe connect --url … --replace`.",
                    stripeEvent.ApiVersion,
                    StripeConfiguration.ApiVersion);
            }
        }
        catch (Exception e) when (e is StripeException or JsonException or Newtonsoft.Json.JsonException or ArgumentException or InvalidOperationException)
        {
            logger.LogWarning("Refused a webhook delivery: {Reason}", e.Message);
            return WebhookIntakeResult.Refused(e.Message);
        }

        if (string.IsNullOrEmpty(stripeEvent.Id) || string.IsNullOrEmpty(stripeEvent.Type))
        {
            return WebhookIntakeResult.Refused("The event has no id or type.");
        }

        var stored = new InboxEvent(
            stripeEvent.Id,
            stripeEvent.Type,
            (stripeEvent.Data?.Object as IHasId)?.Id,
            CustomerOf(payload),
            payload,
            stripeEvent.Created.Utc());

        // Acknowledged once stored; the handlers run in the background (a slow Stripe, a burst of thousands, or a handler
        // that fails does not hold up Stripe's 200). A crash before they finish loses nothing: the event is in the inbox.
        if (await inbox.TryStoreAsync(stored, cancellationToken))
        {
            workers.Enqueue(stored, stripeEvent);
            return WebhookIntakeResult.Stored(stored.EventId, Queued);
        }

        // A redelivery. If the first delivery's processing failed or died, this one may finish it; otherwise nothing happens.
        if (await inbox.IsDueAsync(stored.EventId, cancellationToken))
        {
            workers.Enqueue(stored, stripeEvent);
            return WebhookIntakeResult.Stored(stored.EventId, Queued);
        }

        return WebhookIntakeResult.Stored(stored.EventId, Duplicate);
    }

    private static bool IsEventShaped(string payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                && root.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String
                && root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
                && data.TryGetProperty("object", out var obj) && obj.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The customer the event is about, when its object names one (<c>data.object.customer</c>, or the customer itself).</summary>
    private static string? CustomerOf(string payload)
    {
        using var document = JsonDocument.Parse(payload);
        if (!document.RootElement.TryGetProperty("data", out var data) || !data.TryGetProperty("object", out var obj) || obj.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (obj.TryGetProperty("object", out var kind) && kind.ValueKind == JsonValueKind.String && kind.GetString() == "customer")
        {
            return obj.TryGetProperty("id", out var id) ? id.GetString() : null;
        }

        if (!obj.TryGetProperty("customer", out var customer))
        {
            return null;
        }

        return customer.ValueKind switch
        {
            JsonValueKind.String => customer.GetString(),
            JsonValueKind.Object when customer.TryGetProperty("id", out var nested) => nested.GetString(),
            _ => null,
        };
    }
}
