namespace Leeway.Prevent.Handlers;

/// <summary>
/// The diagnosis came back without a source Tier 0 decides on (Stripe did not answer in time). Acting on what is left
/// would be a guess (an insufficient-funds failure would read as a plain decline), so the event fails and is tried again
/// later, when the inbox's backoff says; nothing was done for it.
/// </summary>
internal sealed class PartialDiagnosisException(string customerId, IEnumerable<string> unanswered)
    : Exception($"The diagnosis of {customerId} is partial ({string.Join(", ", unanswered)} did not answer); the event is tried again later instead of acting on a guess.");
