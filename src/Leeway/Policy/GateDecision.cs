using System.Text.Json.Serialization;
using Leeway.Storage;

namespace Leeway.Policy;

/// <summary>Where one decision of the gate stands in its typed record (<see cref="GateActionRecord"/>).</summary>
[JsonConverter(typeof(WireNameConverter<GateDecision>))]
internal enum GateDecision
{
    /// <summary>Allowed and sent to Stripe, the answer not recorded yet: written before the call, so whatever Stripe does
    /// because of it (a webhook) finds the action already on record.</summary>
    Pending,

    /// <summary>Allowed, and Stripe gave a definitive answer (success or a decline).</summary>
    Allowed,

    /// <summary>Policy refused it; nothing reached Stripe.</summary>
    Denied,

    /// <summary>The outcome is unknown or failed for a reason other than a decision (Stripe down, a timeout).</summary>
    Error,
}
