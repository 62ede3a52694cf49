using Leeway.Diagnostics;

namespace Leeway.Prevent.Nudges;

/// <summary>One nudge decision, before it is put in the outbox on each channel.</summary>
/// <param name="Source">What caused it (event id, job key): kept for the audit trail.</param>
/// <param name="Email">The customer's address; null: no e-mail nudge.</param>
internal sealed record NudgeDraft(
    string CustomerId,
    RootCause Reason,
    string ObjectId,
    string? Link,
    string Subject,
    string Body,
    string? Email,
    string Source);
