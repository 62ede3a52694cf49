namespace Leeway.Observability.Doctor;

/// <summary>One line of <c>leeway doctor</c>'s table: what was checked, how it went, what was found, and how to fix it
/// (empty when there is nothing to fix).</summary>
internal sealed record DoctorFinding(string Check, DoctorStatus Status, string Detail, string Fix = "");
