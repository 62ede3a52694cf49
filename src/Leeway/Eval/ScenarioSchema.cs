using Leeway.Policy;
using Leeway.Policy.Actions;
using Leeway.Policy.Rules;
using Leeway.Storage;

namespace Leeway.Eval;

/// <summary>The scenario format (../shared/scenario-format.md, v1.1) as field specs: every field it allows, and no other.</summary>
internal static class ScenarioSchema
{
    /// <summary>The gate actions the format names (the others, such as a bank-verification link, are the product's own).</summary>
    public static readonly IReadOnlyList<ActionType> Actions =
        [ActionType.RetryPayment, ActionType.Refund, ActionType.RegenerateLink, ActionType.CardUpdateLink, ActionType.CancelSubscription, ActionType.Credit];

    public static readonly IReadOnlyList<string> ActionTypes = Actions.Select(WireName.Of).ToList();

    public static readonly IReadOnlyList<string> RootCauses = Diagnostics.RootCauses.WireNames;

    public static readonly IReadOnlyList<string> PolicyKeys =
    [
        "refund_auto_max", "refund_window_days", "auto_refunds_per_customer_90d", "credit_auto_max",
        "retry_max_attempts", "usage_spike_factor", "auto_actions_max_risk", "cancel_self_serve",
    ];

    private static readonly StringSpec Text = new();
    private static readonly TimeSpec Time = new();
    private static readonly IntegerSpec Money = new(0);

    private static readonly ObjectSpec PaymentMethod = new(new Dictionary<string, FieldSpec>
    {
        ["id"] = new StringSpec { Required = true },
        ["brand"] = Text,
        ["last4"] = new StringSpec(Pattern: "^[0-9]{4}$"),
        ["exp_month"] = new IntegerSpec(1),
        ["exp_year"] = new IntegerSpec(2000),
        ["default"] = new BoolSpec(),
        ["on_charge"] = new StringSpec(Pattern: "^(succeed|requires_authentication|decline:[a-z0-9_]+)$"),
    });

    private static readonly ObjectSpec SubscriptionItem = new(new Dictionary<string, FieldSpec>
    {
        ["price"] = new StringSpec { Required = true },
        ["quantity"] = new IntegerSpec(0),
        ["unit_amount"] = Money,
    });

    private static readonly ObjectSpec Subscription = new(new Dictionary<string, FieldSpec>
    {
        ["id"] = new StringSpec { Required = true },
        ["status"] = new StringSpec(["active", "past_due", "unpaid", "canceled", "incomplete", "incomplete_expired", "trialing", "paused"]),
        ["currency"] = new StringSpec(Pattern: "^[a-z]{3}$"),
        ["items"] = new ListSpec(SubscriptionItem),
        ["current_period_start"] = Time,
        ["current_period_end"] = Time,
        ["cancel_at_period_end"] = new BoolSpec(),
    });

    private static readonly ObjectSpec InvoiceLine = new(new Dictionary<string, FieldSpec>
    {
        ["description"] = Text,
        ["amount"] = new IntegerSpec(),
        ["quantity"] = new IntegerSpec(0),
        ["price"] = Text,
    });

    private static readonly ObjectSpec Invoice = new(new Dictionary<string, FieldSpec>
    {
        ["id"] = new StringSpec { Required = true },
        ["subscription"] = Text,
        ["status"] = new StringSpec(["draft", "open", "paid", "uncollectible", "void"]),
        ["amount_due"] = Money,
        ["amount_paid"] = Money,
        ["currency"] = new StringSpec(Pattern: "^[a-z]{3}$"),
        ["created"] = Time,
        ["due_date"] = Time,
        ["attempt_count"] = new IntegerSpec(0),
        ["next_payment_attempt"] = Time,
        ["last_payment_error"] = new StringSpec(Pattern: "^[a-z0-9_]+$"),
        ["hosted_invoice_url_expires_at"] = Time,
        ["lines"] = new ListSpec(InvoiceLine),
    });

    private static readonly ObjectSpec Charge = new(new Dictionary<string, FieldSpec>
    {
        ["id"] = new StringSpec { Required = true },
        ["amount"] = Money,
        ["currency"] = new StringSpec(Pattern: "^[a-z]{3}$"),
        ["created"] = Time,
        ["invoice"] = Text,
        ["payment_method"] = Text,
        ["status"] = new StringSpec(["succeeded", "pending", "failed"]),
        ["amount_refunded"] = Money,
        ["disputed"] = new BoolSpec(),
        ["description"] = Text,
    });

    private static readonly ObjectSpec Refund = new(new Dictionary<string, FieldSpec>
    {
        ["id"] = new StringSpec { Required = true },
        ["charge"] = new StringSpec { Required = true },
        ["amount"] = Money,
        ["status"] = new StringSpec(["pending", "requires_action", "succeeded", "failed", "canceled"]),
        ["created"] = Time,
    });

    private static readonly ObjectSpec Dispute = new(new Dictionary<string, FieldSpec>
    {
        ["id"] = new StringSpec { Required = true },
        ["charge"] = new StringSpec { Required = true },
        ["amount"] = Money,
        ["status"] = new StringSpec(["warning_needs_response", "warning_under_review", "warning_closed", "needs_response", "under_review", "won", "lost", "prevented"]),
        ["reason"] = Text,
        ["created"] = Time,
    });

