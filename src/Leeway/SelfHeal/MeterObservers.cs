namespace Leeway.SelfHeal;

/// <summary>Tells the meter's observers (contact log, metrics); their failure is logged and never changes what the page does.</summary>
internal sealed class MeterObservers(IEnumerable<IMeterObserver> observers, ILogger<MeterObservers> logger)
{
    public async Task TellAsync(string customerId, Func<IMeterObserver, Task> tell)
    {
        foreach (var observer in observers)
        {
            try
            {
                await tell(observer);
            }
            catch (Exception e)
            {
                logger.LogError(e, "Meter observer {Observer} failed for {Customer}", observer.GetType().Name, customerId);
            }
        }
    }
}
