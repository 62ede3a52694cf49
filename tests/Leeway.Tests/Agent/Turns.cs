using Leeway.Agent;
using Leeway.Agent.Brain;
using Leeway.Agent.Conversations;
using Leeway.Agent.Understanding;
using Leeway.Billing;
using Leeway.Policy;
using Leeway.Policy.Rules;
using Stripe;

namespace Leeway.Tests.Agent;

/// <summary>Builds turns over an in-memory billing snapshot, for tests of Lee's pure decisions.</summary>
internal static class Turns
{
    public static readonly DateTimeOffset Now = new(2026, 11, 16, 12, 0, 0, TimeSpan.Zero);

    public static Charge Charge(string id, long amount, DateTime created, string? description = null, long refunded = 0) => new()
    {
        Id = id,
        Amount = amount,
        AmountRefunded = refunded,
        Currency = "usd",
        Created = created,
        Description = description,
        Status = "succeeded",
        CustomerId = "cus_me",
    };

    public static BillingSnapshot Billing(IEnumerable<Charge>? charges = null, IReadOnlyDictionary<string, string>? invoiceByCharge = null) => new(
        new Customer { Id = "cus_me", Email = "me@example.com", Name = "Me Myself", Metadata = [] },
        [],
        [],
        [],
        [],
        (charges ?? []).ToList(),
        [],
        [],
        [],
        invoiceByCharge ?? new Dictionary<string, string>(),
        new Dictionary<string, string>());

    public static Turn Turn(string message, BillingSnapshot? billing = null, Entities? entities = null, string intent = Intent.Other) => new(
        new Conversation("conv_1", "cus_me", "chat", ConversationState.Open, Now, 0, null, []),
        1,
        message,
        new Leeway.Agent.Understanding.Understanding(intent, 0.9, null, 0, entities ?? new Entities([], [], [], [], []), new Signals(false, false, false, false, false, "en")),
        null,
        billing ?? Billing(),
        [],
        new PolicySettings());

    public static Entities Amounts(params long[] amounts) => new(amounts.Select(a => new MoneyMention(a, "usd")).ToList(), [], [], [], []);

    public static Entities Ids(params string[] ids) => new([], ids, [], [], []);

    public static Entities EmailsOf(params string[] emails) => new([], [], emails, [], []);
}
