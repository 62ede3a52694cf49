namespace Leeway.Humans.Console;

/// <summary>
/// Saved replies (macros): the answers the billing team writes again and again, to start a reply from. Picking one fills
/// the reply box (a link that works without JavaScript); the person edits it before sending. <c>{name}</c> is the
/// customer's first name, <c>{me}</c> the staff member's.
/// </summary>
internal sealed record SavedReply(string Key, string Title, string Text)
{
    public string Fill(string? customerName, string? staffName)
    {
        var first = customerName?.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return Text.Replace("{name}", first ?? "there", StringComparison.Ordinal).Replace("{me}", staffName ?? "the billing team", StringComparison.Ordinal);
    }
}

internal static class SavedReplies
{
    public static readonly IReadOnlyList<SavedReply> All =
    [
        new("refunded", "Refund made",
            "Hi {name}, I have refunded the payment. Refunds reach your card in 5-10 business days; your billing page shows it now.\n\n{me}"),
        new("retry_now", "Payment can be retried",
            "Hi {name}, your payment can go through now: open your billing page and press \"Pay now\", or reply and I will retry it for you.\n\n{me}"),
        new("new_card", "New card needed",
            "Hi {name}, your bank declined the card on file. Please add a new card from your billing page (\"Update card\"); we retry the payment as soon as it is saved.\n\n{me}"),
        new("need_info", "Need more information",
            "Hi {name}, thanks for writing. To sort this out I need one more detail: which payment (date and amount) is this about?\n\n{me}"),
        new("dispute", "Dispute in progress",
            "Hi {name}, your bank has opened a dispute about this payment, so it is with them now. We cannot refund or charge it while the dispute is open; I will write as soon as the bank decides.\n\n{me}"),
    ];

    public static SavedReply? Find(string key) => All.FirstOrDefault(r => r.Key == key);
}
