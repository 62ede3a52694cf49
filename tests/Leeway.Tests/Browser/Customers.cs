using System.Text.Json.Nodes;

namespace Leeway.Tests.Browser;

/// <summary>World customers for the browser tests, each in one kind of trouble (the scenario format's world shape).</summary>
internal static class Customers
{
    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();

    private static string Card(string id, string onCharge = "succeed") =>
        $$"""{"id": "pm_{{id}}", "brand": "visa", "last4": "4000", "exp_month": 5, "exp_year": 2029, "default": true, "on_charge": "{{onCharge}}"}""";

    private static string Subscription(string id, string status, long amount, bool cancelAtPeriodEnd = false) =>
        $$"""
        {"id": "sub_{{id}}", "status": "{{status}}", "currency": "usd", "items": [{"price": "price_web", "quantity": 1, "unit_amount": {{amount}}}],
         "current_period_start": "2026-11-01T00:00:00Z", "current_period_end": "2026-12-01T00:00:00Z", "cancel_at_period_end": {{(cancelAtPeriodEnd ? "true" : "false")}}}
        """;

    /// <summary>An invoice that failed for insufficient funds; the card has the money now, so a retry succeeds.</summary>
    public static JsonObject FailedPayment(string id, string name, long amount = 4900) => Parse($$"""
        {
          "id": "cus_{{id}}", "email": "{{id}}@web.leeway.test", "name": "{{name}}", "plan": "free", "created": "2025-06-01T10:00:00Z",
          "payment_methods": [{{Card(id)}}],
          "subscriptions": [{{Subscription(id, "past_due", amount)}}],
          "invoices": [{"id": "in_{{id}}", "subscription": "sub_{{id}}", "status": "open", "amount_due": {{amount}}, "currency": "usd",
                        "created": "2026-11-01T00:00:00Z", "due_date": "2026-11-08T00:00:00Z", "attempt_count": 1, "last_payment_error": "insufficient_funds"}],
          "entitlements": [{"feature": "team_workspace", "active": true, "source": "sub_{{id}}"}]
        }
        """);

    /// <summary>A paid subscription invoice charged twice (the second charge is the duplicate).</summary>
    public static JsonObject ChargedTwice(string id, string name, long amount) => Parse($$"""
        {
          "id": "cus_{{id}}", "email": "{{id}}@web.leeway.test", "name": "{{name}}", "plan": "free", "created": "2025-06-01T10:00:00Z",
          "payment_methods": [{{Card(id)}}],
          "subscriptions": [{{Subscription(id, "active", amount)}}],
          "invoices": [{"id": "in_{{id}}", "subscription": "sub_{{id}}", "status": "paid", "amount_due": {{amount}}, "amount_paid": {{amount}}, "currency": "usd",
                        "created": "2026-11-01T00:00:00Z", "attempt_count": 1}],
          "charges": [
            {"id": "ch_{{id}}_1", "amount": {{amount}}, "currency": "usd", "created": "2026-11-01T00:05:00Z", "invoice": "in_{{id}}", "payment_method": "pm_{{id}}", "status": "succeeded", "amount_refunded": 0, "disputed": false},
            {"id": "ch_{{id}}_2", "amount": {{amount}}, "currency": "usd", "created": "2026-11-01T00:06:30Z", "invoice": "in_{{id}}", "payment_method": "pm_{{id}}", "status": "succeeded", "amount_refunded": 0, "disputed": false}
          ],
          "entitlements": [{"feature": "team_workspace", "active": true, "source": "sub_{{id}}"}]
        }
        """);

    /// <summary>Nothing wrong: an active subscription, its invoice paid.</summary>
    public static JsonObject Healthy(string id, string name) => Parse($$"""
        {
          "id": "cus_{{id}}", "email": "{{id}}@web.leeway.test", "name": "{{name}}", "plan": "free", "created": "2025-06-01T10:00:00Z",
          "payment_methods": [{{Card(id)}}],
          "subscriptions": [{{Subscription(id, "active", 2000)}}],
          "invoices": [{"id": "in_{{id}}", "subscription": "sub_{{id}}", "status": "paid", "amount_due": 2000, "amount_paid": 2000, "currency": "usd",
                        "created": "2026-11-01T00:00:00Z", "attempt_count": 1}],
          "charges": [{"id": "ch_{{id}}", "amount": 2000, "currency": "usd", "created": "2026-11-01T00:05:00Z", "invoice": "in_{{id}}", "payment_method": "pm_{{id}}", "status": "succeeded", "amount_refunded": 0, "disputed": false}],
          "entitlements": [{"feature": "team_workspace", "active": true, "source": "sub_{{id}}"}]
        }
        """);

    /// <summary>A subscription set to cancel at the end of its period, a paid invoice and a pending partial refund of its charge.</summary>
    public static JsonObject Cancelling(string id, string name) => Parse($$"""
        {
          "id": "cus_{{id}}", "email": "{{id}}@web.leeway.test", "name": "{{name}}", "plan": "free", "created": "2025-06-01T10:00:00Z",
          "payment_methods": [{{Card(id)}}],
          "subscriptions": [{{Subscription(id, "active", 2000, cancelAtPeriodEnd: true)}}],
          "invoices": [{"id": "in_{{id}}", "subscription": "sub_{{id}}", "status": "paid", "amount_due": 2000, "amount_paid": 2000, "currency": "usd",
                        "created": "2026-11-01T00:00:00Z", "attempt_count": 1}],
          "charges": [{"id": "ch_{{id}}", "amount": 2000, "currency": "usd", "created": "2026-11-01T00:05:00Z", "invoice": "in_{{id}}", "payment_method": "pm_{{id}}", "status": "succeeded", "amount_refunded": 0, "disputed": false}],
          "refunds": [{"id": "re_{{id}}", "charge": "ch_{{id}}", "amount": 500, "status": "pending", "created": "2026-11-05T12:00:00Z"}],
          "entitlements": [{"feature": "team_workspace", "active": true, "source": "sub_{{id}}"}]
        }
        """);

    /// <summary>An invoice finalized and not yet due, nothing failed: nothing is wrong, but money is owed.</summary>
    public static JsonObject Owing(string id, string name, long amount = 4900) => Parse($$"""
        {
          "id": "cus_{{id}}", "email": "{{id}}@web.leeway.test", "name": "{{name}}", "plan": "free", "created": "2025-06-01T10:00:00Z",
          "payment_methods": [{{Card(id)}}],
          "subscriptions": [{{Subscription(id, "active", amount)}}],
          "invoices": [{"id": "in_{{id}}", "subscription": "sub_{{id}}", "status": "open", "amount_due": {{amount}}, "currency": "usd",
                        "created": "2026-11-09T00:00:00Z", "due_date": "2026-11-20T00:00:00Z", "attempt_count": 0}],
          "entitlements": [{"feature": "team_workspace", "active": true, "source": "sub_{{id}}"}]
        }
        """);
}
