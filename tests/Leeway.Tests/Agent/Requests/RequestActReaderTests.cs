using Leeway.Agent.Replies;
using Leeway.Agent.Requests;

namespace Leeway.Tests.Agent.Requests;

/// <summary>The request act: which messages ask for an action, and which only speak of one (in six languages).</summary>
public sealed class RequestActReaderTests
{
    [Theory]
    [InlineData("Please cancel my subscription", "en", ActionKind.Cancel)]
    [InlineData("Cancel my plan at the end of the period.", "en", ActionKind.Cancel)]
    [InlineData("I'd like to cancel my Pro subscription so it doesn't renew on December 1st. Please go ahead and do that.", "en", ActionKind.Cancel)]
    [InlineData("Bonjour ! Je voudrais cancel notre abonnement Team à la fin de la période, please.", "fr", ActionKind.Cancel)]
    [InlineData("We don't want to pay for the Business plan anymore, cancel it", "en", ActionKind.Cancel)]
    [InlineData("I was charged twice this month, I want a refund for the extra one", "en", ActionKind.Refund)]
    [InlineData("Could I get the $29 back?", "en", ActionKind.Refund)]
    [InlineData("would it still be possible to get a refund?", "en", ActionKind.Refund)]
    [InlineData("You charged me $240 for usage, that's crazy. Refund it.", "en", ActionKind.Refund)]
    [InlineData("can you charge it again?", "en", ActionKind.Retry)]
    [InlineData("Charge it again.", "en", ActionKind.Retry)]
    [InlineData("Por favor, cancelen mi suscripción", "es", ActionKind.Cancel)]
    [InlineData("Quiero que me devuelvan el dinero del cargo doble", "es", ActionKind.Refund)]
    [InlineData("Bitte kündigen Sie mein Abo zum Monatsende", "de", ActionKind.Cancel)]
    [InlineData("Können Sie die Zahlung bitte erneut versuchen?", "de", ActionKind.Retry)]
    [InlineData("Remboursez-moi le double prélèvement s'il vous plaît", "fr", ActionKind.Refund)]
    [InlineData("Quero cancelar minha assinatura, por favor", "pt", ActionKind.Cancel)]
    [InlineData("Vorrei disdire il mio abbonamento", "it", ActionKind.Cancel)]
    [InlineData("Per favore rimborsate l'addebito doppio", "it", ActionKind.Refund)]
    public void An_explicit_affirmative_request_asks_for_the_action(string text, string language, ActionKind kind)
    {
        var act = RequestActReader.Read(text, language);

        Assert.True(act.Requests(kind), Describe(act));
    }

    [Theory]
    [InlineData("Please don't cancel anything, I want to keep my subscription", "en")]
    [InlineData("Bitte nichts kündigen, ich möchte mein Abo behalten", "de")]
    [InlineData("Por favor no cancelen nada, quiero mantener mi suscripción", "es")]
    [InlineData("S'il vous plaît, n'annulez rien, je veux garder mon abonnement", "fr")]
    [InlineData("Por favor, não cancelem nada, quero manter minha assinatura", "pt")]
    [InlineData("Per favore non annullate niente, voglio mantenere l'abbonamento", "it")]
    [InlineData("Actually never mind about cancelling", "en")]
    [InlineData("please stop", "en")]
    [InlineData("hmm something seems off with my account", "en")]
    [InlineData("Se eu cancelar agora, recebo o dinheiro de volta?", "pt")]
    [InlineData("Don't charge my card again yet", "en")]
    [InlineData("if I stopped, would I get $15 back?", "en")]
    [InlineData("How would I cancel?", "en")]
    [InlineData("How do I cancel my subscription?", "en")]
    [InlineData("What happens if I cancel today?", "en")]
    [InlineData("Si cancelo hoy, ¿me devuelven el dinero?", "es")]
    [InlineData("Wenn ich jetzt kündige, bekomme ich dann Geld zurück?", "de")]
    [InlineData("Si j'annule maintenant, est-ce que je serai remboursé ?", "fr")]
    [InlineData("Se annullo adesso, mi rimborsate?", "it")]
    [InlineData("Cancel my plan. Actually, never mind.", "en")]
    [InlineData("Kündigen Sie mein Abo. Ach, vergiss es.", "de")]
    [InlineData("No refund needed.", "en")]
    [InlineData("Hi", "en")]
    [InlineData("Thanks, bye!", "en")]
    [InlineData("Hola, buenas tardes", "es")]
    [InlineData("Merci beaucoup, au revoir", "fr")]
    [InlineData("Obrigado, tchau", "pt")]
    [InlineData("Grazie mille, arrivederci", "it")]
    [InlineData("If it turns out you overbilled me I'd want the difference refunded.", "en")]
    [InlineData("Did my refund go through?", "en")]
    public void A_negation_withdrawal_hypothetical_question_or_small_talk_asks_for_nothing(string text, string language)
    {
        var act = RequestActReader.Read(text, language);

        Assert.False(act.Requests().Any(), Describe(act));
    }

    [Theory]
    [InlineData("yes", "en")]
    [InlineData("Yes please, go ahead", "en")]
    [InlineData("Oui, je confirme, go ahead. Merci !", "fr")]
    [InlineData("Sí, adelante", "es")]
    [InlineData("Ja, bitte", "de")]
    [InlineData("Sim, pode", "pt")]
    [InlineData("Sì, procedi", "it")]
    public void A_yes_confirms(string text, string language) =>
        Assert.True(RequestActReader.Read(text, language).Confirms);

    [Theory]
    [InlineData("no", "en")]
    [InlineData("No thanks", "en")]
    [InlineData("nein danke", "de")]
    [InlineData("Never mind", "en")]
    public void A_no_or_a_withdrawal_does_not_confirm(string text, string language)
    {
        var act = RequestActReader.Read(text, language);

        Assert.False(act.Confirms);
        Assert.True(act.HoldsBack);
    }

    [Fact]
    public void Customer_copy_carries_no_internal_ids() =>
        Assert.Equal(
            "Your invoice for $19.00 was due on November 8, 2026 and is still unpaid.",
            LeeSays.English.Scrub("Invoice in_quinn_nov for $19.00 was due on November 8, 2026 and is still unpaid."));

    private static string Describe(RequestAct act) =>
        string.Join("; ", act.Actions.Select(a => $"{a.Kind} {a.Polarity} {a.Mood}")) + $" confirms={act.Confirms} withdraws={act.Withdraws}";
}
