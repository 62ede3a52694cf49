using Leeway.Agent.Requests;
using Leeway.Agent.Understanding;

namespace Leeway.Tests.Agent.Requests;

/// <summary>
/// Generates, for action sentences, the forms that must never act: negated, withdrawn, hypothetical and question forms,
/// in English, Spanish, German, French, Portuguese and Italian. Withdrawals are built on each corpus sentence itself;
/// negated, hypothetical and question forms on each language's verb phrases for the action, through several frames.
/// </summary>
internal static class NoActionForms
{
    /// <summary>A generated message, its language and the form it is, for the test's name.</summary>
    public sealed record Form(string Text, string Language, string Kind);

    private static readonly Dictionary<string, string[]> Withdrawals = new()
    {
        ["en"] = ["Actually, never mind.", "Wait, forget it.", "On second thought, don't do anything."],
        ["es"] = ["Bueno, olvídalo.", "Mejor no, déjalo.", "Pensándolo bien, no hagas nada."],
        ["de"] = ["Ach, vergiss es.", "Nein, doch nicht.", "Hat sich erledigt."],
        ["fr"] = ["Finalement non, laissez tomber.", "Oubliez ça.", "J'ai changé d'avis."],
        ["pt"] = ["Deixa pra lá.", "Esquece, mudei de ideia.", "Melhor não."],
        ["it"] = ["Lascia perdere.", "Ho cambiato idea, lascia stare.", "Meglio di no."],
    };

    /// <summary>Per language and action: (verb, object) as the frames place them.</summary>
    private static readonly Dictionary<string, Dictionary<ActionKind, (string Verb, string Object)[]>> Phrases = new()
    {
        ["en"] = new()
        {
            [ActionKind.Cancel] = [("cancel", "my subscription"), ("cancel", "the Team plan")],
            [ActionKind.Refund] = [("refund", "that charge"), ("refund", "the $15")],
            [ActionKind.Retry] = [("charge", "my card again"), ("retry", "the payment")],
        },
        ["es"] = new()
        {
            [ActionKind.Cancel] = [("cancelar", "mi suscripción"), ("cancelar", "el plan Team")],
            [ActionKind.Refund] = [("reembolsar", "ese cargo"), ("reembolsar", "los 15 dólares")],
            [ActionKind.Retry] = [("cobrar", "la tarjeta otra vez"), ("reintentar", "el pago")],
        },
        ["de"] = new()
        {
            [ActionKind.Cancel] = [("kündigen", "mein Abo"), ("kündigen", "den Team-Plan")],
            [ActionKind.Refund] = [("erstatten", "die Abbuchung"), ("erstatten", "die 15 Euro")],
            [ActionKind.Retry] = [("abbuchen", "den Betrag erneut"), ("abbuchen", "die Rechnung noch einmal")],
        },
        ["fr"] = new()
        {
            [ActionKind.Cancel] = [("annuler", "mon abonnement"), ("annuler", "le forfait Team")],
            [ActionKind.Refund] = [("rembourser", "ce prélèvement"), ("rembourser", "les 15 euros")],
            [ActionKind.Retry] = [("réessayer", "le paiement"), ("débiter", "ma carte à nouveau")],
        },
        ["pt"] = new()
        {
            [ActionKind.Cancel] = [("cancelar", "minha assinatura"), ("cancelar", "o plano Team")],
            [ActionKind.Refund] = [("reembolsar", "essa cobrança"), ("reembolsar", "os 15 reais")],
            [ActionKind.Retry] = [("cobrar", "meu cartão de novo"), ("debitar", "o pagamento outra vez")],
        },
        ["it"] = new()
        {
            [ActionKind.Cancel] = [("disdire", "il mio abbonamento"), ("annullare", "il piano Team")],
            [ActionKind.Refund] = [("rimborsare", "quell'addebito"), ("rimborsare", "i 15 euro")],
            [ActionKind.Retry] = [("addebitare", "di nuovo la carta"), ("riprovare", "il pagamento")],
        },
    };

