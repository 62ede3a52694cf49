using System.Security.Claims;
using System.Text;
using Leeway.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Leeway.Prevent;

/// <summary>Tier 0's endpoints: Stripe's webhook (signed, not authenticated) and the customer's in-app nudges.</summary>
internal static class PreventApi
{
    /// <summary>Larger than any Stripe event; a bigger body is refused before it is read.</summary>
    private const int MaxPayloadBytes = 1 << 20;

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
    /// timestamp or a body that is not an event: nothing is stored and nothing happens. 200 once the event is durably stored.</summary>
    public static async Task<Results<Ok<WebhookReceipt>, ProblemHttpResult>> ReceiveStripeWebhook(
        HttpRequest request,
        WebhookIntake intake,
        CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxPayloadBytes)
        {
            return Refused($"The body is larger than {MaxPayloadBytes} bytes.");
        }

        string payload;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8))
        {
            payload = await reader.ReadToEndAsync(cancellationToken);
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

    private static ProblemHttpResult Refused(string detail) =>
        TypedResults.Problem(title: "Webhook refused", detail: detail, statusCode: StatusCodes.Status400BadRequest);
}
