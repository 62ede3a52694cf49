using System.Net;
using System.Text.Json.Nodes;

namespace Leeway.Billing;

/// <summary>
/// An expanded answer carries whole objects (an invoice with its customer, PaymentIntents and subscription). Within a
/// read scope each of them then answers a later plain GET of that object (<c>GET /v1/customers/{id}</c>, no query) as
/// Stripe gave it at that moment, just as a second GET of the same URL would be answered: the gate's and the nudge's read
/// of the customer cost no request after the diagnosis read the customer inside the invoice.
/// </summary>
internal static class EmbeddedObjects
{
    /// <summary>Stripe's <c>object</c> name → the path a plain GET of one reads.</summary>
    private static readonly Dictionary<string, string> Paths = new(StringComparer.Ordinal)
    {
        ["customer"] = "/v1/customers/",
        ["invoice"] = "/v1/invoices/",
        ["payment_intent"] = "/v1/payment_intents/",
        ["subscription"] = "/v1/subscriptions/",
        ["payment_method"] = "/v1/payment_methods/",
        ["charge"] = "/v1/charges/",
    };

    public static void Seed(StripeReadScope.Reads reads, Uri answered, StoredAnswer answer)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(answer.Body);
        }
        catch (System.Text.Json.JsonException)
        {
            return;
        }

        var origin = answered.GetLeftPart(UriPartial.Authority);
        Walk(root, isRoot: true, node =>
        {
            if (node["id"]?.GetValueKind() == System.Text.Json.JsonValueKind.String
                && node["object"]?.GetValueKind() == System.Text.Json.JsonValueKind.String
                && Paths.TryGetValue(node["object"]!.GetValue<string>(), out var path))
            {
                var url = origin + path + Uri.EscapeDataString(node["id"]!.GetValue<string>());
                reads.Seed(url, answer with { Status = HttpStatusCode.OK, Body = System.Text.Encoding.UTF8.GetBytes(node.ToJsonString()) });
            }
        });
    }

    /// <summary>Every object inside the answer (the answer itself is what its own URL already stands for).</summary>
    private static void Walk(JsonNode? node, bool isRoot, Action<JsonObject> visit)
    {
        switch (node)
        {
            case JsonObject obj:
                if (!isRoot)
                {
                    visit(obj);
                }

                foreach (var (_, child) in obj)
                {
                    Walk(child, false, visit);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Walk(child, false, visit);
                }

                break;
        }
    }
}
