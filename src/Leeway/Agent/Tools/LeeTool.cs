using System.Text.Json.Serialization;
using Leeway.Policy;
using Leeway.Policy.Actions;
using Leeway.Storage;

namespace Leeway.Agent.Tools;

/// <summary>
/// Lee's tools, one closed set: the function names either brain calls (their <see cref="WireName"/>, which an LLM sees)
/// and, for the ones that change state, the gate action each carries out (<see cref="LeeTools.GateAction"/>).
/// </summary>
[JsonConverter(typeof(WireNameConverter<LeeTool>))]
internal enum LeeTool
{
    GetDiagnosis,
    ListCharges,
    SearchKnowledge,
    RetryPayment,
    RefundCharge,
    RegenerateLink,
    CardUpdateLink,
    AuthenticatePayment,
    CancelSubscription,
    CreditBalance,
    EscalateToHuman,
}
