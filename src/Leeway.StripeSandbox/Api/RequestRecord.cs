namespace Leeway.StripeSandbox.Api;

/// <summary>One mutating request in the sandbox's own record (<c>GET /_sandbox/requests</c>).</summary>
internal sealed record RequestRecord(
    string Method,
    string Path,
    IReadOnlyList<KeyValuePair<string, string>> Params,
    string? IdempotencyKey,
    long Time,
    int Status,
    string RequestId,
    string? ObjectId,
    bool Replayed);
