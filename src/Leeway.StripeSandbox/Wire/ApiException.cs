using System.Text.Json.Nodes;

namespace Leeway.StripeSandbox.Wire;

/// <summary>A Stripe API error: becomes Stripe's envelope <c>{"error":{...}}</c> with <see cref="Status"/>.</summary>
internal sealed class ApiException(int status, string type, string message) : Exception(message)
{
    public int Status { get; } = status;

    public string Type { get; } = type;

    public string? Code { get; init; }

    public string? DeclineCode { get; init; }

    public string? Param { get; init; }

    public string? ChargeId { get; init; }

    public JsonObject? PaymentIntent { get; init; }

    public JsonObject? PaymentMethod { get; init; }

    /// <summary>Set when the error still changed state (a decline): it is replayed under its idempotency key.</summary>
    public bool Stored { get; init; }

    public static ApiException InvalidRequest(string message, string? param = null, string? code = null) =>
        new(400, "invalid_request_error", message) { Param = param, Code = code };

    public static ApiException Missing(string kind, string id, string param = "id") =>
        new(404, "invalid_request_error", $"No such {kind}: '{id}'") { Code = "resource_missing", Param = param };

    public JsonObject ToEnvelope(string requestId)
    {
        var error = new JsonObject
        {
            ["type"] = Type,
            ["message"] = Message,
            ["request_log_url"] = $"https://dashboard.stripe.com/test/logs/{requestId}",
        };
        if (Code is not null)
        {
            error["code"] = Code;
            error["doc_url"] = $"https://stripe.com/docs/error-codes/{Code.Replace('_', '-')}";
        }

        if (DeclineCode is not null)
        {
            error["decline_code"] = DeclineCode;
        }

        if (Param is not null)
        {
            error["param"] = Param;
        }

        if (ChargeId is not null)
        {
            error["charge"] = ChargeId;
        }

        if (PaymentIntent is not null)
        {
            error["payment_intent"] = PaymentIntent.DeepClone();
        }

        if (PaymentMethod is not null)
        {
            error["payment_method"] = PaymentMethod.DeepClone();
        }

        return new JsonObject { ["error"] = error };
    }
}
