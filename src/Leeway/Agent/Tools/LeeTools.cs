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
/// What Lee can read and do, as AI functions (Microsoft.Extensions.AI) for either brain. Every state-changing tool goes
/// through the gate as <c>agent-lee</c> on behalf of the conversation's customer — never a principal a message names.
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
            AIFunctionFactory.Create(SearchKnowledgeAsync, WireName.Of(LeeTool.SearchKnowledge), "Search the knowledge base for an article that answers the customer's question."),
            AIFunctionFactory.Create(RetryPaymentAsync, WireName.Of(LeeTool.RetryPayment), "Retry paying an open invoice now with the card on file."),
            AIFunctionFactory.Create(RefundChargeAsync, WireName.Of(LeeTool.RefundCharge), "Refund a charge, fully or partly (amount in minor units)."),
            AIFunctionFactory.Create(RegenerateLinkAsync, WireName.Of(LeeTool.RegenerateLink), "A fresh payment link: replaces an expired checkout session, or a fresh link to pay an open invoice."),
            AIFunctionFactory.Create(CardUpdateLinkAsync, WireName.Of(LeeTool.CardUpdateLink), "A secure link where the customer puts a new card on file."),
            AIFunctionFactory.Create(AuthenticatePaymentAsync, WireName.Of(LeeTool.AuthenticatePayment), "The link where the customer completes their bank's verification (3-D Secure) for an invoice."),
            AIFunctionFactory.Create(CancelSubscriptionAsync, WireName.Of(LeeTool.CancelSubscription), "Cancel a subscription at the end of its current period (only when the customer explicitly asks)."),
            AIFunctionFactory.Create(CreditBalanceAsync, WireName.Of(LeeTool.CreditBalance), "Credit the customer's balance (amount in minor units)."),
            AIFunctionFactory.Create(EscalateToHuman, WireName.Of(LeeTool.EscalateToHuman), "Hand the conversation to a human with the full context; use when policy refuses, the customer asks for a person, or you are unsure."),
        ];
    }

    public IReadOnlyList<AIFunction> Functions { get; }

    public AIFunction this[LeeTool tool] => Functions.First(f => f.Name == WireName.Of(tool));

    public Task<object?> InvokeAsync(LeeTool tool, IDictionary<string, object?> arguments, CancellationToken ct) =>
        this[tool].InvokeAsync(new AIFunctionArguments(arguments), ct).AsTask();

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

    private async Task<string> SearchKnowledgeAsync([Description("The question, in the customer's words")] string query, CancellationToken ct)
    {
        var hits = await _knowledge.SearchAsync(query, _turn.Diagnosis?.RootCause, 3, _turn.Language, ct);
        foreach (var hit in hits.Take(1))
        {
            _turn.Cite(hit.Article);
        }

        return JsonSerializer.Serialize(hits.Select(h => new { h.Article.Id, h.Article.Title, h.Article.Body }));
    }

    private Task<string> RetryPaymentAsync([Description("The open invoice's id")] string invoice_id, CancellationToken ct) =>
        ActAsync(new RetryPayment(invoice_id), ct);

    private Task<string> RefundChargeAsync(
        [Description("The charge's id")] string charge_id,
        [Description("Amount in minor units; omit for the full unrefunded amount")] long? amount,
        [Description("duplicate, requested_by_customer or fraudulent")] string reason,
        CancellationToken ct) =>
        ActAsync(new RefundCharge(charge_id, amount, reason), ct);

    private Task<string> RegenerateLinkAsync(
        [Description("The expired checkout session's id, if replacing one")] string? checkout_session_id,
        [Description("The open invoice's id, for a fresh invoice payment link")] string? invoice_id,
        CancellationToken ct) =>
        ActAsync(new RegenerateLink(checkout_session_id, invoice_id), ct);

    private Task<string> CardUpdateLinkAsync(CancellationToken ct) => ActAsync(new CardUpdateLink(_turn.CustomerId), ct);

    private Task<string> AuthenticatePaymentAsync([Description("The invoice awaiting authentication")] string invoice_id, CancellationToken ct) =>
        ActAsync(new AuthenticatePayment(invoice_id), ct);

    private Task<string> CancelSubscriptionAsync([Description("The subscription's id")] string subscription_id, CancellationToken ct) =>
        ActAsync(new CancelSubscription(subscription_id), ct);

    private Task<string> CreditBalanceAsync(
        [Description("Amount in minor units")] long amount,
        [Description("Three-letter currency code")] string currency,
        [Description("Why")] string reason,
        CancellationToken ct) =>
        ActAsync(new CreditBalance(_turn.CustomerId, amount, currency, reason), ct);

    private string EscalateToHuman([Description("Why a human should take this")] string reason)
    {
        _turn.Escalate(reason);
        return "A human will take this conversation with its full context.";
    }

    private async Task<string> ActAsync(BillingAction action, CancellationToken ct)
    {
        if (!_turn.Mandates(action))
        {
            // Before the gate: a cancellation, refund, credit or retry needs the customer's explicit request (or a yes to
            // Lee's offer of it). Without one nothing is called, whatever a brain decided.
            return JsonSerializer.Serialize(new
            {
                Allowed = false,
                Succeeded = false,
                Rule = "no_explicit_request",
                Message = "The customer has not explicitly asked for this action in this message. Ask them first, naming what it does.",
                HumanCanGrant = false,
            });
        }

        var key = $"{_turn.DecisionKey}:{_turn.Outcomes.Count}";
        _turn.InFlight = (action, key);
        var outcome = await _gate.ExecuteAsync(Actor.AgentLee, Principal.Customer(_turn.CustomerId), action, key, ct);
        _turn.InFlight = null;
        _turn.Record(outcome);
        return JsonSerializer.Serialize(new { outcome.Allowed, outcome.Succeeded, outcome.Rule, outcome.Message, outcome.HumanCanGrant, outcome.Result?.Status, outcome.Result?.Url });
    }
}
