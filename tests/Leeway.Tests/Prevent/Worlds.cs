using System.Text.Json.Nodes;

namespace Leeway.Tests.Prevent;

/// <summary>Small scenario-format worlds for Tier 0 tests: one customer in one kind of trouble.</summary>
internal static class Worlds
{
    public static readonly DateTimeOffset Now = new(2026, 11, 10, 9, 0, 0, TimeSpan.Zero);

    /// <summary>An active subscription whose renewal invoice failed on the default card.</summary>
    /// <param name="preferredLocales">The Stripe customer's <c>preferred_locales</c>, as a JSON array (<c>["de-DE"]</c>).</param>
    public static JsonArray FailedRenewal(string customer, string onCharge, string lastPaymentError, string? nextPaymentAttempt = null, string risk = "normal", int attemptCount = 1, string invoiceStatus = "open", string preferredLocales = "[]", string currency = "usd") =>
        Customers($$"""
        {
          "id": "{{customer}}", "email": "{{customer}}@example.com", "name": "Robin Tester", "risk": "{{risk}}", "preferred_locales": {{preferredLocales}},
          "created": "2025-01-01T00:00:00Z",
          "payment_methods": [ { "id": "pm_{{customer}}", "brand": "visa", "last4": "4000", "exp_month": 9, "exp_year": 2027, "default": true, "on_charge": "{{onCharge}}" } ],
          "subscriptions": [ { "id": "sub_{{customer}}", "status": "past_due", "currency": "{{currency}}", "items": [ { "price": "price_test_team", "quantity": 1, "unit_amount": 4900 } ],
                               "current_period_start": "2026-11-10T00:00:00Z", "current_period_end": "2026-12-10T00:00:00Z", "cancel_at_period_end": false } ],
          "invoices": [ { "id": "in_{{customer}}", "subscription": "sub_{{customer}}", "status": "{{invoiceStatus}}", "amount_due": 4900, "currency": "{{currency}}",
                          "created": "2026-11-10T08:00:00Z", "attempt_count": {{attemptCount}},
                          {{(nextPaymentAttempt is null ? "" : $"\"next_payment_attempt\": \"{nextPaymentAttempt}\",")}}
                          "last_payment_error": "{{lastPaymentError}}" } ]
        }
        """);

    public static JsonArray ExpiredCheckout(string customer) =>
        Customers($$"""
        {
          "id": "{{customer}}", "email": "{{customer}}@example.com", "name": "Sam Tester", "created": "2025-01-01T00:00:00Z",
          "payment_methods": [ { "id": "pm_{{customer}}_wallet", "brand": "visa", "last4": "4242", "exp_month": 9, "exp_year": 2029, "default": false, "on_charge": "succeed" } ],
          "checkout_sessions": [ { "id": "cs_{{customer}}", "mode": "payment", "status": "expired", "expires_at": "2026-11-10T08:30:00Z", "amount_total": 4900, "currency": "usd" } ]
        }
        """);

    public static JsonArray CardExpiringBeforeRenewal(string customer) =>
        Customers($$"""
        {
          "id": "{{customer}}", "email": "{{customer}}@example.com", "name": "Kim Tester", "created": "2025-01-01T00:00:00Z",
          "payment_methods": [
            { "id": "pm_{{customer}}", "brand": "mastercard", "last4": "5100", "exp_month": 11, "exp_year": 2026, "default": true, "on_charge": "succeed" },
            { "id": "pm_{{customer}}_new", "brand": "visa", "last4": "4242", "exp_month": 11, "exp_year": 2030, "default": false, "on_charge": "succeed" } ],
          "subscriptions": [ { "id": "sub_{{customer}}", "status": "active", "items": [ { "price": "price_test_team", "quantity": 1, "unit_amount": 4900 } ],
                               "current_period_start": "2026-11-01T00:00:00Z", "current_period_end": "2026-12-01T00:00:00Z", "cancel_at_period_end": false } ]
        }
        """);

    public static JsonArray Refunded(string customer, string refundStatus) =>
        Customers($$"""
        {
          "id": "{{customer}}", "email": "{{customer}}@example.com", "name": "Alex Tester", "created": "2025-01-01T00:00:00Z",
          "payment_methods": [ { "id": "pm_{{customer}}", "brand": "visa", "last4": "4242", "exp_month": 9, "exp_year": 2028, "default": true, "on_charge": "succeed" } ],
          "charges": [ { "id": "ch_{{customer}}", "amount": 2500, "currency": "usd", "created": "2026-11-09T10:00:00Z", "payment_method": "pm_{{customer}}",
                         "status": "succeeded", "amount_refunded": 2500, "disputed": false, "description": "Add-on" } ],
          "refunds": [ { "id": "re_{{customer}}", "charge": "ch_{{customer}}", "amount": 2500, "status": "{{refundStatus}}", "created": "2026-11-10T08:00:00Z" } ]
        }
        """);

    public static JsonArray Disputed(string customer) =>
        Customers($$"""
        {
          "id": "{{customer}}", "email": "{{customer}}@example.com", "name": "Jo Tester", "created": "2025-01-01T00:00:00Z",
          "payment_methods": [ { "id": "pm_{{customer}}", "brand": "visa", "last4": "4242", "exp_month": 9, "exp_year": 2028, "default": true, "on_charge": "succeed" } ],
          "charges": [ { "id": "ch_{{customer}}", "amount": 9900, "currency": "usd", "created": "2026-11-01T10:00:00Z", "payment_method": "pm_{{customer}}",
                         "status": "succeeded", "amount_refunded": 0, "disputed": true, "description": "Annual plan" } ],
          "disputes": [ { "id": "dp_{{customer}}", "charge": "ch_{{customer}}", "amount": 9900, "status": "needs_response", "reason": "product_not_received", "created": "2026-11-10T08:00:00Z" } ]
        }
        """);

    private static JsonArray Customers(string customer) => [JsonNode.Parse(customer)];
}
