using Leeway.Billing;
using Leeway.Identity;
using Leeway.Policy.Actions;
using Leeway.Policy.Facts;

namespace Leeway.Policy.Rules;

/// <summary>
/// The gate's rules, a pure function of the policy, the request and the facts read from Stripe. The order is fixed:
/// the request's shape, ownership (never waived), then every other rule; all refusals are collected so the decision can
/// say whether a human could grant it, and a human (actor <c>human:&lt;id&gt;</c> with <c>approvedBy</c>) waives the
/// grantable ones (limits, windows, counts, attempts, risk, disputes) but never ownership or the state of the object.
/// </summary>
internal static class PolicyRules
{
    private static readonly TimeSpan RefundCountPeriod = TimeSpan.FromDays(90);

    public static PolicyDecision Evaluate(
        PolicySettings policy,
        Actor actor,
        Principal principal,
        BillingAction action,
        GateFacts facts,
        DateTimeOffset now,
        string? approvedBy)
    {
        if (InvalidRequest(action) is { } invalid)
        {
            return Deny(GateRules.InvalidRequest, invalid);
        }

        if (OwnershipProblem(principal, action, facts) is { } notOwned)
        {
            return Deny(GateRules.Ownership, notOwned);
        }

        var refusals = new List<(string Rule, string Message)>();
        if (facts.OpenDisputes.Count > 0)
        {
            refusals.Add((GateRules.DisputeOpen,
                $"a dispute ({string.Join(", ", facts.OpenDisputes)}) is open on this customer's charges: nothing is done automatically until it is resolved"));
        }

        var risk = facts.Risk.ToLowerInvariant();
        if (PolicySettings.RiskRank(risk) >= PolicySettings.RiskRank("high"))
        {
            refusals.Add((GateRules.RiskBlocked, $"this customer's risk is {risk}: no payments, refunds, credits or links without a human"));
        }
        else if (action.MovesMoney && !policy.RiskAllowsMoneyMovement(risk))
        {
            refusals.Add((GateRules.RiskNoMoneyMovement,
                $"this customer's risk is {risk}, above auto_actions_max_risk ({policy.AutoActionsMaxRisk}): no automatic money movement"));
        }

        long? amount = null;
        string? currency = null;
        switch (action)
        {
            case RefundCharge refund:
                (amount, currency) = RefundRules(policy, refund, facts, now, refusals);
                break;
            case CreditBalance credit:
                (amount, currency) = (credit.Amount, credit.Currency.ToLowerInvariant());
                if (credit.Amount > policy.CreditAutoMax)
                {
                    refusals.Add((GateRules.CreditAutoMax,
                        $"a credit of {Money.Format(credit.Amount, credit.Currency)} is over the {Money.Format(policy.CreditAutoMax, credit.Currency)} limit for automatic credits"));
                }

                break;
            case RetryPayment retry:
                (amount, currency) = RetryRules(policy, retry, facts, refusals);
                break;
            case AuthenticatePayment authenticate:
                if (facts.Invoice is { } toAuthenticate && toAuthenticate.Id == authenticate.InvoiceId)
                {
                    InvoiceMustBeOpen(toAuthenticate, "to authenticate", refusals);
                }

                break;
            case RegenerateLink link:
                LinkRules(link, facts, refusals);
                break;
            case CancelSubscription cancel:
                var subscription = facts.Subscriptions.FirstOrDefault(s => s.Id == cancel.SubscriptionId);
                if (subscription is { Status: "canceled" or "incomplete_expired" })
                {
                    refusals.Add((GateRules.SubscriptionNotActive, $"subscription {subscription.Id} is already {subscription.Status}"));
                }

                if (!policy.CancelSelfServe)
                {
                    refusals.Add((GateRules.CancelSelfServe, "cancelling a subscription is done by a person here (cancel_self_serve is off)"));
                }

                break;
            case ResumeSubscription resume:
                // Only a subscription still running can keep going; an ended one is a new subscription, a person's call.
                if (facts.Subscriptions.FirstOrDefault(s => s.Id == resume.SubscriptionId) is { Status: "canceled" or "incomplete_expired" } ended)
                {
                    refusals.Add((GateRules.SubscriptionNotActive, $"subscription {ended.Id} is already {ended.Status}"));
                }

                break;
            case CardUpdateLink:
                break;
            case UseCard use when facts.Card is { } saved:
                if (saved.ExpiresBefore(now))
                {
                    refusals.Add((GateRules.CardExpired, $"card {saved.Id} expired ({saved.ExpMonth:D2}/{saved.ExpYear}): it cannot be the card Stripe charges"));
                }

                break;
        }

        var humanApproved = actor.IsHuman && !string.IsNullOrWhiteSpace(approvedBy);
        var absolute = refusals.Where(r => !GateRules.Grantable.Contains(r.Rule)).ToList();
        if (absolute.Count > 0)
        {
            // Nobody may grant these, so they are the honest reason even when a grantable rule refused too.
            return new PolicyDecision(false, absolute[0].Rule, absolute[0].Message, false, [], amount, currency);
        }

        if (refusals.Count > 0 && !humanApproved)
        {
            return new PolicyDecision(false, refusals[0].Rule, refusals[0].Message, true, [], amount, currency);
        }

        if (humanApproved && AgentLimitProblem(policy, actor, action, amount, currency) is { } overLimit)
        {
            // Below lead, an approval reaches only as far as the agent limits; a lead or an admin may grant the rest.
            return new PolicyDecision(false, GateRules.AgentLimit, overLimit, true, [], amount, currency);
        }

        var waived = refusals.Select(r => r.Rule).ToList();
        var message = waived.Count == 0
            ? "allowed by policy"
            : $"allowed: {string.Join(", ", waived)} waived by {approvedBy} ({string.Join("; ", refusals.Select(r => r.Message))})";
        return new PolicyDecision(true, GateRules.Allowed, message, false, waived, amount, currency);
    }

