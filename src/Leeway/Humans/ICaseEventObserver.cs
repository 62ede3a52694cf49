namespace Leeway.Humans;

/// <summary>
/// Told of every case event after it is stored: the hook for the audit log. Register any number
/// (<c>services.AddSingleton&lt;ICaseEventObserver, …&gt;()</c>); a failing observer is logged and never undoes the change.
/// </summary>
internal interface ICaseEventObserver
{
    Task OnRecordedAsync(CaseEvent caseEvent, CancellationToken cancellationToken);
}
