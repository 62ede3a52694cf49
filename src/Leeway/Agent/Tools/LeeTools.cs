using System.ComponentModel;
using System.Text.Json;
using Leeway.Agent.Brain;
using Leeway.Identity;
using Leeway.Knowledge;
using Leeway.Policy;
using Leeway.Policy.Actions;
using Leeway.Storage;
using Microsoft.Extensions.AI;

namespace Leeway.Agent.Tools;

/// <summary>
/// What Lee can read and do: typed methods the built-in brain calls, and the same methods as AI functions
/// (Microsoft.Extensions.AI) for the LLM brain. Every state-changing tool goes through the gate as <c>agent-lee</c> on
/// behalf of the conversation's customer — never a principal a message names.
/// </summary>
internal sealed class LeeTools
{
    /// <summary>Names of the tools that change state: those with a gate action (a convention test checks each reaches the gate).</summary>
    public static readonly IReadOnlyList<string> GatedTools =
        Enum.GetValues<LeeTool>().Where(t => GateAction(t) is not null).Select(t => WireName.Of(t)).ToList();

    private readonly Turn _turn;
    private readonly IGate _gate;
    private readonly IKnowledgeBase _knowledge;

    public LeeTools(Turn turn, IGate gate, IKnowledgeBase knowledge)
    {
        _turn = turn;
        _gate = gate;
        _knowledge = knowledge;
        Functions =
        [
            AIFunctionFactory.Create(GetDiagnosis, WireName.Of(LeeTool.GetDiagnosis), "The customer's billing diagnosis: status, root cause, explanation, recommended action and findings."),
            AIFunctionFactory.Create(ListCharges, WireName.Of(LeeTool.ListCharges), "The customer's own recent charges: id, amount, currency, date, description, refunded amount, invoice."),
            AIFunctionFactory.Create(SearchKnowledgeToolAsync, WireName.Of(LeeTool.SearchKnowledge), "Search the knowledge base for an article that answers the customer's question."),
            AIFunctionFactory.Create(RetryPaymentToolAsync, WireName.Of(LeeTool.RetryPayment), "Retry paying an open invoice now with the card on file."),
            AIFunctionFactory.Create(RefundChargeToolAsync, WireName.Of(LeeTool.RefundCharge), "Refund a charge, fully or partly (amount in minor units)."),
            AIFunctionFactory.Create(RegenerateLinkToolAsync, WireName.Of(LeeTool.RegenerateLink), "A fresh payment link: replaces an expired checkout session, or a fresh link to pay an open invoice."),
            AIFunctionFactory.Create(CardUpdateLinkToolAsync, WireName.Of(LeeTool.CardUpdateLink), "A secure link where the customer puts a new card on file."),
            AIFunctionFactory.Create(AuthenticatePaymentToolAsync, WireName.Of(LeeTool.AuthenticatePayment), "The link where the customer completes their bank's verification (3-D Secure) for an invoice."),
            AIFunctionFactory.Create(CancelSubscriptionToolAsync, WireName.Of(LeeTool.CancelSubscription), "Cancel a subscription at the end of its current period (only when the customer explicitly asks)."),
            AIFunctionFactory.Create(CreditBalanceToolAsync, WireName.Of(LeeTool.CreditBalance), "Credit the customer's balance (amount in minor units)."),
            AIFunctionFactory.Create(EscalateToHumanTool, WireName.Of(LeeTool.EscalateToHuman), "Hand the conversation to a human with the full context; use when policy refuses, the customer asks for a person, or you are unsure."),
        ];
    }

    /// <summary>The tools as the LLM brain sees them: thin wrappers over the typed methods below, answering in JSON.</summary>
    public IReadOnlyList<AIFunction> Functions { get; }

    /// <summary>The gate action a tool carries out; null for the tools that only read or hand over.</summary>
    public static ActionType? GateAction(LeeTool tool) => tool switch
    {
        LeeTool.RetryPayment => ActionType.RetryPayment,
        LeeTool.RefundCharge => ActionType.Refund,
        LeeTool.RegenerateLink => ActionType.RegenerateLink,
        LeeTool.CardUpdateLink => ActionType.CardUpdateLink,
        LeeTool.AuthenticatePayment => ActionType.AuthenticatePayment,
        LeeTool.CancelSubscription => ActionType.CancelSubscription,
        LeeTool.CreditBalance => ActionType.Credit,
        LeeTool.GetDiagnosis or LeeTool.ListCharges or LeeTool.SearchKnowledge or LeeTool.EscalateToHuman => null,
    };

    [Description("Read the diagnosis")]
    private string GetDiagnosis() => _turn.Diagnosis is { } d
        ? JsonSerializer.Serialize(new { d.Status, d.RootCause, d.Explanation, d.RecommendedAction, d.SelfServeEligible, Findings = d.Findings.Select(f => new { f.RootCause, f.Summary, f.ObjectIds, f.Facts }) })
        : "The diagnosis is unavailable right now.";

    private string ListCharges() => JsonSerializer.Serialize((_turn.Billing?.Charges ?? []).Select(c => new
    {
        c.Id,
        c.Amount,
        c.Currency,
        Created = c.Created.ToString("yyyy-MM-dd"),
        c.Description,
        c.AmountRefunded,
        c.Status,
        Invoice = _turn.Billing?.InvoiceOf(c),
    }));