    private static string? AgentLimitProblem(PolicySettings policy, Actor actor, BillingAction action, long? amount, string? currency)
    {
        if (StaffRoles.Includes(actor.Role, StaffRoles.Lead))
        {
            return null;
        }

        var (limit, what) = action switch
        {
            RefundCharge => (policy.AgentRefundMax, "refund"),
            CreditBalance => (policy.AgentCreditMax, "credit"),
            _ => (long.MaxValue, ""),
        };
        return amount > limit
            ? $"a {what} of {Money.Format(amount.Value, currency ?? "usd")} is over the {Money.Format(limit, currency ?? "usd")} an agent may approve: a lead or an admin approves it"
            : null;
    }

    private static PolicyDecision Deny(string rule, string message) => new(false, rule, message, false, []);

    private static (long? Amount, string? Currency) RefundRules(PolicySettings policy, RefundCharge refund, GateFacts facts, DateTimeOffset now, List<(string, string)> refusals)
    {
        var charge = facts.Charges.FirstOrDefault(c => c.Id == refund.ChargeId);
        if (charge is null)
        {
            refusals.Add((GateRules.ChargeNotSucceeded, $"charge {refund.ChargeId} could not be read"));
            return (refund.Amount, null);
        }

        if (charge.Status != "succeeded")
        {
            refusals.Add((GateRules.ChargeNotSucceeded, $"charge {charge.Id} is {charge.Status}: only a successful charge can be refunded"));
        }

        var remainder = charge.Refundable;
        var amount = refund.Amount ?? remainder;
        if (remainder == 0)
        {
            refusals.Add((GateRules.AlreadyRefunded, $"charge {charge.Id} ({Money.Format(charge.Amount, charge.Currency)}) is already fully refunded"));
        }
        else if (amount > remainder)
        {
            refusals.Add((GateRules.RefundOverRemainder,
                $"a refund of {Money.Format(amount, charge.Currency)} is more than the {Money.Format(remainder, charge.Currency)} still refundable on charge {charge.Id}"));
        }

        if (!policy.RefundReasons.Contains(refund.Reason))
        {
            refusals.Add((GateRules.RefundReason, $"a refund with reason {refund.Reason} is for a person to decide (automatic reasons: {string.Join(", ", policy.RefundReasons)})"));
        }

        if (amount > policy.RefundAutoMax)
        {
            refusals.Add((GateRules.RefundAutoMax,
                $"a refund of {Money.Format(amount, charge.Currency)} is over the {Money.Format(policy.RefundAutoMax, charge.Currency)} limit for automatic refunds"));
        }

        var age = now - charge.Created;
        if (age > TimeSpan.FromDays(policy.RefundWindowDays))
        {
            refusals.Add((GateRules.RefundWindowDays,
                $"charge {charge.Id} was made {(int)age.TotalDays} days ago, outside the {policy.RefundWindowDays}-day window for automatic refunds"));
        }

        var recent = facts.Charges.SelectMany(c => c.Refunds).Count(r => r.Counts && r.Created > now - RefundCountPeriod);
        if (recent >= policy.AutoRefundsPerCustomer90d)
        {
            refusals.Add((GateRules.AutoRefundsPerCustomer90d,
                $"this customer already had {recent} refund{(recent == 1 ? "" : "s")} in the last 90 days; automatic refunds stop at {policy.AutoRefundsPerCustomer90d}"));
        }

        return (amount, charge.Currency);
    }

