using System.Net.Http.Json;
using System.Text.Json;
using Leeway.Agent.Replies;
using Leeway.Agent.Understanding;
using Leeway.Eval;

namespace Leeway.Tests.Agent.Replies;

/// <summary>
/// A customer writes in each of the six languages, through the real host (understanding, diagnosis, gate, Stripe.net
/// against the sandbox): every reply is in their language (the product's own detector says so, and the reply holds
/// that language's words), amounts and dates are written their way, and no reply shows an id or a raw code.
/// </summary>
public sealed class LocalizedConversationTests
{
    private const string World = """
        {
          "id": "localized", "title": "A declined renewal in euros, asked about in six languages",
          "now": "2026-11-16T12:00:00Z", "customer": "cus_lo",
          "world": { "customers": [
            { "id": "cus_lo", "email": "lotte@example.com", "name": "Lotte Ortiz", "plan": "team",
              "payment_methods": [{ "id": "pm_lo", "brand": "visa", "last4": "4242", "exp_month": 8, "exp_year": 2030, "default": true, "on_charge": "succeed" }],
              "subscriptions": [{ "id": "sub_lo", "status": "past_due", "currency": "eur", "items": [{ "price": "price_team", "quantity": 1, "unit_amount": 1500 }],
                                  "current_period_start": "2026-11-01T00:00:00Z", "current_period_end": "2026-12-01T00:00:00Z", "cancel_at_period_end": false }],
              "invoices": [
                { "id": "in_lo_nov", "subscription": "sub_lo", "status": "open", "amount_due": 1500, "amount_paid": 0, "currency": "eur", "created": "2026-11-01T00:00:00Z",
                  "due_date": "2026-11-08T00:00:00Z", "attempt_count": 1, "next_payment_attempt": "2026-11-19T00:00:00Z", "last_payment_error": "insufficient_funds" } ] }
          ] }
        }
        """;

    public static TheoryData<string, string, string, string, string, string> Conversations() => new()
    {
        {
            "en", "Why did my payment fail?", "Please retry the payment now.", "What email do you have for me?",
            "Your payment of €15.00 was declined by your bank for insufficient funds on your Visa ending in 4242. We will try again automatically on November 19, 2026.",
            "Done: I retried the payment and it went through. €15.00 was paid"
        },
        {
            "es", "¿Por qué falló mi pago?", "Por favor, reintenta el pago ahora.", "¿Qué correo electrónico tienes registrado para mí?",
            "Tu banco rechazó tu pago de 15,00 € por fondos insuficientes en tu tarjeta Visa terminada en 4242. Lo volveremos a intentar automáticamente el 19 de noviembre de 2026.",
            "Hecho: he reintentado el pago y se ha cobrado. Se han pagado 15,00 €"
        },
        {
            "de", "Warum ist meine Zahlung fehlgeschlagen?", "Bitte die Zahlung jetzt noch einmal versuchen.", "Welche E-Mail-Adresse haben Sie für mich hinterlegt?",
            "Ihre Zahlung über 15,00 € wurde von Ihrer Bank mangels Deckung auf Ihrer Karte Visa mit den Endziffern 4242 abgelehnt. Wir versuchen es am 19. November 2026 automatisch noch einmal.",
            "Erledigt: Ich habe die Zahlung erneut versucht, und sie ist durchgegangen. 15,00 € wurden mit Ihrer Karte Visa mit den Endziffern 4242 bezahlt."
        },
        {
            "fr", "Pourquoi mon paiement a-t-il échoué ?", "Relancez le paiement maintenant, s'il vous plaît.", "Quelle adresse e-mail avez-vous pour moi ?",
            "Votre paiement de 15,00 € a été refusé par votre banque pour provision insuffisante sur votre carte Visa se terminant par 4242. Nous réessaierons automatiquement le 19 novembre 2026.",
            "C'est fait : j'ai relancé le paiement et il est passé. 15,00 € ont été payés"
        },
        {
            "pt", "Por que o meu pagamento falhou?", "Por favor, tente de novo o pagamento agora.", "Qual é o e-mail que vocês têm registrado para mim?",
            "O seu pagamento de 15,00 € foi recusado pelo seu banco por saldo insuficiente no seu cartão Visa terminado em 4242. Vamos tentar de novo automaticamente em 19 de novembro de 2026.",
            "Feito: tentei o pagamento de novo e foi aprovado. Foram pagos 15,00 €"
        },
        {
            "it", "Perché il mio pagamento non è andato a buon fine?", "Per favore riprova il pagamento adesso.", "Quale email avete registrato per me?",
            "Il tuo pagamento di 15,00 € è stato rifiutato dalla tua banca per fondi insufficienti sulla tua carta Visa che termina con 4242. Riproveremo automaticamente in data 19 novembre 2026.",
            "Fatto: ho riprovato il pagamento ed è andato a buon fine. Sono stati pagati 15,00 €"
        },
    };

    [Theory]
    [MemberData(nameof(Conversations))]
    public async Task Lee_answers_in_the_customers_language(string language, string why, string retry, string email, string explained, string done)
    {
        await using var world = await ScenarioWorld.StartAsync(ScenarioLoader.Parse(World, "localized.json"), CancellationToken.None);
        world.SignInAs("cus_lo");
        var started = await world.ProductHttp.PostAsJsonAsync("/api/v1/conversations", new { channel = "chat" });
        started.EnsureSuccessStatusCode();
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var replies = new List<string>();
        foreach (var message in new[] { why, retry, email })
        {
            var sent = await world.ProductHttp.PostAsJsonAsync($"/api/v1/conversations/{id}/messages", new { text = message });
            sent.EnsureSuccessStatusCode();
            replies.Add(Plain((await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reply").GetString()!));
        }

        Assert.Contains(explained, replies[0], StringComparison.Ordinal);
        Assert.Contains(done, replies[1], StringComparison.Ordinal);
        Assert.Contains("lotte@example.com", replies[2], StringComparison.Ordinal);
        Assert.Contains(LeeSays.For(language).EmailOnFile("lotte@example.com"), replies[2], StringComparison.Ordinal);
        var invoice = await world.Admin.ObjectAsync("in_lo_nov", CancellationToken.None);
        Assert.Equal("paid", invoice?["status"]?.GetValue<string>());
        foreach (var reply in replies)
        {
            Assert.Equal(language, LanguageGuesser.Guess(reply));
            Assert.Empty(ReplyGuard.RawCodes(reply));
        }
    }

    /// <summary>Cultures put no-break spaces in amounts ("15,00 €"); the expectations are written with plain spaces.</summary>
    private static string Plain(string text) => text.Replace('\u00A0', ' ').Replace('\u202F', ' ');
}
