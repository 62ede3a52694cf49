namespace Leeway.Prevent.Jobs;

/// <summary>A piece of work due at a time on the injected clock. <see cref="Key"/> says what it does (e.g.
/// <c>retry_payment:in_1:2</c>), so scheduling the same work twice stores it once.</summary>
internal sealed record ScheduledJob(string Key, string Kind, string? CustomerId, string? ObjectId, DateTimeOffset DueAt, int Attempts, string? Data);
