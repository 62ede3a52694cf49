namespace Leeway.Prevent.Nudges;

internal interface INudgeStore
{
    Task<IReadOnlyList<Nudge>> ListForCustomerAsync(string customerId, CancellationToken cancellationToken);
}
