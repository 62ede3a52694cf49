namespace Leeway.Routing;

/// <summary>
/// Contacts of one UTC day grouped by what the operations page and the cost model need. Sums, so callers can add
/// tallies up over any window without reading single contacts.
/// </summary>
/// <param name="Day">The UTC day the contact was routed.</param>
/// <param name="Tier">The routed tier.</param>
/// <param name="FinishedTier">The tier that finished it (the routed one while still open).</param>
/// <param name="Outcome">Null while open.</param>
/// <param name="ResolutionMillisecondsTotal">Routing to outcome, summed over the contacts with an automated outcome.</param>
internal sealed record ContactTally(
    DateOnly Day,
    string Channel,
    int Tier,
    int FinishedTier,
    string Intent,
    string? Outcome,
    long Contacts,
    long EffortScoreTotal,
    long Surveys,
    long ResolutionMillisecondsTotal,
    long Replies,
    long ReplyMillisecondsTotal,
    long ReplyMillisecondsMax);
