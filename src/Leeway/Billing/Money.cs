using System.Collections.Frozen;
using System.Globalization;

namespace Leeway.Billing;

/// <summary>Amounts in minor units, dates and cards, shown the way a customer reads them: <c>$20.00</c>, <c>€29.00</c>, <c>¥500</c>, <c>12.00 CHF</c>.</summary>
internal static class Money
{
    // Stripe's zero- and three-decimal currencies (docs: currencies#zero-decimal); all others have two decimals.
    private static readonly FrozenSet<string> ZeroDecimal =
        new[] { "bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof", "xpf" }.ToFrozenSet();

    private static readonly FrozenSet<string> ThreeDecimal = new[] { "bhd", "jod", "kwd", "omr", "tnd" }.ToFrozenSet();

    private static readonly FrozenDictionary<string, string> Symbols = new Dictionary<string, string>
    {
        ["usd"] = "$",
        ["eur"] = "€",
        ["gbp"] = "£",
        ["jpy"] = "¥",
        ["cny"] = "CN¥",
        ["inr"] = "₹",
        ["krw"] = "₩",
        ["ils"] = "₪",
        ["cad"] = "CA$",
        ["aud"] = "A$",
        ["nzd"] = "NZ$",
        ["hkd"] = "HK$",
        ["sgd"] = "S$",
        ["mxn"] = "MX$",
        ["brl"] = "R$",
    }.ToFrozenDictionary();

    public static int Decimals(string? currency)
    {
        var code = Normalize(currency);
        return ZeroDecimal.Contains(code) ? 0 : ThreeDecimal.Contains(code) ? 3 : 2;
    }

    /// <summary>Formats an amount in minor units; an unknown or missing currency is shown by its code (<c>12.00 CHF</c>).</summary>
    public static string Format(long minorUnits, string? currency)
    {
        var code = Normalize(currency);
        var decimals = Decimals(code);
        var major = minorUnits / (decimal)Pow10(decimals);
        var number = Math.Abs(major).ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var sign = minorUnits < 0 ? "-" : "";
        return Symbols.TryGetValue(code, out var symbol)
            ? $"{sign}{symbol}{number}"
            : $"{sign}{number} {code.ToUpperInvariant()}";
    }

    /// <summary>
    /// Formats an amount in minor units the way a reader of <paramref name="culture"/> writes money: <c>$15.00</c> in
    /// en-US, <c>15,00 €</c> in de-DE, <c>R$ 15,00</c> in pt-BR. The currency decides the symbol and the decimals
    /// (Stripe's), the culture the separators and where the symbol goes; a currency without a symbol shows its code.
    /// </summary>
    public static string Format(long minorUnits, string? currency, CultureInfo culture)
    {
        var code = Normalize(currency);
        var decimals = Decimals(code);
        var format = (NumberFormatInfo)culture.NumberFormat.Clone();
        format.CurrencyDecimalDigits = decimals;
        if (Symbols.TryGetValue(code, out var symbol))
        {
            format.CurrencySymbol = symbol;
        }
        else
        {
            // A code written before the number is read as part of it ("CHF12.00"): where the culture puts the symbol
            // first with no space, the code goes after, as the culture-free form did (12.00 CHF).
            format.CurrencySymbol = code.ToUpperInvariant();
            if (format.CurrencyPositivePattern == 0)
            {
                format.CurrencyPositivePattern = 3;
                format.CurrencyNegativePattern = 8;
            }
        }

        return (minorUnits / (decimal)Pow10(decimals)).ToString("C", format);
    }

    private static string Normalize(string? currency) => string.IsNullOrWhiteSpace(currency) ? "usd" : currency.Trim().ToLowerInvariant();

    private static long Pow10(int exponent)
    {
        long value = 1;
        for (var i = 0; i < exponent; i++)
        {
            value *= 10;
        }

        return value;
    }

    /// <summary>A date as a customer reads it, e.g. "December 1, 2026".</summary>
    public static string Date(DateTimeOffset time) => time.UtcDateTime.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture);
}
