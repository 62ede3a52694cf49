namespace Leeway.Agent.Understanding;

/// <summary>
/// Guesses the customer's language, one of <see cref="Supported"/> (en, es, de, fr, pt, it), from function words
/// and letters only some of them use. Code-switched messages go to the language of their grammar ("Je voudrais
/// cancel notre abonnement, please" is French; "Quiero cancel my subscription por favor" is Spanish). A bare yes
/// or no is enough ("ja", "sim", "sì", "oui", "sí"). Nothing recognisable (an id, "ok", "👍") is English.
/// </summary>
internal static class LanguageGuesser
{
    /// <summary>The languages Lee understands and answers in, as two-letter ISO 639-1 codes.</summary>
    public static readonly IReadOnlyList<string> Supported = ["en", "es", "de", "fr", "pt", "it"];

    // Words weighted 1, except a few that name their language on their own (weighted 3): a yes, a thanks, a hello.
    private static readonly Dictionary<string, Dictionary<string, double>> Words = new(StringComparer.Ordinal)
    {
        ["en"] = Weights(
            "the and my is to you i it for was me can please why what how this of have not did with your are that be been just on at we our there would could do don't i'm i've it's got get should when where which will charged twice card refund money back cancel subscription account billing invoice payment want need help",
            "yes thanks hello hi hey"),
        ["es"] = Weights(
            "el la los las y mi mis es por para con una un se pago cobro tarjeta quiero cuando donde gracias hola factura puedo tengo esta del al lo le pero como porque ya hay ha muy usted ustedes favor cobraron nos cobrado dinero veces suscripcion cancelar devolucion reembolso cuenta necesito ayuda mes otra vez eso",
            "gracias hola vale quiero tengo necesito cobraron"),
        ["de"] = Weights(
            "der die das und ich ist nicht mein meine mit ein eine zu den dem bitte warum wie wann habe sie ihr euch danke hallo rechnung karte zahlung auf fur noch schon kann wurde wir du unser unsere auch aber bei vom zum kein keine moechte mochte abo kundigen geld zuruck doppelt belastet konto bin es hat",
            "ja nein danke bitte hallo nicht ich"),
        ["fr"] = Weights(
            "le la les il un et je mon ma mes est pas pour avec une qui vous bonjour merci facture carte paiement abonnement pourquoi comment quand ai au ne ce sur svp voudrais notre nous mais ou aussi c'est j'ai ete deja tres annuler rembourser remboursement argent compte fois preleve debite",
            "oui merci bonjour je c'est j'ai"),
        ["pt"] = Weights(
            "o os as e meu minha meus minhas nao por para com uma um voce voces obrigado obrigada ola fatura cartao pagamento assinatura cobranca cobrado cobraram quero quando onde porque ja esta estou tenho foi dos das do da na nas isso isto tambem mas pode cancelar reembolso dinheiro vezes conta preciso ajuda mes em ao pela pelo seu sua",
            "sim obrigado obrigada ola nao voce estou tenho isso"),
        ["it"] = Weights(
            "il lo gli le e mio mia miei mie non per con una un che di del della dello dei nel nella sono ho ha perche quando dove grazie ciao fattura carta pagamento abbonamento voglio posso gia anche ma rimborso addebito addebitato addebitati volte questo questa mi ci vi vorrei annullare disdire soldi conto aiuto mese due stato stata come quale avete abbiamo registrato riprova adesso",
            "grazie ciao voglio vorrei sono ho perche questo"),
    };

    public static string Guess(string text)
    {
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var language in Supported)
        {
            scores[language] = 0;
        }

        foreach (var c in text)
        {
            switch (char.ToLowerInvariant(c))
            {
                case 'ñ' or '¿' or '¡':
                    scores["es"] += 2;
                    break;
                case 'ä' or 'ö' or 'ü' or 'ß':
                    scores["de"] += 2;
                    break;
                case 'ã' or 'õ':
                    scores["pt"] += 2;
                    break;
                case 'ì' or 'ò':
                    scores["it"] += 2;
                    break;
                case 'è' or 'ù':
                    scores["fr"] += 1;
                    scores["it"] += 1;
                    break;
                case 'ç':
                    scores["fr"] += 1;
                    scores["pt"] += 1;
                    break;
                case 'ê' or 'â':
                    scores["fr"] += 1;
                    scores["pt"] += 0.5;
                    break;
                case 'î' or 'û' or 'œ' or 'ë' or 'ï':
                    scores["fr"] += 2;
                    break;
                case 'á' or 'í' or 'ó' or 'ú':
                    scores["es"] += 1;
                    scores["pt"] += 0.5;
                    break;
            }
        }

        var folded = TextFolding.Fold(text);
        foreach (var token in folded.Split([' ', ',', '.', '!', '?', ';', ':', '"', '(', ')', '\n', '\r', '\t', '¿', '¡', '/', '…'], StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var (language, words) in Words)
            {
                if (words.TryGetValue(token, out var weight))
                {
                    scores[language] += weight;
                }
            }
        }

        // Ties go to the earlier language of Supported, so nothing recognisable stays English.
        var best = "en";
        var bestScore = 0.0;
        foreach (var language in Supported)
        {
            if (scores[language] > bestScore)
            {
                best = language;
                bestScore = scores[language];
            }
        }

        return best;
    }

    private static Dictionary<string, double> Weights(string words, string strongWords)
    {
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var word in words.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            weights[word] = 1;
        }

        foreach (var word in strongWords.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            weights[word] = 3;
        }

        return weights;
    }
}
