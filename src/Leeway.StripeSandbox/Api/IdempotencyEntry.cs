namespace Leeway.StripeSandbox.Api;

/// <summary>One idempotency key: the request it was first used with, and its response once there is one.</summary>
internal sealed class IdempotencyEntry(string fingerprint, long created)
{
    /// <summary>Stripe removes a key once it is at least 24 hours old (docs.stripe.com/api/idempotent_requests).</summary>
    public const long Lifetime = 24 * 3600;

    public string Fingerprint { get; } = fingerprint;

    /// <summary>When the key was first used (sandbox clock, Unix seconds).</summary>
    public long Created { get; } = created;

    public bool ExpiredAt(long now) => now - Created >= Lifetime;

    /// <summary>Completes with the stored response, or null when nothing was stored (the key is free again).</summary>
    public TaskCompletionSource<StoredResponse?> Response { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
