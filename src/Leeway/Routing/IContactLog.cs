namespace Leeway.Routing;

/// <summary>
/// The persisted record of every contact: its routing decision, outcome, reply latencies and effort survey, plus the
/// Tier 0 nudges and recovered payments. The operations page, drift and the cost model are computed from it, so it
/// survives restarts (the <c>/metrics</c> counters do not). Each write also updates <see cref="Observability.LeewayMetrics"/>.
/// All methods are safe to call concurrently; ids come from <see cref="Storage.IdGenerator"/> (prefix <c>ctc</c>).
/// </summary>
internal interface IContactLog
{
    /// <summary>Records a routed contact (decided now).</summary>
    Task<Contact> RecordContactAsync(NewContact contact, CancellationToken cancellationToken);

    /// <summary>
    /// Records how a contact ended (<see cref="ContactOutcome"/>). <c>escalated</c> finishes at Tier 3; otherwise the
    /// finishing tier is <paramref name="finishedTier"/> or, when null, the routed tier (so a contact routed to Tier 3
    /// that Lee answered finishes at Tier 2: the tier that did the work). A later outcome replaces an earlier one
    /// (escalated, then resolved by a person at Tier 3), and a recorded finishing tier never goes down.
    /// </summary>
    /// <returns>The updated contact, or null when there is no such contact.</returns>
    /// <exception cref="ArgumentException">An outcome not in <see cref="ContactOutcome.All"/>.</exception>
    Task<Contact?> RecordOutcomeAsync(string contactId, string outcome, int? finishedTier, string? caseId, CancellationToken cancellationToken);

    /// <summary>Records one reply by Lee and how long it took.</summary>
    /// <returns>False when there is no such contact.</returns>
    Task<bool> RecordReplyAsync(string contactId, TimeSpan latency, CancellationToken cancellationToken);

    /// <summary>Records the effort survey (1 very hard … 5 very easy) once, for the customer's own contact only.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A score outside 1..5.</exception>
    Task<SurveyResult> RecordSurveyAsync(string contactId, string customerId, int score, CancellationToken cancellationToken);

    /// <summary>Records a Tier 0 nudge sent (a contact Leeway made in place of the customer's).</summary>
    /// <param name="reason">The root cause the nudge is about (a <c>Diagnostics.RootCause</c> code).</param>
    /// <param name="channel">How it went out: <c>email</c>, <c>in_app</c>.</param>
    Task<Contact> RecordNudgeAsync(string customerId, string reason, string channel, CancellationToken cancellationToken);

    /// <summary>Records a failed payment later paid. Idempotent per <paramref name="objectId"/> (the invoice or payment intent).</summary>
    /// <param name="amount">Minor units.</param>
    /// <param name="via">What recovered it: <c>nudge</c>, <c>retry</c>, <c>link</c>, <c>dashboard</c>, <c>agent</c>.</param>
    /// <returns>True when newly recorded; false when that object was already recorded.</returns>
    Task<bool> RecordRecoveryAsync(string customerId, string objectId, long amount, string currency, string via, CancellationToken cancellationToken);

    Task<Contact?> GetAsync(string contactId, CancellationToken cancellationToken);

    /// <summary>The latest contact recorded for a conversation, so Lee can record its outcome and replies.</summary>
    Task<Contact?> FindByConversationAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>The latest contact that a case was opened for (or escalated to), so a person closing it records the outcome.</summary>
    Task<Contact?> FindByCaseAsync(string caseId, CancellationToken cancellationToken);

    /// <summary>The customer's latest contact on <paramref name="channel"/> routed at or after <paramref name="since"/>.</summary>
    Task<Contact?> LatestForCustomerAsync(string customerId, string channel, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Contacts routed in [<paramref name="from"/>, <paramref name="to"/>), tallied per day.</summary>
    Task<IReadOnlyList<ContactTally>> TallyAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>Payments recovered in [<paramref name="from"/>, <paramref name="to"/>), tallied per day.</summary>
    Task<IReadOnlyList<RecoveryTally>> RecoveriesAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
