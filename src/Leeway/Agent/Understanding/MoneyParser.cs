using System.Globalization;
using System.Text.RegularExpressions;

namespace Leeway.Agent.Understanding;

/// <summary>
/// Finds money in free text and converts it to minor units: "$240" → 24000 usd, "€29,00" → 2900 eur,
/// "1.200,50 €" → 120050 eur, "19.99" → 1999 with no currency. Thousands separators and European decimals
/// are told apart by what follows the separator (three digits: grouping; one or two: decimals).
/// </summary>
internal static partial class MoneyParser
{
    private const string Number = @"\d{1,3}(?:[,.'\u00A0\u202F]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?";

    // A plain space groups thousands only when a currency word follows ("1 200,50 €"); "$15 100 times" is two numbers.
    private const string SpacedNumber = @"\d{1,3}(?:[,.'\u00A0\u202F ]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?";

    [GeneratedRegex(@"(?<![\w$€£¥])(?<cur>US\$|C\$|A\$|[$€£¥]|\b(?:USD|EUR|GBP|CHF|CAD|AUD|JPY)\b)\s?(?<num>" + Number + @")(?![\d,.]?\d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PrefixPattern();

    [GeneratedRegex(@"(?<![\w.,])(?<num>" + SpacedNumber + @")\s?(?<cur>[$€£¥]|usd|eur|gbp|chf|cad|aud|jpy|euros?|dollars?|bucks|pounds?|quid|d[oó]lares|francs?)(?![A-Za-z])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SuffixPattern();

    [GeneratedRegex(@"(?<![\w.,$€£¥-])(?<num>\d{1,6}[.,]\d{2})(?![\d.,]?\d|\s?%)", RegexOptions.CultureInvariant)]
    private static partial Regex BareDecimalPattern();

    public static IReadOnlyList<MoneyMatch> Find(string text)
    {
        var found = new List<MoneyMatch>();
        foreach (var pattern in new[] { PrefixPattern(), SuffixPattern(), BareDecimalPattern() })
        {
            foreach (Match match in pattern.Matches(text))
            {
                if (found.Any(f => match.Index < f.Index + f.Length && f.Index < match.Index + match.Length))
                {
                    continue;
                }

                var currency = match.Groups["cur"].Success ? CurrencyCode(match.Groups["cur"].Value) : null;
                if (ToMinorUnits(match.Groups["num"].Value, currency) is { } amount)
                {
                    found.Add(new MoneyMatch(match.Index, match.Length, new MoneyMention(amount, currency)));
                }
            }
        }

        found.Sort((a, b) => a.Index.CompareTo(b.Index));
        return found;
    }

    /// <summary>Minor units of a written number; null when it does not fit a long.</summary>
    public static long? ToMinorUnits(string number, string? currency)
    {
        var digits = number.Replace(" ", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal)
            .Replace("\u202F", "", StringComparison.Ordinal).Replace("'", "", StringComparison.Ordinal);
        var lastDot = digits.LastIndexOf('.');
        var lastComma = digits.LastIndexOf(',');
        string whole;
        var fraction = "";
        if (lastDot >= 0 && lastComma >= 0)
        {
            var decimalAt = Math.Max(lastDot, lastComma);
            whole = digits[..decimalAt].Replace(".", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal);
            fraction = digits[(decimalAt + 1)..];
        }
        else if (lastDot >= 0 || lastComma >= 0)
        {
            var separator = lastDot >= 0 ? '.' : ',';
            var at = Math.Max(lastDot, lastComma);
            var isGrouping = digits.Count(c => c == separator) > 1 || digits.Length - at - 1 == 3;
            whole = isGrouping ? digits.Replace(separator.ToString(), "", StringComparison.Ordinal) : digits[..at];
            fraction = isGrouping ? "" : digits[(at + 1)..];
        }
        else
        {
            whole = digits;
        }

        if (fraction.Length > 2 || !long.TryParse(whole, NumberStyles.None, CultureInfo.InvariantCulture, out var major))
        {
            return null;
        }

        var minor = fraction.Length == 0 ? 0 : int.Parse(fraction.PadRight(2, '0'), CultureInfo.InvariantCulture);
        if (currency == "jpy")
        {
            return major;
        }

        return major > long.MaxValue / 100 ? null : (major * 100) + minor;
    }

    private static string? CurrencyCode(string written) => written.ToLowerInvariant() switch
    {
        "$" or "us$" or "usd" or "dollar" or "dollars" or "bucks" or "dolares" or "dólares" => "usd",
        "€" or "eur" or "euro" or "euros" => "eur",
        "£" or "gbp" or "pound" or "pounds" or "quid" => "gbp",
        "¥" or "jpy" => "jpy",
        "chf" or "franc" or "francs" => "chf",
        "c$" or "cad" => "cad",
        "a$" or "aud" => "aud",
        _ => null,
    };
}

internal sealed record MoneyMatch(int Index, int Length, MoneyMention Money);
