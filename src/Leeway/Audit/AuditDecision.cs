namespace Leeway.Audit;

/// <summary>The decision an audit entry records.</summary>
internal static class AuditDecision
{
    /// <summary>Policy allowed it and Stripe gave a definitive answer (success or a decline), in <c>outcome</c>.</summary>
    public const string Allowed = "allowed";

    /// <summary>Policy refused it; <c>rule</c> names the rule. Nothing reached Stripe.</summary>
    public const string Denied = "denied";

    /// <summary>Policy allowed it but the outcome is unknown or failed for a reason other than a decision (Stripe down, timeout).</summary>
    public const string Error = "error";
}