    /// <summary>Frames per language and form; {v} the verb, {o} the object (German puts the verb last).</summary>
    private static readonly Dictionary<string, Dictionary<string, string[]>> Frames = new()
    {
        ["en"] = new()
        {
            ["negated"] = ["Please don't {v} {o}.", "I don't want you to {v} {o}.", "Do not {v} {o} yet, I need to check something first.", "I never asked you to {v} {o}."],
            ["hypothetical"] = ["If you {v} {o}, what would happen?", "Hypothetically, if I asked you to {v} {o}, would I lose access?", "Suppose you {v} {o} today, would I get anything back?"],
            ["question"] = ["How would you {v} {o}?", "Can I {v} {o} myself from the billing page?", "What does it mean to {v} {o}?", "Why would I {v} {o}?"],
        },
        ["es"] = new()
        {
            ["negated"] = ["No quiero {v} {o}.", "Por favor, todavía no hay que {v} {o}.", "Nunca pedí {v} {o}."],
            ["hypothetical"] = ["Si decido {v} {o}, ¿qué pasaría?", "Si quisiera {v} {o}, ¿perdería el acceso?", "Suponiendo que quiera {v} {o}, ¿cómo funciona?"],
            ["question"] = ["¿Cómo puedo {v} {o}?", "¿Se puede {v} {o} desde la página de facturación?", "¿Qué significa {v} {o}?"],
        },
        ["de"] = new()
        {
            ["negated"] = ["Ich möchte {o} nicht {v}.", "Bitte {o} noch nicht {v}.", "Sie sollen {o} auf keinen Fall {v}."],
            ["hypothetical"] = ["Wenn ich {o} {v} würde, was passiert dann?", "Angenommen, Sie würden {o} {v}: verliere ich den Zugang?", "Falls Sie {o} {v}, bekomme ich etwas zurück?"],
            ["question"] = ["Wie kann ich {o} {v}?", "Kann ich {o} selbst {v}?", "Was bedeutet es, {o} zu {v}?"],
        },
        ["fr"] = new()
        {
            ["negated"] = ["Je ne veux pas {v} {o}.", "Surtout, n'allez pas {v} {o}.", "Merci de ne pas {v} {o}."],
            ["hypothetical"] = ["Si je voulais {v} {o}, que se passerait-il ?", "Au cas où je voudrais {v} {o}, je perdrais l'accès ?", "Si vous deviez {v} {o}, je récupérerais quelque chose ?"],
            ["question"] = ["Comment puis-je {v} {o} ?", "Est-ce qu'on peut {v} {o} en ligne ?", "Pourquoi faudrait-il {v} {o} ?"],
        },
        ["pt"] = new()
        {
            ["negated"] = ["Não quero {v} {o}.", "Por favor, ainda não é para {v} {o}.", "Eu nunca pedi para {v} {o}."],
            ["hypothetical"] = ["Se eu quiser {v} {o}, o que acontece?", "Caso eu decida {v} {o}, perco o acesso?", "Se vocês forem {v} {o}, recebo algo de volta?"],
            ["question"] = ["Como faço para {v} {o}?", "É possível {v} {o} pelo site?", "Por que eu iria {v} {o}?"],
        },
        ["it"] = new()
        {
            ["negated"] = ["Non voglio {v} {o}.", "Per ora non dovete {v} {o}.", "Non vi ho mai chiesto di {v} {o}."],
            ["hypothetical"] = ["Se volessi {v} {o}, cosa succederebbe?", "Nel caso decidessi di {v} {o}, perderei l'accesso?", "Se doveste {v} {o}, riavrei qualcosa?"],
            ["question"] = ["Come posso {v} {o}?", "È possibile {v} {o} dal sito?", "Perché dovrei {v} {o}?"],
        },
    };

    /// <summary>Action sentences written for Portuguese and Italian, which the corpus does not have yet.</summary>
    private static readonly (string Text, string Language)[] ExtraActionSentences =
    [
        ("Quero cancelar minha assinatura, por favor", "pt"),
        ("Por favor, reembolsem a cobrança duplicada", "pt"),
        ("Podem cobrar meu cartão de novo, por favor?", "pt"),
        ("Vorrei disdire il mio abbonamento", "it"),
        ("Per favore rimborsate l'addebito doppio", "it"),
        ("Potete riprovare il pagamento, per favore?", "it"),
    ];

    public static IEnumerable<Form> FromFrames()
    {
        foreach (var (language, kinds) in Phrases)
        {
            foreach (var (kind, phrases) in kinds)
            {
                foreach (var (form, frames) in Frames[language])
                {
                    foreach (var frame in frames)
                    {
                        foreach (var (verb, obj) in phrases)
                        {
                            yield return new Form(frame.Replace("{v}", verb, StringComparison.Ordinal).Replace("{o}", obj, StringComparison.Ordinal), language, $"{form} {kind}");
                        }
                    }
                }
            }
        }
    }

    /// <summary>The corpus's action sentences that explicitly ask for an action, each withdrawn in its own language.</summary>
    public static IEnumerable<Form> WithdrawnCorpusSentences()
    {
        var sentences = IntentCorpus.Embedded().Examples
            .Select(e => (e.Text, Language: LanguageGuesser.Guess(e.Text)))
            .Concat(ExtraActionSentences)
            .Where(s => RequestActReader.Read(s.Text, s.Language).Requests().Any())
            .Distinct()
            .ToList();
        for (var i = 0; i < sentences.Count; i++)
        {
            var (text, language) = sentences[i];
            var endings = Withdrawals[language];
            var ending = endings[i % endings.Length];
            yield return new Form($"{text.TrimEnd()}{(text.TrimEnd().EndsWith('.') || text.TrimEnd().EndsWith('!') || text.TrimEnd().EndsWith('?') ? "" : ".")} {ending}", language, "withdrawn");
        }
    }
}
