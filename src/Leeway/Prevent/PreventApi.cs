using System.Security.Claims;
using System.Text;
using Leeway.Identity;
using Leeway.Prevent.Nudges;
using Leeway.Prevent.Webhooks;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Leeway.Prevent;

/// <summary>Tier 0's endpoints: Stripe's webhook (signed, not authenticated) and the customer's in-app nudges.</summary>
internal static class PreventApi
{
    /// <summary>Larger than any Stripe event; a bigger body is refused (413) as soon as it is declared or, sent chunked, as
    /// soon as that many bytes have arrived: it is never read whole.</summary>
    public const int MaxPayloadBytes = 1 << 20;

    public static IEndpointRouteBuilder MapPreventApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/webhooks/stripe", ReceiveStripeWebhook)
            .WithName(nameof(ReceiveStripeWebhook))
            .WithTags("Prevent")
            .AllowAnonymous()
            .DisableAntiforgery();

        var me = app.MapGroup("/api/v1/me").WithTags("Prevent").RequireAuthorization(IdentityRegistration.CustomerPolicy);
        me.MapGet("/nudges", ListMyNudges).WithName(nameof(ListMyNudges));
        return app;
    }

    /// <summary>Verifies and stores one Stripe event; its handlers run in the background. 400 for a bad signature, a stale
    /// timestamp or a body that is not an event; 413 for a body over 1 MiB: nothing is stored and nothing happens. 200 once
    /// the event is durably stored.</summary>
    public static async Task<Results<Ok<WebhookReceipt>, ProblemHttpResult>> ReceiveStripeWebhook(
        HttpRequest request,
        WebhookIntake intake,
        CancellationToken cancellationToken)
    {
        var payload = await ReadLimitedAsync(request, cancellationToken);
        if (payload is null)
        {
            return TypedResults.Problem(
                title: "Webhook refused",
                detail: $"The body is larger than {MaxPayloadBytes} bytes; no Stripe event is that large.",
                statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        var result = await intake.ReceiveAsync(payload, request.Headers["Stripe-Signature"].ToString(), cancellationToken);
        return result.Receipt is { } receipt ? TypedResults.Ok(receipt) : Refused(result.Refusal!);
    }

    /// <summary>The signed-in customer's in-app nudges, newest first; <c>?all=true</c> includes resolved ones.</summary>
    public static async Task<Ok<InAppNudgeList>> ListMyNudges(ClaimsPrincipal user, NudgeOutbox outbox, CancellationToken cancellationToken, bool all = false)
    {
        var nudges = await outbox.ListStoredAsync(user.CustomerId()!, NudgeChannel.InApp, cancellationToken);
        var shown = nudges
            .Where(n => all || n.Nudge.State == NudgeState.Sent)
            .OrderByDescending(n => n.Nudge.CreatedAt)
            .Select(InAppNudge.From)
            .ToList();
        return TypedResults.Ok(new InAppNudgeList(shown));
    }

    /// <summary>The body as text, or null when it is (or turns out to be, chunk by chunk) over the limit. At most
    /// <see cref="MaxPayloadBytes"/> + 1 bytes are ever held.</summary>
    private static async Task<string?> ReadLimitedAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxPayloadBytes)
        {
            return null;
        }

        // Kestrel enforces the limit too, so the rest of an oversize body is not drained but the connection closed.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxPayloadBytes;
        }

        var buffer = new byte[Math.Clamp(request.ContentLength ?? 16 * 1024, 1, MaxPayloadBytes + 1)];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (length > MaxPayloadBytes)
                {
                    return null;
                }

                Array.Resize(ref buffer, Math.Min(buffer.Length * 2, MaxPayloadBytes + 1));
            }

            int read;
            try
            {
                read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken);
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                return null;
            }

            if (read == 0)
            {
                break;
            }

            length += read;
        }

        return length > MaxPayloadBytes ? null : Encoding.UTF8.GetString(buffer, 0, length);
    }

    private static ProblemHttpResult Refused(string detail) =>
        TypedResults.Problem(title: "Webhook refused", detail: detail, statusCode: StatusCodes.Status400BadRequest);
}