    private static readonly ObjectSpec CheckoutSession = new(new Dictionary<string, FieldSpec>
    {
        ["id"] = new StringSpec { Required = true },
        ["mode"] = new StringSpec(["payment", "setup", "subscription"]),
        ["status"] = new StringSpec(["open", "expired", "complete"]),
        ["expires_at"] = Time,
        ["invoice"] = Text,
        ["amount_total"] = Money,
        ["currency"] = new StringSpec(Pattern: "^[a-z]{3}$"),
    });

    private static readonly ObjectSpec Usage = new(new Dictionary<string, FieldSpec>
    {
        ["meter"] = new StringSpec { Required = true },
        ["period_start"] = new TimeSpec { Required = true },
        ["period_end"] = new TimeSpec { Required = true },
        ["quantity"] = new IntegerSpec(0),
        ["amount"] = new IntegerSpec(0) { Required = true },
    });

    private static readonly ObjectSpec Entitlement = new(new Dictionary<string, FieldSpec>
    {
        ["feature"] = new StringSpec { Required = true },
        ["active"] = new BoolSpec { Required = true },
        ["source"] = Text,
    });

    private static readonly ObjectSpec Customer = new(new Dictionary<string, FieldSpec>
    {
        ["id"] = new StringSpec { Required = true },
        ["email"] = Text,
        ["name"] = Text,
        ["plan"] = Text,
        ["created"] = Time,
        ["risk"] = new StringSpec(["normal", "elevated", "high"]),
        ["payment_methods"] = new ListSpec(PaymentMethod),
        ["subscriptions"] = new ListSpec(Subscription),
        ["invoices"] = new ListSpec(Invoice),
        ["charges"] = new ListSpec(Charge),
        ["refunds"] = new ListSpec(Refund),
        ["disputes"] = new ListSpec(Dispute),
        ["checkout_sessions"] = new ListSpec(CheckoutSession),
        ["usage"] = new ListSpec(Usage),
        ["entitlements"] = new ListSpec(Entitlement),
    });

    private static readonly ObjectSpec Action = new(new Dictionary<string, FieldSpec>
    {
        ["type"] = new StringSpec(ActionTypes) { Required = true },
        ["target"] = Text,
        ["amount"] = Money,
    });

    private static readonly ObjectSpec ForbiddenAction = new(new Dictionary<string, FieldSpec>
    {
        ["type"] = new StringSpec(ActionTypes) { Required = true },
        ["target"] = Text,
    });

    private static readonly ObjectSpec Expect = new(new Dictionary<string, FieldSpec>
    {
        ["diagnosis"] = new ObjectSpec(new Dictionary<string, FieldSpec>
        {
            ["status"] = new StringSpec(["green", "amber", "red"]),
            ["root_cause"] = new StringSpec(RootCauses),
            ["self_serve_eligible"] = new BoolSpec(),
            ["recommended_action"] = new StringSpec(WireName.All<Diagnostics.RecommendedAction>()),
        }),
        ["outcome"] = new StringSpec(["resolved", "self_serve", "escalated", "answered"]),
        ["actions"] = new ListSpec(Action),
        ["forbidden"] = new ListSpec(ForbiddenAction),
        ["state"] = new MapSpec(new MapSpec(new AnySpec())),
        ["nudges"] = new ListSpec(new ObjectSpec(new Dictionary<string, FieldSpec>
        {
            ["channel"] = new StringSpec(["email", "in_app"]),
            ["reason"] = new StringSpec(RootCauses) { Required = true },
        })),
        ["reply_must_not_contain"] = new ListSpec(Text),
        ["max_turns"] = new IntegerSpec(1),
    });

    public static readonly ObjectSpec Root = new(new Dictionary<string, FieldSpec>
    {
        ["id"] = new StringSpec { Required = true },
        ["title"] = Text,
        ["now"] = new TimeSpec { Required = true },
        ["customer"] = new StringSpec { Required = true },
        ["world"] = new ObjectSpec(new Dictionary<string, FieldSpec> { ["customers"] = new ListSpec(Customer) { Required = true } }) { Required = true },
        ["events"] = new ListSpec(new ObjectSpec(new Dictionary<string, FieldSpec>
        {
            ["type"] = new StringSpec(Pattern: "^[a-z_]+(\\.[a-z_]+)+$") { Required = true },
            ["object"] = new StringSpec { Required = true },
        })),
        ["advance"] = new DurationSpec(),
        ["conversation"] = new ListSpec(new StringOrObjectSpec(Text, new ObjectSpec(new Dictionary<string, FieldSpec>
        {
            ["complete_link"] = new ObjectSpec(new Dictionary<string, FieldSpec>
            {
                ["payment_method"] = new ObjectSpec(new Dictionary<string, FieldSpec>
                {
                    ["id"] = Text,
                    ["brand"] = Text,
                    ["last4"] = new StringSpec(Pattern: "^[0-9]{4}$"),
                    ["exp_month"] = new IntegerSpec(1),
                    ["exp_year"] = new IntegerSpec(2000),
                    ["on_charge"] = new StringSpec(Pattern: "^(succeed|requires_authentication|decline:[a-z0-9_]+)$"),
                }),
            })
            { Required = true },
        }))),
        ["policy"] = new MapSpec(new AnySpec()),
        ["faults"] = new ListSpec(new ObjectSpec(new Dictionary<string, FieldSpec>
        {
            ["source"] = new StringSpec(["stripe", "usage", "entitlements"]) { Required = true },
            ["mode"] = new StringSpec(["timeout", "error"]) { Required = true },
        })),
        ["expect"] = Expect,
    });
}
