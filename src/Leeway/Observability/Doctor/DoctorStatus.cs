namespace Leeway.Observability.Doctor;

internal enum DoctorStatus
{
    /// <summary>Works as a deployment needs it.</summary>
    Ok,

    /// <summary>Works, but not as a real deployment should run (e-mails written to files, the embedded sources).</summary>
    Warn,

    /// <summary>Broken: the deployment would not do its job. <c>leeway doctor</c> exits 1.</summary>
    Fail,
}
