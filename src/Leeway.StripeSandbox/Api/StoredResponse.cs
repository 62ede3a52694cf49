namespace Leeway.StripeSandbox.Api;

/// <summary>A response kept under its idempotency key, replayed byte for byte.</summary>
internal sealed record StoredResponse(int Status, string Body, string? ObjectId);
