using Leeway.StripeSandbox.Objects;

namespace Leeway.StripeSandbox.Payments;

/// <summary>What one charge attempt did: <see cref="Charge"/> is the charge made (none when authentication is pending).</summary>
internal sealed record AttemptResult(string Outcome, Charge? Charge, Decline? Decline)
{
    public bool Succeeded => Outcome == "succeeded";

    public bool RequiresAction => Outcome == "requires_action";
}