    private static (long? Amount, string? Currency) RetryRules(PolicySettings policy, RetryPayment retry, GateFacts facts, List<(string, string)> refusals)
    {
        if (facts.Invoice is not { } invoice || invoice.Id != retry.InvoiceId)
        {
            refusals.Add((GateRules.InvoiceNotOpen, $"invoice {retry.InvoiceId} could not be read"));
            return (null, null);
        }

        InvoiceMustBeOpen(invoice, "to pay", refusals);

        // A card other than the one that failed (named for this payment, or the new default) means the customer already
        // did what the failure asked of them: it lifts "cannot succeed until the customer acts" and the attempts stop,
        // which exist so the same card is not charged again and again.
        var card = retry.PaymentMethodId ?? facts.DefaultPaymentMethodId;
        var cardChanged = card is not null && invoice.FailedPaymentMethodId is { } failed && card != failed;
        if (invoice.AttemptCount >= policy.RetryMaxAttempts && !cardChanged)
        {
            refusals.Add((GateRules.RetryMaxAttempts,
                $"invoice {invoice.Id} has had {invoice.AttemptCount} payment attempts; automatic retries stop at {policy.RetryMaxAttempts}"));
        }

        if (invoice.LastPaymentError is { Length: > 0 } code)
        {
            var decline = DeclineCodes.Classify(code);
            if (decline.Hard)
            {
                refusals.Add((GateRules.RetryHardDecline,
                    $"the last payment attempt on invoice {invoice.Id} was declined with {code}, a hard decline that is never retried automatically"));
            }
            else if (!decline.Retryable && !cardChanged)
            {
                refusals.Add((GateRules.RetryNeedsCustomer,
                    $"the last payment attempt on invoice {invoice.Id} failed with {code}: a retry cannot succeed until the customer acts (new card, corrected details or authentication)"));
            }
        }

        return (invoice.AmountRemaining, invoice.Currency);
    }

    private static void LinkRules(RegenerateLink link, GateFacts facts, List<(string, string)> refusals)
    {
        if (link.ExpiredCheckoutSessionId is { } sessionId)
        {
            if (facts.Session is not { } session || session.Id != sessionId)
            {
                refusals.Add((GateRules.LinkNotExpired, $"checkout session {sessionId} could not be read"));
                return;
            }

            if (session.Status == "complete" || session.InvoiceStatus == "paid")
            {
                refusals.Add((GateRules.AlreadyPaid, $"checkout session {session.Id} was already paid: a new link would charge twice"));
            }
            else if (session.Status != "expired")
            {
                refusals.Add((GateRules.LinkNotExpired, $"checkout session {session.Id} is still {session.Status}: its link still works"));
            }

            return;
        }

        if (facts.Invoice is { } invoice && invoice.Id == link.InvoiceId)
        {
            InvoiceMustBeOpen(invoice, "to pay", refusals);
        }
        else
        {
            refusals.Add((GateRules.InvoiceNotOpen, $"invoice {link.InvoiceId} could not be read"));
        }
    }

    private static void InvoiceMustBeOpen(InvoiceFact invoice, string purpose, List<(string, string)> refusals)
    {
        if (invoice.Status != "open")
        {
            refusals.Add((GateRules.InvoiceNotOpen, invoice.Status == "paid"
                ? $"invoice {invoice.Id} is already paid: there is nothing left {purpose}"
                : $"invoice {invoice.Id} is {invoice.Status}, not open: there is nothing {purpose}"));
        }
    }

    private static string? InvalidRequest(BillingAction action)
    {
        if (action.ObjectIds.Any(string.IsNullOrWhiteSpace))
        {
            return "an object id is empty";
        }

        return action switch
        {
            RefundCharge { Amount: <= 0 } r => $"a refund amount must be positive (got {r.Amount})",
            RefundCharge r when r.Reason is not ("requested_by_customer" or "duplicate" or "fraudulent") =>
                $"refund reason must be requested_by_customer, duplicate or fraudulent (got '{r.Reason}')",
            CreditBalance { Amount: <= 0 } c => $"a credit amount must be positive (got {c.Amount})",
            CreditBalance c when c.Currency.Length != 3 || !c.Currency.All(char.IsAsciiLetter) => $"credit currency must be a three-letter code (got '{c.Currency}')",
            RegenerateLink { ExpiredCheckoutSessionId: null, InvoiceId: null } => "regenerate_link needs an expired checkout session or an invoice",
            _ => null,
        };
    }

    private static string? OwnershipProblem(Principal principal, BillingAction action, GateFacts facts)
    {
        if (!facts.CustomerExists || (principal.IsCustomer && facts.CustomerId != principal.Id))
        {
            return principal.IsCustomer ? "this customer was not found" : $"customer {facts.CustomerId} was not found";
        }

        foreach (var id in action.ObjectIds)
        {
            var owner = facts.Owners.GetValueOrDefault(id);
            // The same words whether the object is missing or someone else's: never confirm another customer's ids.
            if (owner is null || owner != facts.CustomerId)
            {
                return principal.IsCustomer
                    ? $"no {KindOf(action, id)} {id} was found for this customer"
                    : $"{KindOf(action, id)} {id} does not belong to customer {facts.CustomerId}";
            }
        }

        return null;
    }

    private static string KindOf(BillingAction action, string id) => action switch
    {
        RefundCharge => "charge",
        RetryPayment r when r.PaymentMethodId == id => "card",
        UseCard u when u.PaymentMethodId == id => "card",
        RetryPayment or AuthenticatePayment => "invoice",
        CancelSubscription or ResumeSubscription => "subscription",
        CardUpdateLink or CreditBalance or UseCard => "customer",
        RegenerateLink r when r.ExpiredCheckoutSessionId == id => "checkout session",
        RegenerateLink => "invoice",
        _ => "object",
    };
}
