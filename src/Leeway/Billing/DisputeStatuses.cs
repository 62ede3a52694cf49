namespace Leeway.Billing;

/// <summary>
/// Stripe's dispute statuses (the npm stripe package's <c>Dispute.Status</c>: <c>warning_needs_response</c>,
/// <c>warning_under_review</c>, <c>warning_closed</c>, <c>needs_response</c>, <c>under_review</c>, <c>won</c>,
/// <c>lost</c>, <c>prevented</c>, <c>appeal_needs_response</c>, <c>appeal_under_review</c>), in one place. A dispute
/// is open in every status but <c>won</c> and <c>lost</c> (the scenario format's <c>dispute_open</c>), with the two
/// statuses that also end one: an inquiry closed without a dispute, and a dispute prevented before it was filed.
/// </summary>
internal static class DisputeStatuses
{
    public static bool IsOpen(string? status) =>
        status is { Length: > 0 } && status is not ("won" or "lost" or "warning_closed" or "prevented");
}
