using System.Globalization;

namespace Leeway.Agent.Replies;

/// <summary>
/// The culture Lee formats a reply in: the customer's language (en, es, de, fr, pt, it), with the region their
/// currency points to where the language is spoken there (a Portuguese speaker billed in BRL reads <c>R$ 15,00</c>,
/// one billed in EUR <c>15,00 €</c>), else the language's usual region.
/// </summary>
internal static class ReplyCulture
{
    private static readonly Dictionary<string, string> DefaultRegion = new(StringComparer.Ordinal)
    {
        ["en"] = "en-US",
        ["es"] = "es-ES",
        ["de"] = "de-DE",
        ["fr"] = "fr-FR",
        ["pt"] = "pt-PT",
        ["it"] = "it-IT",
    };

    private static readonly Dictionary<(string Language, string Currency), string> ByCurrency = new()
    {
        [("en", "gbp")] = "en-GB",
        [("en", "eur")] = "en-IE",
        [("en", "cad")] = "en-CA",
        [("en", "aud")] = "en-AU",
        [("en", "nzd")] = "en-NZ",
        [("es", "mxn")] = "es-MX",
        [("es", "usd")] = "es-US",
        [("es", "ars")] = "es-AR",
        [("es", "cop")] = "es-CO",
        [("es", "clp")] = "es-CL",
        [("de", "chf")] = "de-CH",
        [("fr", "chf")] = "fr-CH",
        [("fr", "cad")] = "fr-CA",
        [("it", "chf")] = "it-CH",
        [("pt", "brl")] = "pt-BR",
        [("pt", "usd")] = "pt-BR",
    };

    /// <summary>The culture for <paramref name="language"/> (two letters; anything else is English) and the customer's currency.</summary>
    public static CultureInfo For(string? language, string? currency = null)
    {
        var lang = language is not null && DefaultRegion.ContainsKey(language) ? language : "en";
        var code = string.IsNullOrWhiteSpace(currency) ? "" : currency.Trim().ToLowerInvariant();
        var name = ByCurrency.GetValueOrDefault((lang, code)) ?? DefaultRegion[lang];
        return CultureInfo.GetCultureInfo(name);
    }
}
