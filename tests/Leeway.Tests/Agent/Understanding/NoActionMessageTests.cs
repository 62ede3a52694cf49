using Leeway.Agent.Understanding;

namespace Leeway.Tests.Agent.Understanding;

/// <summary>
/// Messages that mention an action but ask for none (negated, withdrawn, postponed), in the six languages, must not
/// come out as that action with any confidence the agent would act on. Written here, apart from the corpus templates.
/// The decide step adds its own structural check (the request act); this is the classifier's part.
/// </summary>
public sealed class NoActionMessageTests
{
    private static readonly Understander Product = SharedIntentModel.ProductUnderstander();

    private static readonly string[] ActionIntents = [Intent.CancelSubscription, Intent.RefundRequest, Intent.RetryPayment];

    [Theory]
    [InlineData("Please don't cancel anything")]
    [InlineData("Please don't cancel anything, I want to keep my subscription")]
    [InlineData("Actually never mind about cancelling")]
    [InlineData("Don't charge my card again yet")]
    [InlineData("no refund please, I was only asking how it works")]
    [InlineData("i'm NOT cancelling, relax")]
    [InlineData("Bitte nichts kündigen, ich will mein Abo behalten")]
    [InlineData("Por favor no canceléis nada, quiero mantener mi suscripción")]
    [InlineData("Ne résiliez surtout rien, je garde l'abonnement")]
    [InlineData("Por favor não cancelem nada, quero manter a assinatura")]
    [InlineData("Per favore non annullate nulla, tengo l'abbonamento")]
    [InlineData("hmm something seems off with my account")]
    public void A_message_that_asks_for_no_action_is_not_read_as_one(string text)
    {
        var understood = Product.Understand(text);
        Assert.False(
            ActionIntents.Contains(understood.Intent) && understood.Confidence >= 0.5,
            $"'{text}' → {understood.Intent} {understood.Confidence:0.00}");
    }

    [Theory]
    [InlineData("what's the weather like in Lisbon tomorrow")]
    [InlineData("how do I transfer money to my savings account")]
    [InlineData("my flight got cancelled, can I rebook")]
    [InlineData("the printer in our office is jammed again")]
    [InlineData("¿Me recomiendas un buen restaurante en Sevilla?")]
    [InlineData("Wo ist mein Paket?")]
    [InlineData("Quel film me conseilles-tu ce soir ?")]
    [InlineData("Qual é a capital da Austrália?")]
    [InlineData("Mi racconti una barzelletta?")]
    public void A_clearly_non_billing_message_is_out_of_scope(string text)
    {
        Assert.Equal(Intent.Other, Product.Understand(text).Intent);
    }
}
