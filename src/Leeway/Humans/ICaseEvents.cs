namespace Leeway.Humans;

/// <summary>
/// The timeline of a case. The case store records every change it makes (opened, message, action, closed, article)
/// in the same transaction as the change; read it here.
/// </summary>
internal interface ICaseEvents
{
    Task<IReadOnlyList<CaseEvent>> ListAsync(string caseId, CancellationToken cancellationToken);
}
