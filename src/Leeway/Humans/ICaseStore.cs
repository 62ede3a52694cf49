namespace Leeway.Humans;

public interface ICaseStore
{
    /// <summary>Opens a case (status <c>open</c>). Source: <c>agent</c>, <c>tier0</c>, <c>dashboard</c>, <c>contact</c>.</summary>
    Task<Case> OpenAsync(string customerId, string reason, string source, string risk, HandoffPacket packet, CancellationToken cancellationToken);

    Task<Case?> GetAsync(string caseId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Case>> ListForCustomerAsync(string customerId, CancellationToken cancellationToken);

    /// <summary>Open cases, oldest and riskiest first.</summary>
    Task<IReadOnlyList<Case>> QueueAsync(CancellationToken cancellationToken);

    Task<Case?> CloseAsync(string caseId, string staffId, string resolution, CancellationToken cancellationToken);
}
