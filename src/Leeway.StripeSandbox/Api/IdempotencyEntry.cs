namespace Leeway.StripeSandbox.Api;

/// <summary>One idempotency key: the request it was first used with, and its response once there is one.</summary>
internal sealed class IdempotencyEntry(string fingerprint)
{
    public string Fingerprint { get; } = fingerprint;

    /// <summary>Completes with the stored response, or null when nothing was stored (the key is free again).</summary>
    public TaskCompletionSource<StoredResponse?> Response { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
