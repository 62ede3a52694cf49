namespace Leeway.StripeSandbox.Objects;

/// <summary>Every status Stripe gives a dispute (docs.stripe.com/api/disputes/object, <c>status</c>; the npm stripe
/// package's <c>Dispute.Status</c>), and what submitting evidence and closing do to each.</summary>
internal static class DisputeStatus
{
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        "warning_needs_response", "warning_under_review", "warning_closed",
        "needs_response", "under_review", "won", "lost", "prevented",
        "appeal_needs_response", "appeal_under_review",
    };

    /// <summary>Nothing more happens to these.</summary>
    public static bool Closed(string status) => status is "won" or "lost" or "warning_closed" or "prevented";

    /// <summary>Evidence submitted: the matching <c>*_under_review</c>.</summary>
    public static string Submitted(string status) => status switch
    {
        "warning_needs_response" => "warning_under_review",
        "needs_response" => "under_review",
        "appeal_needs_response" => "appeal_under_review",
        _ => status,
    };

    /// <summary>Closed by the merchant (accepting it): an inquiry closes, a dispute is lost.</summary>
    public static string Accepted(string status) => status.StartsWith("warning_", StringComparison.Ordinal) ? "warning_closed" : "lost";
}
