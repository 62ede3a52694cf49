namespace Leeway.Prevent.Webhooks;

/// <summary>What became of one delivery: a receipt when it was verified and stored, or why it was refused.</summary>
internal sealed record WebhookIntakeResult(WebhookReceipt? Receipt, string? Refusal)
{
    public static WebhookIntakeResult Refused(string why) => new(null, why);

    public static WebhookIntakeResult Stored(string eventId, string status) => new(new WebhookReceipt(true, eventId, status), null);
}
