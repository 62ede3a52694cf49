namespace Leeway.Prevent.Webhooks;

/// <summary>What <c>leeway stripe connect</c> found and did.</summary>
internal enum WebhookConnectionOutcome
{
    /// <summary>There was no endpoint for the URL; one was created (a new secret to store).</summary>
    Created,

    /// <summary>The endpoint was right; nothing changed.</summary>
    AlreadyConnected,

    /// <summary>Its events or status were off and were set right in place (the secret stays).</summary>
    Corrected,

    /// <summary>It is on another API version, which only a new endpoint can change; not done unless asked.</summary>
    NeedsReplacing,

    /// <summary>A new endpoint was created and the old one deleted (a new secret to store).</summary>
    Replaced,
}
