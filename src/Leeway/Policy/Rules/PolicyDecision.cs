namespace Leeway.Policy.Rules;

/// <summary>
/// What the rules decided. Denied: <see cref="Rule"/> is the first rule that refused (in the order the gate checks them),
/// <see cref="Message"/> says why with the numbers, and <see cref="HumanCanGrant"/> is true when every rule that refused
/// is one a human may waive. Allowed: <see cref="Waived"/> lists the rules a human waived, and <see cref="Amount"/> is the
/// amount to act on (a full refund resolved to the charge's refundable remainder).
/// </summary>
internal sealed record PolicyDecision(
    bool Allowed,
    string Rule,
    string Message,
    bool HumanCanGrant,
    IReadOnlyList<string> Waived,
    long? Amount = null,
    string? Currency = null);
