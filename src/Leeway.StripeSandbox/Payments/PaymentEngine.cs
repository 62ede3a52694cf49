using System.Text.Json.Nodes;
using Leeway.StripeSandbox.Objects;
using Leeway.StripeSandbox.Wire;

namespace Leeway.StripeSandbox.Payments;

/// <summary>Charge attempts: a payment intent confirmed with a card does what the card's <c>on_charge</c> says, every time.</summary>
internal static class PaymentEngine
{
    public static PaymentIntent NewIntent(World world, long amount, string currency, string? customer, string? description, string? invoice)
    {
        var id = StripeIds.New("pi_");
        var intent = world.Add(new PaymentIntent
        {
            Id = id,
            Created = world.Now,
            Amount = amount,
            Currency = currency,
            Customer = customer,
            Description = description,
            Invoice = invoice,
            ClientSecret = $"{id}_secret_{StripeIds.New("", 25)}",
        });
        world.Emit("payment_intent.created", intent);
        return intent;
    }

    /// <summary>Confirms <paramref name="intent"/> with <paramref name="card"/>; state and events change whatever the outcome.</summary>
    public static AttemptResult Confirm(World world, PaymentIntent intent, PaymentMethod card)
    {
        intent.PaymentMethod = card.Id;
        var behaviour = card.OnCharge;
        if (behaviour.Kind == "requires_authentication")
        {
            var decline = Decline.For("authentication_required");
            intent.Status = "requires_action";
            intent.NextAction = new JsonObject
            {
                ["type"] = "use_stripe_sdk",
                ["use_stripe_sdk"] = new JsonObject
                {
                    ["type"] = "three_d_secure_redirect",
                    ["stripe_js"] = $"{world.BaseUrl}/3ds/{intent.Id}",
                    ["source"] = StripeIds.New("src_"),
                },
            };
            intent.LastPaymentError = ErrorJson(decline, null);
            intent.LastPaymentErrorMethod = card.Id;
            world.Emit("payment_intent.requires_action", intent);
            return new AttemptResult("requires_action", null, decline);
        }

        if (behaviour.Declines)
        {
            var decline = Decline.For(behaviour.DeclineCode!);
            var charge = NewCharge(world, intent, card, "failed");
            charge.FailureCode = decline.Code;
            charge.FailureMessage = decline.Message;
            charge.Outcome = decline.Outcome();
            intent.Status = "requires_payment_method";
            intent.PaymentMethod = null;
            intent.NextAction = null;
            intent.LatestCharge = charge.Id;
            intent.LastPaymentError = ErrorJson(decline, charge.Id);
            intent.LastPaymentErrorMethod = card.Id;
            world.Emit("charge.failed", charge);
            world.Emit("payment_intent.payment_failed", intent);
            return new AttemptResult("declined", charge, decline);
        }

        return new AttemptResult("succeeded", Succeed(world, intent, card), null);
    }

    /// <summary>A successful charge on the intent (also what completing 3-D Secure leads to).</summary>
    public static Charge Succeed(World world, PaymentIntent intent, PaymentMethod card)
    {
        var charge = NewCharge(world, intent, card, "succeeded");
        charge.BalanceTransaction = StripeIds.New("txn_");
        charge.Outcome = new JsonObject
        {
            ["advice_code"] = null,
            ["network_advice_code"] = null,
            ["network_decline_code"] = null,
            ["network_status"] = "approved_by_network",
            ["reason"] = null,
            ["risk_level"] = "normal",
            ["risk_score"] = 20,
            ["seller_message"] = "Payment complete.",
            ["type"] = "authorized",
        };
        intent.PaymentMethod = card.Id;
        intent.Status = "succeeded";
        intent.AmountReceived = intent.Amount;
        intent.LatestCharge = charge.Id;
        intent.LastPaymentError = null;
        intent.LastPaymentErrorMethod = null;
        intent.NextAction = null;
        world.Emit("charge.succeeded", charge);
        world.Emit("payment_intent.succeeded", intent);
        return charge;
    }

    /// <summary>Stripe's 402 for a declined confirmation, carrying the intent as it now is.</summary>
    public static ApiException CardError(World world, PaymentIntent intent, AttemptResult attempt, PaymentMethod card, string? code = null, string? message = null)
    {
        var decline = attempt.Decline!;
        return new ApiException(402, "card_error", message ?? decline.Message)
        {
            Code = code ?? decline.Code,
            DeclineCode = code is null ? decline.DeclineCode : null,
            ChargeId = attempt.Charge?.Id,
            PaymentIntent = world.Render(intent),
            PaymentMethod = world.Render(card),
            Stored = true,
        };
    }

    private static Charge NewCharge(World world, PaymentIntent intent, PaymentMethod card, string status) =>
        world.Add(new Charge
        {
            Id = StripeIds.New("ch_"),
            Created = world.Now,
            Amount = intent.Amount,
            Currency = intent.Currency,
            Customer = intent.Customer,
            PaymentIntent = intent.Id,
            PaymentMethod = card.Id,
            Card = CardSnapshot.Of(card),
            Status = status,
            Description = intent.Description,
        });

    public static JsonObject ErrorJson(Decline decline, string? chargeId)
    {
        var error = new JsonObject
        {
            ["type"] = "card_error",
            ["code"] = decline.Code,
            ["decline_code"] = decline.DeclineCode,
            ["message"] = decline.Message,
            ["doc_url"] = $"https://stripe.com/docs/error-codes/{decline.Code.Replace('_', '-')}",
        };
        if (chargeId is not null)
        {
            error["charge"] = chargeId;
        }

        return error;
    }
}
