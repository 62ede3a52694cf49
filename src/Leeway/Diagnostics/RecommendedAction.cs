using System.Text.Json.Serialization;
using Leeway.Storage;

namespace Leeway.Diagnostics;

/// <summary>
/// What the diagnosis recommends for a root cause (the scenario format's <c>recommended_action</c>). Some are carried
/// out by a gate action (<see cref="Remedies.GateAction"/>), the rest are an explanation or a person.
/// </summary>
[JsonConverter(typeof(WireNameConverter<RecommendedAction>))]
internal enum RecommendedAction
{
    None,
    ContactHuman,
    RetryPayment,
    UpdateCard,
    AuthenticatePayment,
    ContactBank,
    RegenerateLink,
    RefundDuplicate,
    ExplainUsage,
    ExplainRefund,

    /// <summary>Beyond the format's actions: pay with the link already handed (the invoice's page or the open checkout session).</summary>
    PayWithLink,
}
