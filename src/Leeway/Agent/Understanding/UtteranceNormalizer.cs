using System.Text;
using System.Text.RegularExpressions;

namespace Leeway.Agent.Understanding;

/// <summary>
/// What the intent model reads: the message with its specifics replaced by their kind ("$240" → "zamount",
/// "ch_3Mx…" → "zchargeid", "lea@example.com" → "zemail", long digit runs → "znumber"), so the model learns
/// that a charge id was mentioned, not which one, and never keys on a number it happened to see in training.
/// </summary>
internal static partial class UtteranceNormalizer
{
    public static string ForModel(string text)
    {
        var builder = new StringBuilder(text.Length + 16);
        var at = 0;
        foreach (var money in MoneyParser.Find(text))
        {
            builder.Append(text, at, money.Index - at).Append(" zamount ");
            at = money.Index + money.Length;
        }

        builder.Append(text, at, text.Length - at);
        var result = EntityExtractor.EmailPattern().Replace(builder.ToString(), " zemail ");
        result = EntityExtractor.ObjectIdPattern().Replace(result, m => " z" + IdKind(m.Value) + " ");
        return LongNumberPattern().Replace(result, " znumber ");
    }

    private static string IdKind(string id) => id[..id.IndexOf('_', StringComparison.Ordinal)] switch
    {
        "in" => "invoiceid",
        "ch" or "py" => "chargeid",
        "re" => "refundid",
        "sub" => "subscriptionid",
        "cs" => "checkoutid",
        "dp" => "disputeid",
        "pm" or "card" or "src" => "cardid",
        "pi" => "paymentid",
        "cus" => "customerid",
        _ => "objectid",
    };

    [GeneratedRegex(@"\d{3,}")]
    private static partial Regex LongNumberPattern();
}
