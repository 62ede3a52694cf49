namespace Leeway.Agent.Understanding;

/// <summary>
/// Guesses en, es, de, fr, pt or it from function words and letters only one of them uses. Code-switched messages go to
/// the language of their grammar ("Je voudrais cancel notre abonnement, please" is French).
/// </summary>
internal static class LanguageGuesser
{
    private static readonly Dictionary<string, HashSet<string>> Words = new(StringComparer.Ordinal)
    {
        ["en"] = Set("the and my is to you i it for was me can please why what how this of have not did with your are that be been just on at we our there would could do don't i'm i've it's got get would should when where which will"),
        ["es"] = Set("el los las y mi mis es por para con una se pago cobro tarjeta quiero cuando donde gracias hola factura puedo tengo esta del al lo le pero como porque ya hay ha muy usted ustedes favor cobraron nos"),
        ["de"] = Set("der die das und ich ist nicht mein meine mit ein eine zu den dem bitte warum wie wann habe sie ihr euch danke hallo rechnung karte zahlung auf fur noch schon kann wurde wir du unser unsere auch aber bei vom zum kein keine moechte mochte"),
        ["fr"] = Set("le les et je mon ma mes est pas pour avec une qui vous bonjour merci facture carte paiement abonnement pourquoi comment quand ai au ne ce sur svp voudrais notre nous mais ou aussi c'est j'ai ete deja tres"),
        ["pt"] = Set("nao voce meu minha meus minhas obrigado obrigada ola quero pagamento cobranca cartao fatura assinatura tenho isso foi uma dos das ao ja muito seu sua eu fui cobrado cobrada vezes agora tudo sim oi dinheiro conta gostaria preciso reembolso"),
        ["it"] = Set("il gli mio mia miei non sono ho voglio vorrei grazie ciao buongiorno fattura abbonamento della questo questa anche perche gia addebito rimborso che sul sulla ti ci stato stata volte soldi conto piano annullare disdire pagamento"),
    };

    public static string Guess(string text)
    {
        var scores = new Dictionary<string, double>(StringComparer.Ordinal) { ["en"] = 0, ["es"] = 0, ["de"] = 0, ["fr"] = 0, ["pt"] = 0, ["it"] = 0 };
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
                case 'è' or 'ê' or 'â' or 'î' or 'û' or 'œ' or 'ë':
                    scores["fr"] += 2;
                    break;
                case 'ç' or 'à' or 'ô':
                    scores["fr"] += 1;
                    scores["pt"] += 1;
                    break;
                case 'ã' or 'õ':
                    scores["pt"] += 2;
                    break;
                case 'ò' or 'ì':
                    scores["it"] += 2;
                    break;
            }
        }

        var folded = TextFolding.Fold(text);
        foreach (var token in folded.Split([' ', ',', '.', '!', '?', ';', ':', '"', '(', ')', '\n', '\t', '¿', '¡'], StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var (language, words) in Words)
            {
                if (words.Contains(token))
                {
                    scores[language] += 1;
                }
            }
        }

        var best = scores.OrderByDescending(s => s.Value).ThenBy(s => s.Key == "en" ? 0 : 1).First();
        return best.Value > 0 ? best.Key : "en";
    }

    private static HashSet<string> Set(string words) => new(words.Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);
}
