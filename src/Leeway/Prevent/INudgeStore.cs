namespace Leeway.Prevent;

public interface INudgeStore
{
    Task<IReadOnlyList<Nudge>> ListForCustomerAsync(string customerId, CancellationToken cancellationToken);
}
