using System.Text.Json.Nodes;

namespace Leeway.StripeSandbox.Objects;

/// <summary>The card as it was when a charge was made (the payment method may change or go away later).</summary>
internal sealed record CardSnapshot(string Brand, string Last4, long ExpMonth, long ExpYear, string Funding, string Country, string Fingerprint)
{
    public static CardSnapshot Of(PaymentMethod pm) => new(pm.Brand, pm.Last4, pm.ExpMonth, pm.ExpYear, pm.Funding, pm.Country, pm.Fingerprint);

    public JsonObject ChargeDetails(long amount, bool succeeded) => new()
    {
        ["card"] = new JsonObject
        {
            ["amount_authorized"] = succeeded ? amount : null,
            ["authorization_code"] = null,
            ["brand"] = Brand,
            ["checks"] = new JsonObject { ["address_line1_check"] = null, ["address_postal_code_check"] = null, ["cvc_check"] = "pass" },
            ["country"] = Country,
            ["electronic_commerce_indicator"] = null,
            ["exp_month"] = ExpMonth,
            ["exp_year"] = ExpYear,
            ["extended_authorization"] = new JsonObject { ["status"] = "disabled" },
            ["fingerprint"] = Fingerprint,
            ["funding"] = Funding,
            ["incremental_authorization"] = new JsonObject { ["status"] = "unavailable" },
            ["installments"] = null,
            ["last4"] = Last4,
            ["mandate"] = null,
            ["multicapture"] = new JsonObject { ["status"] = "unavailable" },
            ["network"] = Brand,
            ["network_token"] = new JsonObject { ["used"] = false },
            ["network_transaction_id"] = null,
            ["overcapture"] = new JsonObject { ["maximum_amount_capturable"] = amount, ["status"] = "unavailable" },
            ["regulated_status"] = "unregulated",
            ["three_d_secure"] = null,
            ["transaction_link_id"] = null,
            ["wallet"] = null,
        },
        ["type"] = "card",
    };
}
