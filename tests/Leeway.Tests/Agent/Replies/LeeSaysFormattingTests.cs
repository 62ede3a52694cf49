using System.Globalization;
using Leeway.Agent.Replies;
using Leeway.Billing;

namespace Leeway.Tests.Agent.Replies;

/// <summary>Amounts and dates the way a reader of each language writes them, whatever the currency.</summary>
public sealed class LeeSaysFormattingTests
{
    private const char Nbsp = '\u00A0';

    [Theory]
    [InlineData("en-US", 1500, "usd", "$15.00")]
    [InlineData("en-US", 1500, "eur", "€15.00")]
    [InlineData("en-US", 1200, "chf", "12.00 CHF")]
    [InlineData("en-US", -500, "usd", "-$5.00")]
    [InlineData("en-US", 123456, "usd", "$1,234.56")]
    [InlineData("en-US", 500, "jpy", "¥500")]
    [InlineData("de-DE", 1500, "eur", "15,00 €")]
    [InlineData("de-DE", 123456, "eur", "1.234,56 €")]
    [InlineData("de-DE", 1500, "usd", "15,00 $")]
    [InlineData("es-ES", 1500, "eur", "15,00 €")]
    [InlineData("fr-FR", 1500, "eur", "15,00 €")]
    [InlineData("it-IT", 1500, "eur", "15,00 €")]
    [InlineData("pt-PT", 1500, "eur", "15,00 €")]
    [InlineData("pt-BR", 1500, "brl", "R$ 15,00")]
    [InlineData("de-DE", 500, "jpy", "500 ¥")]
    public void Amounts_follow_the_culture_and_the_currency(string culture, long minor, string currency, string expected)
    {
        var formatted = Money.Format(minor, currency, CultureInfo.GetCultureInfo(culture)).Replace(Nbsp, ' ').Replace('\u202F', ' ');
        Assert.Equal(expected, formatted);
    }

    [Theory]
    [InlineData("en", "eur", "€15.00", "December 1, 2026")]
    [InlineData("es", "eur", "15,00 €", "1 de diciembre de 2026")]
    [InlineData("de", "eur", "15,00 €", "1. Dezember 2026")]
    [InlineData("fr", "eur", "15,00 €", "1 décembre 2026")]
    [InlineData("pt", "eur", "15,00 €", "1 de dezembro de 2026")]
    [InlineData("pt", "brl", "R$ 15,00", "1 de dezembro de 2026")]
    [InlineData("it", "eur", "15,00 €", "1 dicembre 2026")]
    [InlineData("en", "usd", "$15.00", "December 1, 2026")]
    public void Lee_writes_amounts_and_dates_for_the_customers_language(string language, string currency, string amount, string date)
    {
        var say = LeeSays.For(language, currency);
        Assert.Equal(amount, say.Amount(1500, currency).Replace(Nbsp, ' '));
        Assert.Equal(date, say.Date(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData("en", "visa", "4242", "Visa ending in 4242")]
    [InlineData("es", "visa", "4242", "tarjeta Visa terminada en 4242")]
    [InlineData("es", null, "4242", "tarjeta terminada en 4242")]
    [InlineData("de", "mastercard", "4444", "Karte Mastercard mit den Endziffern 4444")]
    [InlineData("fr", "visa", null, "carte Visa")]
    public void Cards_are_named_in_the_customers_language(string language, string? brand, string? last4, string expected) =>
        Assert.Equal(expected, LeeSays.For(language).Card(brand, last4));

    [Theory]
    [InlineData("api_calls", "API calls")]
    [InlineData("sso", "SSO")]
    [InlineData("extra-seats", "extra seats")]
    public void Codes_become_names(string code, string expected) => Assert.Equal(expected, LeeSays.Humanize(code));

    [Fact]
    public void An_excerpt_ends_on_a_sentence_in_whole_paragraphs()
    {
        var body = "A refund sends money back to the card that paid, e.g. your Visa. It takes 5 to 10 business days.\n\n"
            + string.Concat(Enumerable.Repeat("Banks show refunds at different speeds, and some show them as a pending credit first. ", 6))
            + "\n\n- a list item";
        var excerpt = LeeSays.Excerpt(body);

        Assert.Equal("A refund sends money back to the card that paid, e.g. your Visa. It takes 5 to 10 business days.", excerpt);

        var long1 = string.Concat(Enumerable.Repeat("One long sentence about refunds and cards and banks. ", 12));
        var cut = LeeSays.Excerpt(long1);
        Assert.True(cut.Length <= 400 && cut.EndsWith('.'), cut);
    }
}
