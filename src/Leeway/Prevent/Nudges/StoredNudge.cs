namespace Leeway.Prevent.Nudges;

/// <summary>A nudge with everything the outbox keeps: the wording and the address as well as the contract's fields.</summary>
internal sealed record StoredNudge(Nudge Nudge, string Subject, string Body, string? Recipient);
