using Leeway.Agent.Conversations;
using Leeway.Diagnostics;
using Leeway.Identity;
using Leeway.Policy;
using Leeway.Policy.Rules;
using Leeway.Prevent.Handlers;
using Leeway.Storage;
using Stripe;

namespace Leeway.Prevent.Nudges;

/// <summary>
/// Carries out one nudge decision: gets the fix link through the gate (never from Stripe directly), words the nudge,
/// stores it in the outbox on each channel and queues the e-mail for sending. When the gate refuses the link, or the cause is one
/// only a person may handle, a case is opened and the nudge says so: the customer never reaches a dead end.
/// </summary>
internal sealed class Nudger(
    StripeClient stripe,
    ConversationLanguage conversations,
    IGate gate,
    NudgeOutbox outbox,
    NudgeDispatcher dispatcher,
    Tier0Cases cases,
    PreventObservers observers,
    TimeProvider time,
    Microsoft.Extensions.Options.IOptions<PreventOptions> options,
    ILogger<Nudger> logger)
{
    public async Task<IReadOnlyList<StoredNudge>> NudgeAsync(NudgeDecision decision, CancellationToken cancellationToken)
    {
        var reason = decision.Cause.Reason;
        // Already told within the dedupe window: do not mint a link nobody will be sent.
        if (!await outbox.AnySlotFreeAsync(decision.CustomerId, reason, decision.ObjectId, cancellationToken))
        {
            return [];
        }

        // Who to write to, read while the gate decides.
        var reading = stripe.V1.Customers.GetAsync(decision.CustomerId, cancellationToken: cancellationToken);
        var link = decision.Link;
        var toHuman = decision.NeedsHuman || decision.Cause.Traits.RecommendedAction == RecommendedAction.ContactHuman;
        var attempted = new List<GateOutcome>();
        if (decision.Fix is { } fix && !toHuman)
        {
            var outcome = await gate.ExecuteAsync(Actor.Tier0, Principal.Customer(decision.CustomerId), fix, LinkKey(decision, reason), cancellationToken);
            if (outcome.Rule == GateRules.StripeError && !outcome.Allowed)
            {
                // Stripe could not be read: not a refusal. The event or job is tried again; the same decision key cannot act twice.
                throw new InvalidOperationException($"The gate could not decide {WireName.Of(fix.Type)} for {decision.CustomerId}: {outcome.Message}");
            }

            attempted.Add(outcome);
            if (outcome is { Allowed: true, Succeeded: true, Result.Url: { Length: > 0 } url })
            {
                link = url;
            }
            else
            {
                logger.LogInformation("Tier 0: no {Action} link for {Customer} ({Rule}: {Message}); a person follows up", fix.Type, decision.CustomerId, outcome.Rule, outcome.Message);
                link = null;
                toHuman = true;
            }
        }

        var customer = await reading;
        if (toHuman)
        {
            await cases.OpenOnceAsync(
                decision.CustomerId,
                reason,
                decision.ObjectId,
                Risk(customer),
                decision.Cause.Diagnosis,
                attempted,
                $"Tier 0: {WireName.Of(reason)} about {decision.ObjectId}. {Describe(attempted)}The customer was told a person will follow up.",
                cancellationToken);
        }

        var says = await LanguageOfAsync(customer, cancellationToken);
        var (subject, body) = NudgeWording.Write(says, decision.Cause, customer.Name, link, toHuman, SignOff());
        var stored = await outbox.CreateAsync(
            new NudgeDraft(decision.CustomerId, reason, decision.ObjectId, link, subject, body, string.IsNullOrWhiteSpace(customer.Email) ? null : customer.Email, decision.DecisionKey),
            cancellationToken);
        foreach (var email in stored.Where(n => n.Nudge.Channel == NudgeChannel.Email))
        {
            dispatcher.Queue(email);
        }

        foreach (var shown in stored.Where(n => n.Nudge.State == NudgeState.Sent))
        {
            await observers.NudgeSentAsync(shown.Nudge);
        }

        return stored;
    }

    /// <summary>
    /// The customer's language: Stripe's <c>preferred_locales</c> first
    /// (https://docs.stripe.com/api/customers/object#customer_object-preferred_locales), else the language they last
    /// wrote to Lee in (read only then), else English; the currency they are billed in picks the region.
    /// </summary>
    private async Task<NudgeSays> LanguageOfAsync(Customer customer, CancellationToken cancellationToken)
    {
        var preferred = customer.PreferredLocales ?? [];
        var spoken = preferred.Any(l => NudgeSays.Supported(l) is not null) ? null : await conversations.LastAsync(customer.Id, cancellationToken);
        return NudgeSays.For(preferred, spoken, customer.Currency);
    }

    /// <summary>The sender's display name (<c>Prevent:Smtp:From</c>, e.g. "Leeway Billing"), signed under the nudge.</summary>
    private string? SignOff() =>
        MimeKit.MailboxAddress.TryParse(options.Value.Smtp.From, out var from) && !string.IsNullOrWhiteSpace(from.Name) ? from.Name : null;

    private static string Risk(Customer customer) =>
        customer.Metadata is { } metadata && metadata.TryGetValue("risk", out var risk) && !string.IsNullOrEmpty(risk) ? risk : "normal";

    private static string Describe(IReadOnlyList<GateOutcome> attempted) =>
        attempted.Count == 0 ? "" : string.Concat(attempted.Select(o => $"{WireName.Of(o.Action)} {(o.Allowed ? "gave no link" : "was refused")} ({o.Rule}: {o.Message}). "));

    /// <summary>
    /// The decision key the gate derives the link's idempotency key from: what the link is for (customer, reason, object)
    /// and the dedupe window, not the event. Two events about one problem, handled at once on two hosts, then mint one
    /// link (Stripe replays the second request) where the event ids would have minted two.
    /// </summary>
    private string LinkKey(NudgeDecision decision, RootCause reason)
    {
        var window = time.GetUtcNow().ToUnixTimeMilliseconds() / (options.Value.NudgeDedupeHours * 3_600_000L);
        return $"tier0:{decision.CustomerId}:{WireName.Of(reason)}:{decision.ObjectId}:{window}";
    }
}
