using System.Globalization;
using Leeway.Agent.Replies;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Leeway.Prevent.Nudges;

/// <summary>
/// The words of a nudge in the customer's language, localized the way Lee's replies are: the words from resources
/// (<c>NudgeSays.resx</c>, one translation per language, read through <see cref="IStringLocalizer"/>), the diagnosis
/// retold by <see cref="LeeExplains"/> (amounts and dates formatted for <see cref="Culture"/>, no Stripe id or raw code).
/// </summary>
internal sealed class NudgeSays
{
    /// <summary>The languages nudges are written in (those Lee answers in).</summary>
    public static readonly IReadOnlyList<string> Languages = ["en", "es", "de", "fr", "pt", "it"];

    private static readonly Lazy<IStringLocalizer<NudgeSays>> Localizer = new(() =>
        new StringLocalizer<NudgeSays>(new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance)));

    private NudgeSays(string language, string? currency)
    {
        Lee = LeeSays.For(language, currency);
        Culture = Lee.Culture;
    }

    public static NudgeSays English { get; } = new("en", null);

    /// <summary>
    /// The customer's language: the first of the Stripe customer's <c>preferred_locales</c> nudges are written in
    /// (https://docs.stripe.com/api/customers/object#customer_object-preferred_locales; <c>de-DE</c> is German,
    /// <c>pt-BR</c> Portuguese), else the language they last wrote to Lee in, else English. The currency picks the
    /// region (<c>pt</c> billed in BRL reads <c>R$ 15,00</c>).
    /// </summary>
    public static NudgeSays For(IEnumerable<string>? preferredLocales, string? conversationLanguage, string? currency)
    {
        var language = (preferredLocales ?? []).Select(Supported).FirstOrDefault(l => l is not null)
            ?? Supported(conversationLanguage)
            ?? "en";
        return new(language, currency);
    }

    /// <summary>Lee's words in the same culture: the diagnosis retold for the customer.</summary>
    public LeeSays Lee { get; }

    public CultureInfo Culture { get; }

    /// <summary>The two-letter language (en, es, de, fr, pt, it).</summary>
    public string Language => Culture.TwoLetterISOLanguageName;

    /// <summary>The resource <paramref name="key"/> in <see cref="Culture"/>, filled with <paramref name="args"/> (formatted text).</summary>
    public string Text(string key, params object?[] args) =>
        LocalizedText.Read(Localizer.Value, "NudgeSays", Culture, key, args);

    /// <summary>The two-letter language of a locale (<c>de-DE</c>, <c>pt_BR</c>, <c>FR</c>) when nudges are written in it.</summary>
    public static string? Supported(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale))
        {
            return null;
        }

        var language = locale.Trim().Split('-', '_')[0].ToLowerInvariant();
        return Languages.Contains(language) ? language : null;
    }
}
