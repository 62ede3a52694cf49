using Leeway.Agent.Understanding;

namespace Leeway.Tests.Agent.Understanding;

public sealed class LanguageGuesserTests
{
    [Theory]
    [InlineData("why does my billing page say my payment failed??", "en")]
    [InlineData("Please don't cancel anything, I want to keep my subscription", "en")]
    [InlineData("u charged me twice wtf", "en")]
    [InlineData("Me cobraron dos veces este mes, ¿por qué?", "es")]
    [InlineData("Por favor no canceléis nada, quiero mantener mi suscripción", "es")]
    [InlineData("Quiero cancel my subscription por favor", "es")]
    [InlineData("hola, necesito una factura con el NIF de la empresa", "es")]
    [InlineData("Warum wurde meine Karte abgelehnt?", "de")]
    [InlineData("Bitte kündigen Sie nichts, ich möchte mein Abo behalten", "de")]
    [InlineData("ich wurde doppelt belastet", "de")]
    [InlineData("Bonjour ! Je voudrais cancel notre abonnement Team à la fin de la période, please.", "fr")]
    [InlineData("Merci de ne rien annuler, je garde mon abonnement", "fr")]
    [InlineData("pourquoi j'ai été débité deux fois ce mois", "fr")]
    [InlineData("Fui cobrado duas vezes este mês, por quê?", "pt")]
    [InlineData("Por favor não cancelem nada, quero manter minha assinatura", "pt")]
    [InlineData("olá, meu cartão foi recusado e não sei porque", "pt")]
    [InlineData("Se eu cancelasse agora, receberia o dinheiro de volta?", "pt")]
    [InlineData("Mi avete addebitato due volte questo mese, perché?", "it")]
    [InlineData("Per favore non annullate niente, voglio tenere il mio abbonamento", "it")]
    [InlineData("ciao, vorrei un rimborso per la fattura di novembre", "it")]
    [InlineData("la mia carta è stata rifiutata", "it")]
    public void Guesses_each_of_the_six_languages(string text, string language)
    {
        Assert.Equal(language, LanguageGuesser.Guess(text));
    }

    [Theory]
    [InlineData("ja", "de")]
    [InlineData("Ja, bitte", "de")]
    [InlineData("oui", "fr")]
    [InlineData("sí", "es")]
    [InlineData("sim", "pt")]
    [InlineData("sì", "it")]
    [InlineData("grazie", "it")]
    [InlineData("obrigado!", "pt")]
    [InlineData("gracias", "es")]
    [InlineData("merci", "fr")]
    [InlineData("danke", "de")]
    [InlineData("yes", "en")]
    public void A_bare_yes_or_thanks_names_its_language(string text, string language)
    {
        Assert.Equal(language, LanguageGuesser.Guess(text));
    }

    [Theory]
    [InlineData("ok")]
    [InlineData("in_1NvX2aLkdIwHu7ix")]
    [InlineData("👍")]
    [InlineData("")]
    public void Nothing_recognisable_is_english(string text)
    {
        Assert.Equal("en", LanguageGuesser.Guess(text));
    }

    [Fact]
    public void Every_guess_is_a_supported_language()
    {
        Assert.Equal(["en", "es", "de", "fr", "pt", "it"], LanguageGuesser.Supported);
    }
}
