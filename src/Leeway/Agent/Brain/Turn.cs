using Leeway.Agent.Conversations;
using Leeway.Agent.Replies;
using Leeway.Agent.Requests;
using Leeway.Agent.Understanding;
using Leeway.Billing;
using Leeway.Diagnostics;
using Leeway.Knowledge;
using Leeway.Policy;
using Leeway.Policy.Actions;
using Leeway.Policy.Rules;

namespace Leeway.Agent.Brain;

/// <summary>
/// One customer message being handled: what Lee knows (understanding, diagnosis, billing, history) and what it did
/// (gate outcomes, links, escalation). Tools write here; the reply and the conversation's new state are read from it.
/// </summary>
internal sealed class Turn(
    Conversation conversation,
    int number,
    string message,
    Understanding.Understanding understanding,
    Diagnosis? diagnosis,
    BillingSnapshot? billing,
    IReadOnlyList<ConversationMessage> history,
    PolicySettings policy)
{
    private readonly List<GateOutcome> _outcomes = [];
    private readonly List<IssuedLink> _links = [];
    private readonly List<Article> _citations = [];

    public Conversation Conversation { get; } = conversation;

    public string CustomerId => Conversation.CustomerId;

    /// <summary>1-based number of this customer message in the conversation.</summary>
    public int Number { get; } = number;

    public string Message { get; } = message;

    public Understanding.Understanding Understanding { get; } = understanding;

    public Diagnosis? Diagnosis { get; } = diagnosis;

    /// <summary>Null when Stripe could not be read.</summary>
    public BillingSnapshot? Billing { get; } = billing;

    /// <summary>Earlier messages of this conversation (not this one).</summary>
    public IReadOnlyList<ConversationMessage> History { get; } = history;

    public PolicySettings Policy { get; } = policy;

    /// <summary>What the message asks for (actions with polarity, mood, target; a yes, a no, a withdrawal). None by default: nothing is permitted.</summary>
    public RequestAct Act { get; init; } = RequestAct.None;

    /// <summary>The offers Lee made earlier that this message says yes to (a retry of an invoice, a refund of a charge, …).</summary>
    public IReadOnlySet<Offer> Accepted { get; init; } = new HashSet<Offer>();

    /// <summary>The language Lee answers in (en, es, de, fr, pt, it).</summary>
    public string Language { get; init; } = "en";

    /// <summary>Lee's words in <see cref="Language"/>, amounts and dates formatted for the customer's culture.</summary>
    public LeeSays Says { get; init; } = LeeSays.English;

    public IReadOnlyList<GateOutcome> Outcomes => _outcomes;

    public IReadOnlyList<IssuedLink> Links => _links;

    public IReadOnlyList<Article> Citations => _citations;

    /// <summary>Why Lee hands this to a human, once it decided to.</summary>
    public string? EscalationReason { get; private set; }

    /// <summary>The actions Lee offered this turn and awaits a yes for (kept on the conversation).</summary>
    public List<Offer> Offers { get; } = [];

    /// <summary>
    /// Whether the customer asked for this action: a money-moving or cancelling action needs an explicit, affirmative
    /// request of its kind in this message, or a yes to Lee's offer of it on that very object. Links and reads need none.
    /// </summary>
    public bool Mandates(BillingAction action) => action switch
    {
        RetryPayment r => Act.Requests(ActionKind.Retry) || Accepts(OfferKind.Retry, r.InvoiceId),
        RefundCharge c => Act.Requests(ActionKind.Refund) || Accepts(OfferKind.Refund, c.ChargeId),
        CancelSubscription s => Act.Requests(ActionKind.Cancel) || Accepts(OfferKind.Cancel, s.SubscriptionId),
        CreditBalance => Act.Requests(ActionKind.Credit) || Accepts(OfferKind.Credit, null),
        _ => true,
    };

    private bool Accepts(OfferKind kind, string? objectId) => Accepted.Any(o => o.Is(kind, objectId));

    /// <summary>Set when Lee asked a clarifying question this turn.</summary>
    public bool Clarified { get; set; }

    /// <summary>Prefix of the decision keys of this turn: the same turn never acts twice.</summary>
    public string DecisionKey => $"{Conversation.Id}:{Number}";

    public void Record(GateOutcome outcome)
    {
        _outcomes.Add(outcome);
        if (outcome.Succeeded && outcome.Result?.Url is { } url)
        {
            _links.Add(new IssuedLink(outcome.Action, url, outcome.Result.ObjectId));
        }
    }

    public void Cite(Article article)
    {
        if (_citations.All(a => a.Id != article.Id))
        {
            _citations.Add(article);
        }
    }

    public void Escalate(string reason) => EscalationReason ??= reason;

    /// <summary>The action sent to the gate and not answered yet, with its decision key (what a person must check if the
    /// turn runs out of time before the answer).</summary>
    public (BillingAction Action, string DecisionKey)? InFlight { get; set; }

    public bool Escalated => EscalationReason is not null;
}
