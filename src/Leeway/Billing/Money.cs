using System.Globalization;

namespace Leeway.Billing;

/// <summary>Amounts in minor units, shown the way a customer reads them: <c>$20.00</c>, <c>€29.00</c>, <c>¥500</c>.</summary>
public static class Money
{
    private static readonly HashSet<string> ZeroDecimal = ["bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof", "xpf"];

    private static readonly Dictionary<string, string> Symbols = new()
    {
        ["usd"] = "$", ["eur"] = "€", ["gbp"] = "£", ["jpy"] = "¥", ["cad"] = "CA$", ["aud"] = "A$", ["chf"] = "CHF ", ["inr"] = "₹",
    };

    public static string Format(long minorUnits, string? currency)
    {
        var code = (currency ?? "usd").ToLowerInvariant();
        var zeroDecimal = ZeroDecimal.Contains(code);
        var major = zeroDecimal ? minorUnits : minorUnits / 100m;
        var number = major.ToString(zeroDecimal ? "#,0" : "#,0.00", CultureInfo.InvariantCulture);
        return Symbols.TryGetValue(code, out var symbol) ? $"{symbol}{number}" : $"{number} {code.ToUpperInvariant()}";
    }

    /// <summary>A date as a customer reads it, e.g. "December 1, 2026".</summary>
    public static string Date(DateTimeOffset time) => time.UtcDateTime.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture);

    /// <summary>"Visa ending in 4242".</summary>
    public static string Card(string? brand, string? last4)
    {
        var name = brand?.ToLowerInvariant() switch
        {
            "visa" => "Visa",
            "mastercard" => "Mastercard",
            "amex" => "American Express",
            "discover" => "Discover",
            "jcb" => "JCB",
            "diners" => "Diners Club",
            "unionpay" => "UnionPay",
            null or "" => "card",
            var other => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(other),
        };
        return last4 is null ? name : $"{name} ending in {last4}";
    }
}
