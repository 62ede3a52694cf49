namespace Leeway.Prevent.Nudges;

public interface INudgeStore
{
    Task<IReadOnlyList<Nudge>> ListForCustomerAsync(string customerId, CancellationToken cancellationToken);
}
