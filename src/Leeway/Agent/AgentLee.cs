using System.Diagnostics;
using Leeway.Agent.Brain;
using Leeway.Agent.Conversations;
using Leeway.Agent.Replies;
using Leeway.Agent.Requests;
using Leeway.Agent.Tools;
using Leeway.Agent.Understanding;
using Leeway.Billing;
using Leeway.Diagnostics;
using Leeway.Humans;
using Leeway.Knowledge;
using Leeway.Policy;
using Leeway.Policy.Actions;
using Leeway.Policy.Rules;
using Leeway.Storage;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Leeway.Agent;

/// <summary>
/// Lee's loop for one customer message: understand → read the diagnosis → decide (act through the gate, hand a link,
/// answer from knowledge, or escalate) → check the reply → record the turn and the outcome. Never a dead end: an error,
/// a refusal a person could grant, or doubt ends with a person, who gets the whole context.
/// </summary>
internal sealed class AgentLee(
    ConversationStore conversations,
    IUnderstander understander,
    IDiagnosisService diagnostics,
    IBillingReader billing,
    IPolicyProvider policy,
    IGate gate,
    IKnowledgeBase knowledge,
    CaseDesk desk,
    IBrain brain,
    ReplyGuard guard,
    TimeProvider time,
    IEnumerable<IConversationObserver> observers,
    ILogger<AgentLee> logger,
    IOptions<AgentOptions>? options = null,
    IStringLocalizer<LeeSays>? words = null)
{
    public const string Customer = "customer";

    private static bool IsFix(ActionType action) => action switch
    {
        ActionType.RetryPayment or ActionType.Refund or ActionType.CancelSubscription or ActionType.Credit or ActionType.ResumeSubscription => true,
        ActionType.RegenerateLink or ActionType.CardUpdateLink or ActionType.AuthenticatePayment or ActionType.UseCard => false,
    };

    /// <summary>
    /// A person has the conversation now (a case opened outside a turn, e.g. from the customer's page): the conversation
    /// is escalated to that case, so Lee's next reply says a person has it and puts what it hears on the case. The one
    /// way a conversation's state changes outside <see cref="HandleAsync"/>: only the Agent writes it.
    /// </summary>
    public Task HandedToPersonAsync(Conversation conversation, string caseId, CancellationToken ct) =>
        conversations.UpdateAsync(conversation with { State = ConversationState.Escalated, CaseId = caseId }, ct);

    public async Task<ChatReply> HandleAsync(Conversation conversation, string text, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var history = await conversations.MessagesAsync(conversation.Id, ct);
        var number = history.Count(m => m.From == Customer) + 1;
        var understanding = understander.Understand(text, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        await conversations.AppendAsync(conversation.Id, Customer, text, understanding.Intent, understanding.Confidence, ct);

        // The whole turn (reads, decision, the gate's Stripe calls and retries) has one wall-clock deadline: a slow Stripe
        // gets the customer an honest answer and a person within seconds, never a minute of silence.
        var turnDeadline = (options?.Value ?? new AgentOptions()).TurnDeadline;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(turnDeadline);
        var diagnosisTask = ReadSafelyAsync(() => diagnostics.DiagnoseAsync(conversation.CustomerId, deadline.Token), ct);
        var billingTask = ReadSafelyAsync(() => billing.ReadAsync(conversation.CustomerId, deadline.Token), ct);
        var language = ReplyLanguage(text, history);
        var act = RequestActReader.Read(text, language);
        var accepted = conversation.PendingOffers.Count > 0 && act.Confirms && !act.HoldsBack && !act.Requests().Any()
            ? conversation.PendingOffers.ToHashSet()
            : [];
        var diagnosis = await diagnosisTask;
        var billed = await billingTask;
        var turn = new Turn(conversation, number, text, understanding, diagnosis, billed, history, policy.Current)
        {
            Act = act,
            Accepted = accepted,
            Language = language,
            Says = LeeSays.For(language, CustomerCurrency(billed), words),
        };
        var tools = new LeeTools(turn, gate, knowledge);

        string reply;
        try
        {
            deadline.Token.ThrowIfCancellationRequested();
            reply = await brain.DecideAsync(turn, tools, deadline.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            reply = RanOutOfTime(turn, turnDeadline);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Lee's {Brain} brain failed in {Conversation}", brain.Name, conversation.Id);
            turn.Escalate($"Lee hit an error: {e.GetType().Name}.");
            reply = turn.Says.HandingToPerson;
        }

        // A refusal a person could grant, or an action Stripe did not confirm, always reaches a person (whichever brain decided).
        if (turn.Outcomes.FirstOrDefault(o => (!o.Allowed && o.HumanCanGrant) || (o.Allowed && !o.Succeeded && o.Result?.Error is null)) is { } blocked && !turn.Escalated)
        {
            turn.Escalate($"{WireName.Of(blocked.Action)}: {blocked.Message}");
        }

        reply = guard.Check(reply, turn);
        if (turn.Escalated && !turn.Says.PromisesFollowUp(reply))
        {
            reply = $"{reply}\n\n{(conversation.CaseId is null ? turn.Says.HandingToPerson : turn.Says.AddedToCase)}";
        }

        reply = NotRepeated(reply, history, turn);

        var state = NextState(conversation.State, turn);
        await conversations.RecordActionsAsync(conversation.Id, number, turn.Outcomes, ct);
        await conversations.AppendAsync(conversation.Id, LeeNames.Author, reply, null, null, ct);

        string? caseId = conversation.CaseId;
        if (caseId is not null)
        {
            // After a handoff Lee keeps serving; everything it hears and does goes onto the case the person has.
            await AddToCaseAsync(caseId, text, reply, turn, ct);
        }
        else if (turn.Escalated)
        {
            caseId = await OpenCaseAsync(conversation, turn, ct);
        }

        await conversations.UpdateAsync(conversation with
        {
            State = state,
            Clarifications = conversation.Clarifications + (turn.Clarified ? 1 : 0),
            CaseId = caseId,
            PendingOffers = [.. turn.Offers],
        }, ct);
        return await ObservedAsync(new ChatReply(conversation.Id, state, reply, turn.Links, caseId, number), conversation, understanding, turn.Diagnosis, turn.Billing, started);
    }

    /// <summary>
    /// Tells the observers (contact log, metrics) once the turn is stored. Their failure is logged and never reaches the
    /// customer, and a caller hanging up does not cancel the record: the reply was already given.
    /// </summary>
    private async Task<ChatReply> ObservedAsync(ChatReply reply, Conversation before, Understanding.Understanding understanding, Diagnosis? diagnosis, BillingSnapshot? billing, long started)
    {
        // Latency is work done, so it is timed on the monotonic clock even when the injected clock is a scenario's.
        var turn = new HandledTurn(before, understanding, diagnosis, billing, reply, Stopwatch.GetElapsedTime(started));
        foreach (var observer in observers)
        {
            try
            {
                await observer.OnTurnHandledAsync(turn, CancellationToken.None);
            }
            catch (Exception e)
            {
                logger.LogError(e, "Conversation observer {Observer} failed on {Conversation}", observer.GetType().Name, before.Id);
            }
        }

        return reply;
    }

    /// <summary>
    /// The customer's language (en, es, de, fr, pt, it): this message's, or for a message too short to tell ("ok",
    /// "merci"), the conversation's so far.
    /// </summary>
    internal static string ReplyLanguage(string text, IReadOnlyList<ConversationMessage> history)
    {
        var words = RequestActReader.Tokens(Understanding.TextFolding.Fold(text)).Count(t => t != ",");
        if (words >= 4 || history.All(m => m.From != Customer))
        {
            return LanguageGuesser.Guess(text);
        }

        return LanguageGuesser.Guess(string.Join(" ", history.Where(m => m.From == Customer).Select(m => m.Text).Append(text)));
    }

    /// <summary>The currency the customer is billed in (their subscription's, else their latest charge's): it picks the region of the reply's culture.</summary>
    private static string? CustomerCurrency(BillingSnapshot? billing) =>
        billing?.Subscriptions.FirstOrDefault(s => s.Status is "active" or "trialing" or "past_due")?.Currency
        ?? billing?.Charges.OrderByDescending(c => c.Created).FirstOrDefault()?.Currency;

    /// <summary>Never the same reply twice: say that nothing changed and ask what is still wrong, or bring in a person.</summary>
    private static string NotRepeated(string reply, IReadOnlyList<ConversationMessage> history, Turn turn)
    {
        var said = history.Where(m => m.From == LeeNames.Author).Select(m => m.Text).ToHashSet(StringComparer.Ordinal);
        if (!said.Contains(reply))
        {
            return reply;
        }

        var alternatives = turn.Says.NothingNewSince(turn);
        foreach (var alternative in alternatives)
        {
            if (!said.Contains(alternative))
            {
                if (alternative == alternatives[^1] && turn.Conversation.CaseId is null)
                {
                    turn.Escalate("The customer came back to the same answer: a loop.");
                }

                return alternative;
            }
        }

        return $"{alternatives[^1]} ({turn.Number})";
    }

    private async Task AddToCaseAsync(string caseId, string text, string reply, Turn turn, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await desk.AddLineAsync(caseId, new TranscriptLine(Customer, text, now), ct);
        foreach (var outcome in turn.Outcomes)
        {
            await desk.AddActionAsync(caseId, Actor.AgentLee.Name, outcome, ct);
        }

        await desk.AddLineAsync(caseId, new TranscriptLine(LeeNames.Author, reply, now), ct);
    }

    /// <summary>Outcomes are sticky: once resolved or handed over, a later question does not undo it.</summary>
    private static string NextState(string current, Turn turn)
    {
        if (turn.Escalated || current == ConversationState.Escalated)
        {
            return ConversationState.Escalated;
        }

        var now = turn.Outcomes.Any(o => o.Succeeded && IsFix(o.Action)) ? ConversationState.Resolved
            : turn.Links.Count > 0 ? ConversationState.SelfServe
            : turn.Clarified ? ConversationState.Open
            : ConversationState.Answered;
        return current is ConversationState.Resolved or ConversationState.SelfServe && now is ConversationState.Answered or ConversationState.Open
            ? current
            : now;
    }

    /// <summary>
    /// The turn's deadline passed. What was sent and not confirmed goes into the turn's actions (so the case's packet shows
    /// it, with its decision key: the gate's idempotency key, so a person's retry cannot do it twice), and a person gets the case.
    /// </summary>
    private string RanOutOfTime(Turn turn, TimeSpan deadline)
    {
        var seconds = deadline.TotalSeconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
        var unread = new[] { turn.Diagnosis is null ? "the diagnosis" : null, turn.Billing is null ? "Stripe's billing details" : null }.OfType<string>().ToList();
        var notRead = unread.Count == 0 ? "" : $" Not read: {string.Join(" and ", unread)}.";
        if (turn.InFlight is { } inFlight)
        {
            turn.Record(new GateOutcome(
                inFlight.Action.Type,
                false,
                "no_answer_in_time",
                $"Sent, but no answer came within the turn's {seconds} s: check Stripe before acting (decision key {inFlight.DecisionKey}; the same key cannot act twice).",
                false,
                true,
                null,
                null));
        }

        logger.LogWarning("Lee's turn in {Conversation} ran out of its {Deadline} s deadline ({InFlight})", turn.Conversation.Id, seconds, turn.InFlight is { } busy ? WireName.Of(busy.Action.Type) : "reading");
        turn.Escalate(turn.InFlight is { } sent
            ? $"No answer within {seconds} s: {WireName.Of(sent.Action.Type)} was sent and is unconfirmed.{notRead}"
            : $"No answer within {seconds} s while reading the customer's billing.{notRead}");
        return turn.Says.RanOutOfTime(turn.InFlight?.Action.Type);
    }

    private async Task<string> OpenCaseAsync(Conversation conversation, Turn turn, CancellationToken ct)
    {
        var opened = await desk.OpenWithContextAsync(
            new CaseOpening(
                conversation.CustomerId,
                turn.EscalationReason!,
                CaseSources.Agent,
                turn.Billing?.Risk ?? "normal",
                $"{turn.EscalationReason} Intent: {turn.Understanding.Intent} ({turn.Understanding.Confidence:0.00}).",
                turn.Diagnosis,
                conversation.Id),
            ct);
        return opened.Id;
    }

    /// <summary>A read that failed, or was stopped by the turn's deadline, is null (Lee then says what it could not check);
    /// only the caller hanging up (<paramref name="ct"/>) stops the turn.</summary>
    private async Task<T?> ReadSafelyAsync<T>(Func<Task<T?>> read, CancellationToken ct)
        where T : class
    {
        try
        {
            return await read();
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning(e, "Lee could not read a source");
            return null;
        }
    }
}
