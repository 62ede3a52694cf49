using System.Globalization;
using Leeway.Agent.Replies;
using Leeway.Billing;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Leeway.SelfHeal;

/// <summary>
/// Everything the customer's pages say, in the customer's language, the way Lee's replies are localized: the words from
/// resources (<c>MeterSays.resx</c>, one translation per language, read through <see cref="IStringLocalizer"/>), amounts
/// and days formatted for <see cref="Culture"/> (<see cref="ReplyCulture"/>). No Stripe id or raw code goes into a string
/// here: invoices are named by the number Stripe prints on them, cards by brand and last four digits.
/// </summary>
internal sealed class MeterSays
{
    /// <summary>The languages the pages speak (those Lee answers in).</summary>
    public static readonly IReadOnlyList<string> Languages = ["en", "es", "de", "fr", "pt", "it"];

    private static readonly Lazy<IStringLocalizer<MeterSays>> Localizer = new(() =>
        new StringLocalizer<MeterSays>(new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance)));

    private MeterSays(CultureInfo culture) => Culture = culture;

    public static MeterSays English { get; } = new(ReplyCulture.For("en"));

    public CultureInfo Culture { get; }

    /// <summary>The two-letter language, for <c>&lt;html lang&gt;</c>.</summary>
    public string Language => Culture.TwoLetterISOLanguageName;

    /// <summary>
    /// The customer's language: the first of Stripe's <c>preferred_locales</c> the pages speak, else the browser's
    /// <c>Accept-Language</c> (in its order of preference), else English; the currency picks the region (en-GB for gbp).
    /// </summary>
    public static MeterSays For(IEnumerable<string>? preferredLocales, string? acceptLanguage, string? currency)
    {
        foreach (var locale in preferredLocales ?? [])
        {
            if (Supported(locale) is { } language)
            {
                return new(ReplyCulture.For(language, currency));
            }
        }

        var accepted = (acceptLanguage ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select((part, i) =>
            {
                var pieces = part.Split(';', StringSplitOptions.TrimEntries);
                var q = pieces.Skip(1).FirstOrDefault(p => p.StartsWith("q=", StringComparison.Ordinal)) is { } weight
                    && double.TryParse(weight[2..], NumberStyles.Float, CultureInfo.InvariantCulture, out var w) ? w : 1.0;
                return (Language: Supported(pieces[0]), Q: q, Order: i);
            })
            .Where(a => a.Language is not null && a.Q > 0)
            .OrderByDescending(a => a.Q).ThenBy(a => a.Order)
            .Select(a => a.Language)
            .FirstOrDefault();
        return new(ReplyCulture.For(accepted ?? "en", currency));
    }

    /// <summary>The resource <paramref name="key"/> in <see cref="Culture"/>, filled with <paramref name="args"/> (formatted text).</summary>
    public string this[string key, params object?[] args] => Text(key, args);

    public string Text(string key, params object?[] args) =>
        LocalizedText.Read(Localizer.Value, "MeterSays", Culture, key, args);

    /// <summary>Whether the resources hold <paramref name="key"/> (a status or root cause the page may not know yet).</summary>
    public bool Has(string key)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = Culture;
        try
        {
            return !Localizer.Value[key].ResourceNotFound;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    /// <summary>An amount in minor units as a reader of this language writes it (<c>$49.00</c>, <c>49,00 €</c>).</summary>
    public string Amount(long minorUnits, string? currency) => Money.Format(minorUnits, currency, Culture);

    /// <summary>
    /// A day as this language writes it (<c>December 1, 2026</c>, <c>1. Dezember 2026</c>). Rendered on the server in UTC;
    /// the page's script rewrites every <c>&lt;time data-local&gt;</c> in the reader's own time zone.
    /// </summary>
    public string Day(DateTimeOffset time) => time.UtcDateTime.ToString(Text("Format.Day"), Culture);

    /// <summary>A day and time (<c>December 1, 2026 09:30</c>), UTC on the server, local in the browser.</summary>
    public string DayTime(DateTimeOffset time) => $"{Day(time)} {time.UtcDateTime.ToString(Culture.DateTimeFormat.ShortTimePattern, Culture)}";

    /// <summary>A card as its owner names it: <c>Visa ending in 4242</c>.</summary>
    public string Card(string? brand, string? last4) =>
        string.IsNullOrEmpty(last4) ? CardFormat.Brand(brand) : Text("Card.Name", CardFormat.Brand(brand), last4);

    private static string? Supported(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale))
        {
            return null;
        }

        var language = locale.Trim().Split('-', '_')[0].ToLowerInvariant();
        return Languages.Contains(language) ? language : null;
    }
}
