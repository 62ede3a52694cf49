using Leeway.Diagnostics;
using Leeway.Storage;

namespace Leeway.Humans;

/// <summary>
/// What a case is about, whichever way the customer (or Tier 0) raised it: the root cause and the first object it is about
/// (<c>dispute_open:du_123</c>, <c>payment_failed_card_expired:in_9</c>). A customer has at most one open case per problem
/// (a unique key in <c>case_problems</c>), so a dispute announced twice, a chat and a meter click about the same invoice, or
/// ten requests for a person become one case a person works once.
/// </summary>
internal static class CaseProblem
{
    /// <summary>Nothing could be diagnosed: every such request of one customer is the same "we do not know yet" problem.</summary>
    public const string Unknown = "unknown";

    public static string For(string rootCause, string? objectId) =>
        string.IsNullOrEmpty(objectId) ? rootCause : $"{rootCause}:{objectId}";

    public static string Of(Diagnosis? diagnosis) => diagnosis switch
    {
        null => Unknown,
        { Primary: { ObjectIds.Count: > 0 } primary } => For(WireName.Of(primary.RootCause), primary.ObjectIds[0]),
        _ => WireName.Of(diagnosis.RootCause),
    };
}
