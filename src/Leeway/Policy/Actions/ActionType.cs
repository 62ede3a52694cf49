using System.Text.Json.Serialization;
using Leeway.Storage;

namespace Leeway.Policy.Actions;

/// <summary>
/// The gate's actions (the scenario format's action <c>type</c>, the audit log's <c>action</c>): one member for each
/// <see cref="BillingAction"/> record.
/// </summary>
[JsonConverter(typeof(WireNameConverter<ActionType>))]
internal enum ActionType
{
    RetryPayment,
    Refund,
    RegenerateLink,
    CardUpdateLink,
    AuthenticatePayment,
    CancelSubscription,
    Credit,
    UseCard,
    ResumeSubscription,
}
