using Leeway.Agent.Replies;

namespace Leeway.Tests.Agent.Replies;

/// <summary>
/// The last guard against a Stripe id in customer copy speaks the reply's language: the id gives way to the words for
/// it in that language (from the resources), with a capital at the start of a sentence, and no id is left.
/// </summary>
public sealed class LeeSaysScrubTests
{
    [Theory]
    [InlineData("es", "La factura in_quinn_nov de 19,00 € sigue pendiente.", "Tu factura de 19,00 € sigue pendiente.")]
    [InlineData("es", "Hemos devuelto el cargo ch_3Pdup del 1 de diciembre.", "Hemos devuelto el cargo adicional del 1 de diciembre.")]
    [InlineData("es", "El pago de la factura in_A1b2 falló. Reintentaremos ch_9z pronto.", "El pago de tu factura falló. Reintentaremos el cargo adicional pronto.")]
    [InlineData("de", "Die Rechnung in_quinn_nov über 19,00 € ist noch offen.", "Ihre Rechnung über 19,00 € ist noch offen.")]
    [InlineData("de", "Wir haben die Abbuchung ch_3Pdup erstattet.", "Wir haben die zusätzliche Abbuchung erstattet.")]
    [InlineData("de", "Ich habe pi_3Qx geprüft.", "Ich habe dies geprüft.")]
    [InlineData("fr", "La facture in_x1 reste impayée.", "Votre facture reste impayée.")]
    [InlineData("pt", "A fatura in_x1 continua em aberto.", "Sua fatura continua em aberto.")]
    [InlineData("it", "La fattura in_x1 è ancora aperta.", "La tua fattura è ancora aperta.")]
    [InlineData("en", "Invoice in_quinn_nov for $19.00 is unpaid. We refunded charge ch_3Pdup.", "Your invoice for $19.00 is unpaid. We refunded the extra charge.")]
    public void An_id_gives_way_to_words_in_the_reply_language(string language, string text, string expected)
    {
        var scrubbed = LeeSays.For(language).Scrub(text);

        Assert.Equal(expected, scrubbed);
        Assert.DoesNotMatch(@"\b(?:in|il|ch|pi|py)_", scrubbed);
    }

    [Theory]
    [InlineData("es")]
    [InlineData("de")]
    [InlineData("fr")]
    [InlineData("pt")]
    [InlineData("it")]
    public void No_english_words_take_the_place_of_an_id(string language)
    {
        var scrubbed = LeeSays.For(language).Scrub("in_a1 ch_b2 sub_c3");

        Assert.DoesNotContain("invoice", scrubbed, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("charge", scrubbed, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(@"\bit\b", scrubbed);
        Assert.DoesNotContain("_", scrubbed);
    }
}
