namespace Leeway.Prevent.Webhooks;

/// <summary>Where one event stands in the inbox. <c>failed</c> with no next attempt means it was given up on.</summary>
internal sealed record InboxStatus(string EventId, string Status, int Attempts, DateTimeOffset? NextAttemptAt, string? LastError);
