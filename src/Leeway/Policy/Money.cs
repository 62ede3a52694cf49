using System.Globalization;

namespace Leeway.Policy;

/// <summary>Minor units shown as people read them in denials: <c>$240.00</c>, <c>€20.00</c>, <c>¥500</c>, <c>12.00 CHF</c>.</summary>
internal static class Money
{
    private static readonly HashSet<string> ZeroDecimal =
        ["bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof", "xpf"];

    public static string Format(long minor, string? currency)
    {
        var code = (currency ?? "usd").ToLowerInvariant();
        var amount = ZeroDecimal.Contains(code)
            ? minor.ToString("#,0", CultureInfo.InvariantCulture)
            : (minor / 100m).ToString("#,0.00", CultureInfo.InvariantCulture);
        return code switch
        {
            "usd" => "$" + amount,
            "eur" => "€" + amount,
            "gbp" => "£" + amount,
            "jpy" => "¥" + amount,
            _ => $"{amount} {code.ToUpperInvariant()}",
        };
    }
}
