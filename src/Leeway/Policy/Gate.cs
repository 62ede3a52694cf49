using System.Text.Json;
using System.Text.Json.Nodes;
using Leeway.Audit;
using Leeway.Identity;
using Leeway.Policy.Actions;
using Leeway.Policy.Facts;
using Leeway.Policy.Rules;
using Leeway.Storage;
using Stripe;

namespace Leeway.Policy;

/// <summary>
/// The gate (see <see cref="IGate"/>). Per decision: find the customer, take that customer's lock, replay a decision
/// already acted on (same idempotency key), read the facts fresh from Stripe, apply <see cref="PolicyRules"/>, act through
/// <see cref="IActionExecutor"/> with the decision's idempotency key, and write exactly one audit entry: allowed (with
/// Stripe's confirmed result), denied (with the rule), or error. With the audit entry, the same decision goes into the
/// typed record (<see cref="GateActions"/>; pending from just before Stripe is called, so a webhook Stripe sends because
/// of the action finds it), and once the customer's lock is let go the observers (<see cref="IGateObserver"/>) are told.
/// </summary>
internal sealed class Gate(
    IGateFacts facts,
    IActionExecutor executor,
    IPolicyProvider policy,
    IAuditLog audit,
    GateActions actions,
    IEnumerable<IGateObserver> observers,
    CustomerLocks locks,
    TimeProvider time,
    ILogger<Gate> logger) : IGate
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<GateOutcome> ExecuteAsync(
        Actor actor,
        Principal principal,
        BillingAction action,
        string decisionKey,
        CancellationToken cancellationToken,
        string? approvedBy = null)
    {
        var request = new Request(actor, principal, action, IdempotencyKeys.For(principal, decisionKey, action), Parameters(action, decisionKey), approvedBy)
        {
            DecisionKey = decisionKey,
            RecordId = actions.NewId(),
            At = time.GetUtcNow(),
        };
        try
        {
            var outcome = await DecideAndActAsync(request, cancellationToken);
            await TellAsync(request.Record);
            return outcome;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && !request.Audited)
        {
            // The caller gave up; if Stripe was already called, a repeat of this decision replays its answer.
            await AuditAsync(request, GateRules.StripeError, AuditDecision.Error, new GateAuditOutcome(
                "canceled by the caller before the outcome was known; repeating the same decision cannot act twice", false, true, [], null, null, null), null);
            await TellAsync(request.Record);
            throw;
        }
    }

    public async Task<GateOutcome> EvaluateAsync(Actor actor, Principal principal, BillingAction action, CancellationToken cancellationToken)
    {
        try
        {
            var customerId = principal.IsCustomer ? principal.Id : await facts.CustomerOfAsync(action, cancellationToken);
            if (customerId is null)
            {
                return new GateOutcome(action.Type, false, GateRules.Ownership, NotFound(action), false, false, null, null);
            }

            var current = await facts.ReadAsync(customerId, action, cancellationToken);
            var decision = PolicyRules.Evaluate(policy.Current, actor, principal, action, current, time.GetUtcNow(), null);
            return new GateOutcome(action.Type, decision.Allowed, decision.Rule, decision.Message, false, decision.HumanCanGrant, null, null);
        }
        catch (Exception e) when (e is StripeException or HttpRequestException or Polly.Timeout.TimeoutRejectedException)
        {
            return new GateOutcome(action.Type, false, GateRules.StripeError, $"could not read the billing facts from Stripe: {e.Message}", false, true, null, null);
        }
    }

    private async Task<GateOutcome> DecideAndActAsync(Request request, CancellationToken cancellationToken)
    {
        var action = request.Action;
        string? customerId;
        try
        {
            customerId = request.Principal.IsCustomer ? request.Principal.Id : await facts.CustomerOfAsync(action, cancellationToken);
        }
        catch (Exception e) when (IsStripeFailure(e))
        {
            return await ErrorAsync(request, allowed: false, $"could not read the billing facts from Stripe: {e.Message}");
        }

        if (customerId is null)
        {
            return await DeniedAsync(request, new PolicyDecision(false, GateRules.Ownership, NotFound(action), false, []), cancellationToken);
        }

        request.Customer = customerId;
        using var held = await locks.AcquireAsync(customerId, cancellationToken);

        var previous = (await audit.FindByIdempotencyKeyAsync(request.IdempotencyKey, cancellationToken)).LastOrDefault(e => e.Decision == AuditDecision.Allowed);
        if (previous?.Outcome is { } recorded && JsonSerializer.Deserialize<GateAuditOutcome>(recorded, Json) is { } earlier)
        {
            return await ReplayAsync(request, previous, earlier);
        }

        GateFacts current;
        try
        {
            current = await facts.ReadAsync(customerId, action, cancellationToken);
        }
        catch (Exception e) when (IsStripeFailure(e))
        {
            return await ErrorAsync(request, allowed: false, $"could not read the billing facts from Stripe: {e.Message}");
        }

        var decision = PolicyRules.Evaluate(policy.Current, request.Actor, request.Principal, action, current, time.GetUtcNow(), request.ApprovedBy);
        if (!decision.Allowed)
        {
            return await DeniedAsync(request, decision, cancellationToken);
        }

        // On record before Stripe hears of it: what Stripe then tells us (invoice.paid) can say whose action it was.
        await actions.WriteAsync(ToRecord(request, GateDecision.Pending, decision.Rule, decision.Message, false, decision.Amount, decision.Currency, null, null, null), CancellationToken.None);
        ActionExecution done;
        try
        {
            done = await executor.ExecuteAsync(action, decision, current, request.IdempotencyKey, cancellationToken);
        }
        catch (StripeException e) when (e.StripeError?.Type == "idempotency_error" && e.HttpStatusCode != System.Net.HttpStatusCode.Conflict)
        {
            return await ErrorAsync(request, allowed: true,
                $"Stripe refused the idempotency key: this decision was already acted on with other parameters, so nothing was done again ({e.StripeError.Message})",
                GateRules.IdempotencyConflict, e.StripeResponse?.RequestId);
        }
        catch (Exception e) when (IsStripeFailure(e))
        {
            return await ErrorAsync(request, allowed: true,
                $"Stripe did not confirm the {WireName.Of(action.Type)}: {e.Message}. Repeating the same decision reuses its idempotency key, so it cannot act twice",
                GateRules.StripeError, (e as StripeException)?.StripeResponse?.RequestId);
        }

        var outcome = new GateAuditOutcome(decision.Message, done.Succeeded, false, decision.Waived, decision.Amount, decision.Currency, done.Result, done.StripeReplayed);
        var entry = await AuditAsync(request, GateRules.Allowed, AuditDecision.Allowed, outcome, done.Result.StripeRequestId);
        logger.LogInformation("Gate: {Actor} {Action} for {Customer} allowed, {Result}", request.Actor, action.Type, customerId, done.Succeeded ? "succeeded" : done.Result.Error);
        return new GateOutcome(action.Type, true, GateRules.Allowed, decision.Message, done.Succeeded, false, done.Result, entry.Seq);
    }

    private async Task<GateOutcome> ReplayAsync(Request request, AuditEntry previous, GateAuditOutcome earlier)
    {
        var original = earlier.ReplayOf ?? previous.Seq;
        var entry = await AuditAsync(request, GateRules.Allowed, AuditDecision.Allowed, earlier with { ReplayOf = original }, previous.StripeRequestId);
        logger.LogInformation("Gate: {Actor} {Action} for {Customer} repeated decision, replaying audit entry {Seq}", request.Actor, request.Action.Type, request.Customer, original);
        return new GateOutcome(request.Action.Type, true, GateRules.Allowed, $"already done (audit entry {original}): {earlier.Message}", earlier.Succeeded, false, earlier.Result, entry.Seq, Replayed: true);
    }

    private async Task<GateOutcome> DeniedAsync(Request request, PolicyDecision decision, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var outcome = new GateAuditOutcome(decision.Message, false, decision.HumanCanGrant, [], decision.Amount, decision.Currency, null);
        var entry = await AuditAsync(request, decision.Rule, AuditDecision.Denied, outcome, null);
        logger.LogInformation("Gate: {Actor} {Action} for {Customer} denied by {Rule}: {Message}", request.Actor, request.Action.Type, request.Customer, decision.Rule, decision.Message);
        return new GateOutcome(request.Action.Type, false, decision.Rule, decision.Message, false, decision.HumanCanGrant, null, entry.Seq);
    }

    private async Task<GateOutcome> ErrorAsync(
        Request request,
        bool allowed,
        string message,
        string rule = GateRules.StripeError,
        string? stripeRequestId = null)
    {
        var result = new ActionResult(request.Action.ObjectIds.FirstOrDefault() ?? "", "unknown", null, null, null, stripeRequestId, message);
        var entry = await AuditAsync(request, rule, AuditDecision.Error, new GateAuditOutcome(message, false, true, [], null, null, result), stripeRequestId);
        logger.LogWarning("Gate: {Actor} {Action} for {Customer} failed: {Message}", request.Actor, request.Action.Type, request.Customer, message);
        return new GateOutcome(request.Action.Type, allowed, rule, message, false, true, result, entry.Seq);
    }

    /// <summary>Written whatever the caller's token says: an effect on Stripe must never go unrecorded.</summary>
    private async Task<AuditEntry> AuditAsync(Request request, string rule, string decision, GateAuditOutcome outcome, string? stripeRequestId)
    {
        var entry = await audit.AppendAsync(new AuditRecord(
            request.Actor.Name,
            request.Principal.ToString(),
            request.Customer,
            WireName.Of(request.Action.Type),
            request.Parameters,
            rule,
            decision,
            request.IdempotencyKey,
            stripeRequestId,
            JsonSerializer.Serialize(outcome, Json),
            request.ApprovedBy), CancellationToken.None);
        request.Audited = true;
        var record = ToRecord(request, decision switch
        {
            AuditDecision.Allowed => GateDecision.Allowed,
            AuditDecision.Denied => GateDecision.Denied,
            _ => GateDecision.Error,
        }, rule, outcome.Message, outcome.Succeeded, outcome.Result?.Amount ?? outcome.Amount, outcome.Result?.Currency ?? outcome.Currency, outcome.Result, entry.Seq, outcome.ReplayOf);
        try
        {
            await actions.WriteAsync(record, CancellationToken.None);
            request.Record = record;
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            // The audit entry is written: the decision is accounted for, and the caller gets its outcome.
            logger.LogError(e, "Gate: the typed record of audit entry {Seq} could not be written", entry.Seq);
        }

        return entry;
    }

    private static GateActionRecord ToRecord(
        Request request, GateDecision decision, string rule, string message, bool succeeded, long? amount, string? currency, ActionResult? result, long? auditEntry, long? replayOf) =>
        new(request.RecordId, request.At, request.Actor.Name, request.Principal.ToString(), request.Customer, request.Action, decision, rule, message, succeeded,
            amount, currency, result?.ObjectId is { Length: > 0 } made ? made : null, result?.Status, request.IdempotencyKey, request.DecisionKey, request.ApprovedBy,
            auditEntry, replayOf);

    /// <summary>Tells the observers; their failure is logged and never changes the gate's outcome.</summary>
    private async Task TellAsync(GateActionRecord? record)
    {
        if (record is null)
        {
            return;
        }

        foreach (var observer in observers)
        {
            try
            {
                await observer.OnDecidedAsync(record, CancellationToken.None);
            }
            catch (Exception e)
            {
                logger.LogError(e, "Gate observer {Observer} failed on {Action} for {Customer}", observer.GetType().Name, record.Type, record.CustomerId);
            }
        }
    }

    private static string Parameters(BillingAction action, string decisionKey)
    {
        var fields = new SortedDictionary<string, JsonNode?>(StringComparer.Ordinal) { ["decision_key"] = decisionKey };
        foreach (var (name, value) in ActionParameters.ToJson(action))
        {
            fields[name] = value?.DeepClone();
        }

        return new JsonObject(fields).ToJsonString();
    }

    private static string NotFound(BillingAction action) => $"{string.Join(", ", action.ObjectIds)} was not found";

    private static bool IsStripeFailure(Exception e) =>
        e is StripeException or HttpRequestException or IOException or Polly.Timeout.TimeoutRejectedException;

    private sealed class Request(Actor actor, Principal principal, BillingAction action, string idempotencyKey, string parameters, string? approvedBy)
    {
        public Actor Actor { get; } = actor;

        public Principal Principal { get; } = principal;

        public BillingAction Action { get; } = action;

        public string IdempotencyKey { get; } = idempotencyKey;

        public string Parameters { get; } = parameters;

        public string? ApprovedBy { get; } = approvedBy;

        public required string DecisionKey { get; init; }

        public required string RecordId { get; init; }

        public required DateTimeOffset At { get; init; }

        public string? Customer { get; set; }

        public bool Audited { get; set; }

        /// <summary>The decision's typed record, once written with its audit entry.</summary>
        public GateActionRecord? Record { get; set; }
    }
}
