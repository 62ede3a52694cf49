namespace Leeway.Policy;

/// <summary>
/// Told of every decision of the gate after it is recorded (audit entry and <see cref="GateActionRecord"/>), once the
/// gate has let go of the customer. Register any number (<c>services.AddSingleton&lt;IGateObserver, …&gt;()</c>); a
/// failing observer is logged and never changes the gate's outcome. A capability above Policy that must know what was
/// done implements it; the gate never knows who listens.
/// </summary>
internal interface IGateObserver
{
    Task OnDecidedAsync(GateActionRecord record, CancellationToken cancellationToken);
}