    /// <summary>The knowledge base's best articles for a question; the best one is cited in the turn.</summary>
    public async Task<IReadOnlyList<ArticleHit>> SearchKnowledgeAsync(string query, CancellationToken ct)
    {
        var hits = await _knowledge.SearchAsync(query, _turn.Diagnosis?.RootCause, 3, _turn.Language, ct);
        foreach (var hit in hits.Take(1))
        {
            _turn.Cite(hit.Article);
        }

        return hits;
    }

    // The gated tools: each returns the gate's outcome, or null when it refused before the gate because the customer has
    // not asked for the action (nothing is called then).
    public Task<GateOutcome?> RetryPaymentAsync(string invoiceId, CancellationToken ct) => ActAsync(new RetryPayment(invoiceId), ct);

    public Task<GateOutcome?> RefundChargeAsync(string chargeId, long? amount, string reason, CancellationToken ct) =>
        ActAsync(new RefundCharge(chargeId, amount, reason), ct);

    public Task<GateOutcome?> RegenerateLinkAsync(string? checkoutSessionId, string? invoiceId, CancellationToken ct) =>
        ActAsync(new RegenerateLink(checkoutSessionId, invoiceId), ct);

    public Task<GateOutcome?> CardUpdateLinkAsync(CancellationToken ct) => ActAsync(new CardUpdateLink(_turn.CustomerId), ct);

    public Task<GateOutcome?> AuthenticatePaymentAsync(string invoiceId, CancellationToken ct) => ActAsync(new AuthenticatePayment(invoiceId), ct);

    public Task<GateOutcome?> CancelSubscriptionAsync(string subscriptionId, CancellationToken ct) => ActAsync(new CancelSubscription(subscriptionId), ct);

    public Task<GateOutcome?> CreditBalanceAsync(long amount, string currency, string reason, CancellationToken ct) =>
        ActAsync(new CreditBalance(_turn.CustomerId, amount, currency, reason), ct);

    /// <summary>Hands the conversation to a human with its full context.</summary>
    public void Escalate(string reason) => _turn.Escalate(reason);

    private async Task<GateOutcome?> ActAsync(BillingAction action, CancellationToken ct)
    {
        if (!_turn.Mandates(action))
        {
            // Before the gate: a cancellation, refund, credit or retry needs the customer's explicit request (or a yes to
            // Lee's offer of it). Without one nothing is called, whatever a brain decided.
            return null;
        }

        var key = $"{_turn.DecisionKey}:{_turn.Outcomes.Count}";
        _turn.InFlight = (action, key);
        var outcome = await _gate.ExecuteAsync(Actor.AgentLee, Principal.Customer(_turn.CustomerId), action, key, ct);
        _turn.InFlight = null;
        _turn.Record(outcome);
        return outcome;
    }

    // The AI functions' bodies: the same typed methods, their parameters named as the model sees them, their results as JSON.
    private async Task<string> SearchKnowledgeToolAsync([Description("The question, in the customer's words")] string query, CancellationToken ct) =>
        JsonSerializer.Serialize((await SearchKnowledgeAsync(query, ct)).Select(h => new { h.Article.Id, h.Article.Title, h.Article.Body }));

    private async Task<string> RetryPaymentToolAsync([Description("The open invoice's id")] string invoice_id, CancellationToken ct) =>
        Json(await RetryPaymentAsync(invoice_id, ct));

    private async Task<string> RefundChargeToolAsync(
        [Description("The charge's id")] string charge_id,
        [Description("Amount in minor units; omit for the full unrefunded amount")] long? amount,
        [Description("duplicate, requested_by_customer or fraudulent")] string reason,
        CancellationToken ct) =>
        Json(await RefundChargeAsync(charge_id, amount, reason, ct));

    private async Task<string> RegenerateLinkToolAsync(
        [Description("The expired checkout session's id, if replacing one")] string? checkout_session_id,
        [Description("The open invoice's id, for a fresh invoice payment link")] string? invoice_id,
        CancellationToken ct) =>
        Json(await RegenerateLinkAsync(checkout_session_id, invoice_id, ct));

    private async Task<string> CardUpdateLinkToolAsync(CancellationToken ct) => Json(await CardUpdateLinkAsync(ct));

    private async Task<string> AuthenticatePaymentToolAsync([Description("The invoice awaiting authentication")] string invoice_id, CancellationToken ct) =>
        Json(await AuthenticatePaymentAsync(invoice_id, ct));

    private async Task<string> CancelSubscriptionToolAsync([Description("The subscription's id")] string subscription_id, CancellationToken ct) =>
        Json(await CancelSubscriptionAsync(subscription_id, ct));

    private async Task<string> CreditBalanceToolAsync(
        [Description("Amount in minor units")] long amount,
        [Description("Three-letter currency code")] string currency,
        [Description("Why")] string reason,
        CancellationToken ct) =>
        Json(await CreditBalanceAsync(amount, currency, reason, ct));

    private string EscalateToHumanTool([Description("Why a human should take this")] string reason)
    {
        Escalate(reason);
        return "A human will take this conversation with its full context.";
    }

    private static string Json(GateOutcome? outcome) => outcome is null
        ? JsonSerializer.Serialize(new
        {
            Allowed = false,
            Succeeded = false,
            Rule = "no_explicit_request",
            Message = "The customer has not explicitly asked for this action in this message. Ask them first, naming what it does.",
            HumanCanGrant = false,
        })
        : JsonSerializer.Serialize(new { outcome.Allowed, outcome.Succeeded, outcome.Rule, outcome.Message, outcome.HumanCanGrant, outcome.Result?.Status, outcome.Result?.Url });
}
