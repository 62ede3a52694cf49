using System.Collections.Frozen;

namespace Leeway.Billing;

/// <summary>A card as a person names it: <c>Visa ending in 4242</c>.</summary>
internal static class CardFormat
{
    private static readonly FrozenDictionary<string, string> Brands = new Dictionary<string, string>
    {
        ["visa"] = "Visa",
        ["mastercard"] = "Mastercard",
        ["amex"] = "American Express",
        ["american_express"] = "American Express",
        ["discover"] = "Discover",
        ["diners"] = "Diners Club",
        ["jcb"] = "JCB",
        ["unionpay"] = "UnionPay",
        ["cartes_bancaires"] = "Cartes Bancaires",
        ["eftpos_au"] = "eftpos",
        ["interac"] = "Interac",
    }.ToFrozenDictionary();

    public static string Brand(string? brand)
    {
        if (string.IsNullOrWhiteSpace(brand) || brand.Equals("unknown", StringComparison.OrdinalIgnoreCase))
        {
            return "card";
        }

        var key = brand.Trim().ToLowerInvariant();
        return Brands.TryGetValue(key, out var name) ? name : char.ToUpperInvariant(key[0]) + key[1..].Replace('_', ' ');
    }

    /// <summary><c>Visa ending in 4242</c>, or just the brand when the last four digits are unknown.</summary>
    public static string Name(string? brand, string? last4) =>
        string.IsNullOrWhiteSpace(last4) ? Brand(brand) : $"{Brand(brand)} ending in {last4}";

    /// <summary>As <see cref="Name"/>, but <c>your Visa</c> when the last four digits are unknown (a sentence's object).</summary>
    public static string Describe(string? brand, string? last4) =>
        string.IsNullOrWhiteSpace(last4) ? $"your {Brand(brand)}" : $"{Brand(brand)} ending in {last4}";
}
