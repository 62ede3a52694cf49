using System.Text.Json.Serialization;
using Leeway.Policy;
using Leeway.Policy.Actions;
using Leeway.Storage;

namespace Leeway.SelfHeal;

/// <summary>
/// The meter's one-click fixes, one closed set. The <see cref="WireName"/> is what the page posts (<c>kind</c>) and what the
/// click ledger keeps (<c>fix:kind</c>), so it never changes; <see cref="FixKinds.Action"/> is the gate action behind each.
/// </summary>
[JsonConverter(typeof(WireNameConverter<FixKind>))]
internal enum FixKind
{
    RetryPayment,
    CardUpdateLink,
    AuthenticatePayment,
    RegenerateLink,
    RefundDuplicate,
}

/// <summary>What each <see cref="FixKind"/> means to the gate.</summary>
internal static class FixKinds
{
    /// <summary>The gate action a fix carries out.</summary>
    public static ActionType Action(this FixKind kind) => kind switch
    {
        FixKind.RetryPayment => ActionType.RetryPayment,
        FixKind.CardUpdateLink => ActionType.CardUpdateLink,
        FixKind.AuthenticatePayment => ActionType.AuthenticatePayment,
        FixKind.RegenerateLink => ActionType.RegenerateLink,
        FixKind.RefundDuplicate => ActionType.Refund,
    };

    /// <summary>The fix a posted or logged spelling names; null for one the page never offers.</summary>
    public static FixKind? Parse(string? wire) => WireName.TryParse(wire, out FixKind kind) ? kind : null;
}
