using Leeway.Identity;

namespace Leeway.Routing.Outbound;

internal static class OutboundApi
{
    public static IEndpointRouteBuilder MapOutbound(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/outbound/deliveries", async (OutboundOutbox outbox, CancellationToken ct, int? limit) =>
                TypedResults.Ok(await outbox.RecentAsync(Math.Clamp(limit ?? 100, 1, 1000), ct)))
            .RequireAuthorization(IdentityRegistration.ServicePolicy)
            .WithTags("Routing")
            .WithName("ListOutboundDeliveries")
            .WithSummary("The outbound webhook delivery log, newest first: each event per destination, its attempts and last answer.");
        return app;
    }
}
