using Leeway.Agent.Understanding;

namespace Leeway.Tests.Agent.Understanding;

public sealed class EntityExtractorTests
{
    private static readonly DateOnly Today = new(2026, 11, 20);

    [Theory]
    [InlineData("You charged me $240 for usage", 24000L, "usd")]
    [InlineData("it was 240 USD", 24000L, "usd")]
    [InlineData("USD 86.00 this month", 8600L, "usd")]
    [InlineData("€29,00 für das Paket", 2900L, "eur")]
    [InlineData("29 euros por el add-on", 2900L, "eur")]
    [InlineData("can you charge the $12 now", 1200L, "usd")]
    [InlineData("the total was 19.99", 1999L, null)]
    [InlineData("un cargo de 1.200,50 € en mi tarjeta", 120050L, "eur")]
    [InlineData("we were billed $1,200 for seats", 120000L, "usd")]
    [InlineData("$1,234.56 is way too much", 123456L, "usd")]
    [InlineData("1 200,50 € prélevés", 120050L, "eur")]
    [InlineData("£12.5 for nothing", 1250L, "gbp")]
    [InlineData("give me back the 15 quid", 1500L, "gbp")]
    [InlineData("45 bucks a month", 4500L, "usd")]
    [InlineData("Der Betrag war 1.200 EUR", 120000L, "eur")]
    [InlineData("je veux récupérer 49,99€", 4999L, "eur")]
    public void Reads_an_amount_into_minor_units(string text, long amount, string? currency)
    {
        var entities = EntityExtractor.Extract(text);
        Assert.Equal(new[] { new MoneyMention(amount, currency) }, entities.Amounts);
    }

    [Fact]
    public void Reads_every_amount_in_order()
    {
        var entities = EntityExtractor.Extract("My October API bill came to $86.00 and it's normally about $60.");
        Assert.Equal(new[] { new MoneyMention(8600, "usd"), new MoneyMention(6000, "usd") }, entities.Amounts);
    }

    [Theory]
    [InlineData("I have 3 seats and 100 GB of storage")]
    [InlineData("invoice 2026-11-01 and card ending 4242")]
    [InlineData("on 8.11.2026 I paid")]
    [InlineData("charge it $15 100 times")]
    public void Does_not_take_plain_numbers_dates_or_card_digits_for_money(string text)
    {
        var amounts = EntityExtractor.Extract(text).Amounts;
        Assert.DoesNotContain(amounts, a => a.Currency is null && a.Amount > 0);
        Assert.DoesNotContain(amounts, a => a.Amount == 1510000);
    }

    [Fact]
    public void Finds_stripe_object_ids_of_every_kind()
    {
        var text = "refund ch_3MxAbc9 on in_1NxY2z (pi_77, re_ab1, cs_test_a1, sub_9Q, cus_jon, dp_x1, pm_card_visa, py_55), not charge_me";
        var ids = EntityExtractor.Extract(text).ObjectIds;
        Assert.Equal(new[] { "ch_3MxAbc9", "in_1NxY2z", "pi_77", "re_ab1", "cs_test_a1", "sub_9Q", "cus_jon", "dp_x1", "pm_card_visa", "py_55" }, ids);
    }

    [Fact]
    public void Keeps_ids_with_underscores_whole_and_drops_trailing_punctuation()
    {
        var ids = EntityExtractor.Extract("What does she owe on invoice in_lea_nov? Refund charge ch_jon_nov.").ObjectIds;
        Assert.Equal(new[] { "in_lea_nov", "ch_jon_nov" }, ids);
    }

    [Fact]
    public void Finds_emails()
    {
        var emails = EntityExtractor.Extract("I manage billing for lea@example.com, cc finance.team@acme.co.uk.").Emails;
        Assert.Equal(new[] { "lea@example.com", "finance.team@acme.co.uk" }, emails);
    }

    [Theory]
    [InlineData("The Visa ending 4242 is fine", "4242")]
    [InlineData("use the card ending in 1881", "1881")]
    [InlineData("last four 5555", "5555")]
    [InlineData("the last 4 digits are 0005", "0005")]
    [InlineData("card **** 4242 please", "4242")]
    [InlineData("xxxx1234 was declined", "1234")]
    [InlineData("la tarjeta terminada en 9876", "9876")]
    [InlineData("die Visa mit Endung 3141", "3141")]
    [InlineData("la carte qui finit par 2718", "2718")]
    public void Finds_card_last_four(string text, string last4)
    {
        Assert.Equal(new[] { last4 }, EntityExtractor.Extract(text).CardLast4);
    }

    [Fact]
    public void Does_not_take_any_four_digits_for_a_card()
    {
        Assert.Empty(EntityExtractor.Extract("authorization code 7731, invoice from 2026").CardLast4);
    }

    [Theory]
    [InlineData("charged on 2026-11-08", 2026, 11, 8)]
    [InlineData("billed twice on November 8", 2026, 11, 8)]
    [InlineData("the charge of 8 Nov 2026", 2026, 11, 8)]
    [InlineData("renews December 1st, 2026", 2026, 12, 1)]
    [InlineData("pas de renouvellement le 1er décembre", 2026, 12, 1)]
    [InlineData("el 8 de noviembre me cobraron", 2026, 11, 8)]
    [InlineData("am 8. November abgebucht", 2026, 11, 8)]
    [InlineData("abgebucht am 08.11.2026", 2026, 11, 8)]
    [InlineData("I bought it yesterday", 2026, 11, 19)]
    [InlineData("je l'ai acheté hier", 2026, 11, 19)]
    [InlineData("in early January 2 of the seats", 2027, 1, 2)]
    public void Reads_dates_against_the_given_today(string text, int year, int month, int day)
    {
        Assert.Equal(new[] { new DateOnly(year, month, day) }, EntityExtractor.Extract(text, Today).Dates);
    }

    [Fact]
    public void Without_a_today_keeps_only_dates_that_name_their_year()
    {
        var dates = EntityExtractor.Extract("paid on 2026-11-08, again on November 9 and yesterday").Dates;
        Assert.Equal(new[] { new DateOnly(2026, 11, 8) }, dates);
    }

    [Fact]
    public void Skips_impossible_dates_and_words_that_only_look_like_months()
    {
        Assert.Empty(EntityExtractor.Extract("on February 30 we may 2x the seats, 12 months in", Today).Dates);
    }
}
