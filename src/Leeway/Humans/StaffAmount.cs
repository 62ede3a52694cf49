using System.Globalization;
using System.Text.RegularExpressions;
using Leeway.Billing;

namespace Leeway.Humans;

/// <summary>
/// An amount a person types in currency units (<c>12.50</c>, <c>1,250.00</c>, <c>¥1200</c> for JPY) as integer minor
/// units per the currency's exponent (<see cref="Money.Decimals"/>: 2 for USD, 0 for JPY, 3 for KWD). More decimals than
/// the currency has is an error, never a silent rounding: money moves exactly as typed or not at all.
/// </summary>
internal static partial class StaffAmount
{
    /// <returns>The amount in minor units, or null with <paramref name="error"/> saying what is wrong with the text.</returns>
    public static long? Parse(string? text, string currency, out string? error)
    {
        error = null;
        var code = currency.Trim().ToLowerInvariant();
        var decimals = Money.Decimals(code);
        var cleaned = (text ?? "").Trim();
        var match = Amount().Match(cleaned);
        if (!match.Success)
        {
            error = $"'{cleaned}' is not an amount in {code.ToUpperInvariant()}: type it in currency units, e.g. {Example(decimals)}.";
            return null;
        }

        var whole = match.Groups["whole"].Value.Replace(",", "", StringComparison.Ordinal);
        var fraction = match.Groups["fraction"].Value;
        if (fraction.Length > decimals)
        {
            error = decimals == 0
                ? $"{code.ToUpperInvariant()} has no minor unit: '{cleaned}' must be a whole number, e.g. {Example(decimals)}."
                : $"{code.ToUpperInvariant()} has {decimals} decimals: '{cleaned}' has {fraction.Length}.";
            return null;
        }

        if (whole.Length > 12)
        {
            error = $"'{cleaned}' is too large an amount.";
            return null;
        }

        var minor = long.Parse(whole, CultureInfo.InvariantCulture) * Pow10(decimals)
            + (fraction.Length == 0 ? 0 : long.Parse(fraction.PadRight(decimals, '0'), CultureInfo.InvariantCulture));
        if (minor <= 0)
        {
            error = $"The amount must be more than zero (got '{cleaned}').";
            return null;
        }

        return minor;
    }

    /// <summary>Minor units as a person types them back: <c>12.50</c>, <c>1200</c>.</summary>
    public static string Format(long minor, string currency)
    {
        var decimals = Money.Decimals(currency);
        return decimals == 0 ? minor.ToString(CultureInfo.InvariantCulture) : (minor / (decimal)Pow10(decimals)).ToString("F" + decimals, CultureInfo.InvariantCulture);
    }

    private static string Example(int decimals) => decimals switch
    {
        0 => "1200",
        3 => "12.500",
        _ => "12.50",
    };

    private static long Pow10(int n)
    {
        var result = 1L;
        for (var i = 0; i < n; i++)
        {
            result *= 10;
        }

        return result;
    }

    // An optional currency sign, digits with optional thousands commas, an optional decimal point and fraction.
    [GeneratedRegex(@"^[^\d\s.,-]{0,3}\s?(?<whole>\d{1,3}(,\d{3})+|\d+)(\.(?<fraction>\d+))?$")]
    private static partial Regex Amount();
}
