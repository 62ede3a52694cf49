using Leeway.Policy;

namespace Leeway.Humans;

internal interface ICaseStore
{
    /// <summary>
    /// Opens a case (status <c>open</c>). Source: <c>agent</c>, <c>tier0</c>, <c>dashboard</c>, <c>contact</c>.
    /// When the customer already has an open case for the same <see cref="HandoffPacket.ConversationId"/>, that case is
    /// updated instead (transcript and actions merged, the newer diagnosis and summary kept, the higher risk kept) and returned:
    /// escalating one conversation twice never makes staff work it twice. Likewise when the customer already has an open case
    /// for the same <see cref="CaseProblem"/> (<paramref name="problem"/>, or else the one of the packet's diagnosis): two
    /// hosts, two channels or two event ids about one problem open one case. Both are unique keys in the database, never a
    /// look before the insert.
    /// </summary>
    Task<Case> OpenAsync(string customerId, string reason, string source, string risk, HandoffPacket packet, CancellationToken cancellationToken, string? problem = null);

    Task<Case?> GetAsync(string caseId, CancellationToken cancellationToken);

    /// <summary>The customer's cases, newest first.</summary>
    Task<IReadOnlyList<Case>> ListForCustomerAsync(string customerId, CancellationToken cancellationToken);

    /// <summary>
    /// Open cases, oldest and riskiest first: each case is due at its creation time plus the response target of its risk
    /// (<see cref="CaseQueueOptions"/>), and the queue is ordered by that due time, then by age.
    /// </summary>
    Task<IReadOnlyList<Case>> QueueAsync(CancellationToken cancellationToken);

    /// <summary>Closes an open case with the staff member's resolution. Null when there is no such case; a closed case is returned unchanged.</summary>
    Task<Case?> CloseAsync(string caseId, string staffId, string resolution, CancellationToken cancellationToken);

    /// <summary>
    /// Appends a line to the case's transcript: a staff reply (<c>from: human:&lt;staff id&gt;</c>, which the chat shows the customer)
    /// or a later customer message. Null when there is no such case.
    /// </summary>
    Task<Case?> AddTranscriptLineAsync(string caseId, TranscriptLine line, CancellationToken cancellationToken);

    /// <summary>Appends the outcome of an action tried on the case (e.g. a staff approval through the gate). Null when there is no such case.</summary>
    Task<Case?> AddActionAsync(string caseId, string actor, GateOutcome outcome, CancellationToken cancellationToken);
}
