using System.Text.RegularExpressions;

namespace Leeway.Agent.Understanding;

/// <summary>
/// Rules for what a phrase says with certainty, in English, Spanish, German, French, Portuguese and Italian: an ask for a person,
/// strong frustration, a claim of authority or an injected instruction, a yes, a no, and the language.
/// Patterns run over folded text (lower case, no accents), so "Je voudrais parler à quelqu'un" and
/// "je voudrais parler a quelqu'un" are the same to them.
/// </summary>
internal static partial class SignalDetector
{
    public static Signals Detect(string text)
    {
        var folded = TextFolding.Fold(text);
        return new Signals(
            AsksForHuman: AsksForHuman(folded),
            StrongFrustration: StrongFrustration(text, folded),
            ClaimsAuthority: ClaimsAuthorityPattern().IsMatch(folded) || InjectedRolePattern().IsMatch(text),
            Affirmation: Affirmation(folded),
            Negation: Negation(folded),
            Language: LanguageGuesser.Guess(text));
    }

    internal static bool AsksForHuman(string folded) =>
        HumanPattern().IsMatch(folded) && !NoHumanNeededPattern().IsMatch(folded);

    private static bool StrongFrustration(string text, string folded)
    {
        if (FrustrationPattern().IsMatch(folded))
        {
            return true;
        }

        if (folded.Contains("!!!", StringComparison.Ordinal) && !ThanksPattern().IsMatch(folded))
        {
            return true;
        }

        // Shouting: most letters capitals, over more than one real word (not "SSO" or "API" in a normal sentence).
        var letters = text.Count(char.IsLetter);
        var upper = text.Count(char.IsUpper);
        var capsWords = CapsWordPattern().Count(text);
        return letters >= 8 && upper >= 0.7 * letters && capsWords >= 2;
    }

    private static bool Affirmation(string folded)
    {
        foreach (var clause in Clauses(folded))
        {
            if (AffirmationStartPattern().IsMatch(clause) || SpanishSiPattern().IsMatch(clause))
            {
                return true;
            }
        }

        return AffirmationAnywherePattern().IsMatch(folded) && !NegatedAffirmationPattern().IsMatch(folded);
    }

    private static bool Negation(string folded)
    {
        foreach (var clause in Clauses(folded))
        {
            if (NegationStartPattern().IsMatch(clause))
            {
                return true;
            }
        }

        return NegationAnywherePattern().IsMatch(folded);
    }

    private static IEnumerable<string> Clauses(string folded) =>
        ClauseBreakPattern().Split(folded).Select(c => c.Trim()).Where(c => c.Length > 0);

    [GeneratedRegex(@"[.!?,;:\n¿¡()-]+")]
    private static partial Regex ClauseBreakPattern();

    [GeneratedRegex(@"\b[A-ZÄÖÜÉÈÀÇÑ]{3,}\b")]
    private static partial Regex CapsWordPattern();

    [GeneratedRegex(@"\b(thanks?|thank you|thx|merci|gracias|danke|obrigad[oa]|grazie)\b")]
    private static partial Regex ThanksPattern();

    [GeneratedRegex("""
        \b(talk|speak|chat|speaking|talking)\s+(to|with)\s+(a\s+|an\s+|some\s+|your\s+|the\s+|one\s+of\s+your\s+)?(real\s+|actual\s+|live\s+|human\s+|proper\s+)?(person|human|humans|agent|someone|somebody|representative|rep|manager|supervisor|people|being|operator|staff|employee)\b
        |\b(real|actual|live|proper)\s+(person|human|people|agent|humans|human\s+being)\b
        |\b(a|an)\s+human(\s+being)?\b(?!\s+error)
        |\bhuman\s+(being|agent|support|please|pls|now)\b
        |^\W*(human|agent|operator|representative|person|humain|humano|mensch)\W*(please|pls|plz|now|por\s+favor|bitte|svp)?\W*$
        |\b(transfer|connect|put|pass)\s+me\s+(to|through|with|over)\b
        |\b(not|no)\s+(a\s+|an\s+)?(bot|robot|chatbot|machine)s?\b
        |\bescalate\b
        |\b(get|give|find)\s+me\s+(a|an|your|the|some)\s+(human|person|manager|supervisor|agent|representative|someone|somebody)\b
        |\b(want|need|like)\s+(a|an|to\s+see\s+a|to\s+reach\s+a)\s+(human|person|manager|supervisor|representative)\b
        |\b(can|could|would|will|have|let|get)\s+(someone|somebody)\s+(from|on|in)\s+(your|the)\s+(team|support|staff|billing\s+team)\s+(call|contact|phone|email|look|reach|get\s+back)\b
        |\b(call|phone|ring)\s+me(\s+back)?\b
        |\b(phone|telephone)\s+(number|support)\b|\bhotline\b|\bsupport\s+(line|number)\b
        |\bhablar\s+con\s+(una\s+persona|un\s+humano|alguien|un\s+agente|un\s+operador|un\s+asesor|un\s+empleado|un\s+ser\s+humano|una\s+persona\s+real)
        |\bpersona\s+(real|de\s+verdad|humana)\b|\bun\s+humano\b|\bpas[ae]me\s+con\b|\bcon\s+un\s+agente\b|\bno\s+(quiero\s+)?(un\s+)?(bot|robot)\b
        |\b(echte[nr]?|reale[nr]?|richtige[nr]?)\s+(person|mensch(en)?|mitarbeiter(in)?)\b|\b(einem|echten|realen)\s+menschen\b
        |\bmit\s+(einem|einer)\s+(mitarbeiter(in)?|berater(in)?|person|agenten|sachbearbeiter(in)?)\s+(sprechen|reden|telefonieren)
        |\bverbinden\s+sie\s+mich\b|\bverbinde\s+mich\b|\bkein(en)?\s+(bot|roboter|chatbot)\b
        |\bparler\s+(a|avec)\s+(un\s+humain|une\s+(vraie\s+)?personne|quelqu'un|un\s+conseiller|une\s+conseillere|un\s+agent|un\s+operateur|un\s+etre\s+humain|un\s+responsable)
        |\bvraie\s+personne\b|\bun\s+humain\b|\bpas\s+(un|a\s+un)\s+robot\b|\bpassez[- ]moi\s+(un|une|quelqu)
        |\bfalar\s+com\s+(uma\s+pessoa|um\s+humano|alguem|um\s+atendente|uma\s+atendente|um\s+agente|um\s+ser\s+humano|um\s+operador)|\bpessoa\s+(real|de\s+verdade)\b|\batendente\s+humano\b|\bnao\s+(quero\s+)?(um\s+)?(robo|bot)\b
        |\bparlare\s+con\s+(una\s+persona|un\s+operatore|un'operatrice|qualcuno|un\s+umano|un\s+essere\s+umano|un\s+agente|un\s+consulente)|\bpersona\s+(vera|reale)\b|\boperatore\s+umano\b|\bnon\s+(voglio\s+)?(un\s+)?(bot|robot)\b
        """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex HumanPattern();

    [GeneratedRegex(@"\b(don'?t|do\s+not|no)\s+(need|want)\s+(to\s+(talk|speak)\s+(to|with)\s+)?(a|an)\s+(human|person|agent)|\bwithout\s+(talking|speaking)\s+to\b|\bno\s+need\s+(for|to\s+(talk|speak)\s+to)\s+(a|an)\s+(human|person)")]
    private static partial Regex NoHumanNeededPattern();

    [GeneratedRegex("""
        \b(fuck\w*|f\*+k\w*|wtf|shit\w*|bullshit|crap|damn\w*|goddamn|pissed|ffs|omfg|screw\s+(you|this)|the\s+hell|bloody\s+hell)\b
        |\b(ridiculous|unacceptable|outrageous|absurd|pathetic|disgraceful|disgusting|appalling|furious|livid|infuriat\w*|scam\w*|rip[- ]?off|fraudsters|thieves|robbery|useless|incompetent|worst|fed\s+up|sick\s+of|sick\s+and\s+tired|last\s+straw|had\s+enough(?!\s+(space|money|funds|credit|room|time|storage|seats|balance|on|in|for|to|of|\w+\s+(space|money|funds|credit|room|storage)))|enough\s+is\s+enough|so\s+done\s+with|losing\s+my\s+patience)\b
        |\b(third|3rd|fourth|4th|fifth|5th|tenth|umpteenth)\s+time\b|\b(this|it'?s|its|what)\s+(is\s+)?a\s+joke\b|\b(terrible|horrible|awful)\s+(service|support|company)\b
        |\b(inaceptable|ridiculo|hart[oa]|verguenza|mierda|joder|estafa|ladrones|tercera\s+vez|indignante|pesimo|inadmisible|cabread[oa])\b
        |\b(inakzeptabel|lacherlich|frechheit|scheiss\w*|verdammt|abzocke|unverschamt|(dritte|drittes|vierte)\s+mal|katastrophe|wutend|betrug|sauer)\b
        |\b(inadmissible|inacceptable|ridicule|marre|merde|putain|troisieme\s+fois|arnaque|n'importe\s+quoi|scandaleu[xse]+|honteu[xse]+|c'est\s+nul|furieu[xse]+|voleurs)\b
        |\b(absurdo|inaceitavel|palhacada|vergonha|terceira\s+vez|porra|merda|ladroes|golpe|cansad[oa]\s+disso|pessimo|revoltante)\b
        |\b(assurdo|ridicolo|inaccettabile|vergogna|terza\s+volta|cazzo|schifo|truffa|ladri|pessimo|stufo|vergognoso|scandaloso)\b
        """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex FrustrationPattern();

    [GeneratedRegex("""
        \[(system|admin|sys|inst)\]|<\s*/?\s*(system|admin|sys|inst)\s*>
        |\bignor(e|ing)\s+(all\s+|any\s+|of\s+)?((your|the|my|previous|prior|above|earlier|these|those|system)\s+)*(instructions|rules|prompts?|polic(y|ies)|guidelines|directives)\b
        |\b(disregard|forget|override|bypass)\s+(all\s+|any\s+)?((your|the|previous|prior|above|earlier|refund|these)\s+)*(instructions|rules|prompts?|polic(y|ies)|guidelines|limits?|restrictions)\b
        |\bpolic(y|ies)\s+(is|are|has\s+been|have\s+been)\s+(now\s+)?(disabled|suspended|lifted|waived|off|void|overridden)\b
        |\b(new|updated|revised)\s+instructions\b|\byou\s+are\s+now\b|\b(developer|admin|god|debug|maintenance)\s+mode\b|\bjailbreak|\bsudo\b
        |\b(authori[sz]ation|auth|override|admin|security|approval)\s+(code|token|key|password|number)\b
        |\b(i\s*am|i'm|im|this\s+is)\s+(an?\s+|the\s+|one\s+of\s+the\s+)?(admin|administrator|developer|engineer|employee|manager|supervisor|ceo|cto|cfo|owner|founder|director|staff\s+member|support\s+agent|agent)\s+(at|of|for|from|with|on|in)\s+(your|leeway|stripe)\b
        |\b(i\s*am|i'm|im)\s+(an?\s+|the\s+)?(leeway|stripe)\s+(admin|employee|engineer|staff|developer|support|manager)
        |\bi\s+work\s+(at|for)\s+(leeway|stripe|your\s+company)\b
        |\b(approved|authori[sz]ed|cleared|signed\s+off)\s+by\s+(your|the|a)\s+(manager|supervisor|admin|team|support|ceo|finance|billing\s+team|colleague)
        |\bas\s+(an?\s+)?(admin|administrator|your\s+supervisor|your\s+manager)\b
        |\b(i\s+manage|i\s+handle|i\s+do|i\s+look\s+after|i'm\s+in\s+charge\s+of)\s+(the\s+)?billing\s+for\s+(my|a|his|her|their)\s+
        |\bon\s+behalf\s+of\s+(my|a|his|her)\s+(colleague|boss|friend|client|coworker|co-worker|partner|wife|husband|customer|employer)
        |\bignora\s+(las\s+|tus\s+|todas\s+las\s+)?(\w+\s+)?instrucciones|\bsoy\s+(el\s+|un\s+)?(administrador|admin)\b|\bcodigo\s+de\s+autorizacion
        |\bignorier(e|en\s+sie)?\s+(alle\s+)?(\w+\s+)?anweisungen|\bich\s+bin\s+(der\s+|ein\s+)?(admin|administrator)\b|\b(autorisierungs|freigabe)code
        |\bignore[zr]?\s+(toutes\s+)?(les|tes|vos)\s+(instructions|consignes)|\bje\s+suis\s+(l'|un\s+)?(admin|administrateur)\b|\bcode\s+d'autorisation
        |\bignor[ea]\s+(todas\s+)?(as\s+)?(suas\s+)?(\w+\s+)?instrucoes|\bsou\s+(o\s+|um\s+)?(administrador|admin)\b|\bcodigo\s+de\s+autorizacao
        |\bignora\s+(tutte\s+)?(le\s+)?(tue\s+)?(\w+\s+)?istruzioni|\bsono\s+(l'|un\s+)?(amministratore|admin)\b|\bcodice\s+di\s+autorizzazione
        """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex ClaimsAuthorityPattern();

    // Run over the original text: a line opening "SYSTEM:" or "Assistant:" speaks as the machine, not the customer.
    [GeneratedRegex(@"(^|\n)\s*(SYSTEM|System|ASSISTANT|Assistant|DEVELOPER|Developer|ADMIN|Admin|ROOT)\s*:", RegexOptions.None)]
    private static partial Regex InjectedRolePattern();

    [GeneratedRegex(@"^(yes|yeah|yep|yup|yes please|sure|ok|okay|oki|kk|alright|all\s+right|correct|exactly|perfect|great|sounds\s+good|that\s+works|that'?s\s+fine|fine|go\s+ahead|go\s+for\s+it|please\s+do|do\s+it|do\s+that|confirm(ed)?|i\s+confirm|absolutely|definitely|of\s+course|vale|claro|adelante|de\s+acuerdo|perfecto|correcto|por\s+supuesto|hazlo|ja|jawohl|klar|genau|passt|gerne|einverstanden|mach\s+das|machen\s+sie\s+das|richtig|oui|ouais|d'accord|daccord|parfait|je\s+confirme|allez[- ]y|vas[- ]y|bien\s+sur|exact|ca\s+marche|sim|certo|com\s+certeza|perfeito|confirmo|pode\s+(sim|fazer|seguir|ser)|vai\s+em\s+frente|tudo\s+bem|beleza|isso\s+mesmo|va\s+bene|perfetto|confermo|procedi|esatto|fallo|certamente|d'accordo)\b(?!\s+(not|no)\b)")]
    private static partial Regex AffirmationStartPattern();

    [GeneratedRegex(@"^si(\s*$|\s+(por\s+favor|claro|adelante|gracias|please|vale|hazlo|perfecto|confirmo))")]
    private static partial Regex SpanishSiPattern();

    [GeneratedRegex(@"\b(go\s+ahead|please\s+do|yes\s+please|je\s+confirme|i\s+confirm|allez[- ]y|adelante|mach\s+das|nur\s+zu|confirmo|vai\s+em\s+frente|pode\s+fazer|confermo|procedi\s+pure)\b")]
    private static partial Regex AffirmationAnywherePattern();

    [GeneratedRegex(@"\b(don'?t|do\s+not|never|no|not|ne|nao|non)\s+(go\s+ahead|please\s+do|confirm|confirmo|confermo|procedi|pode\s+fazer)")]
    private static partial Regex NegatedAffirmationPattern();

    [GeneratedRegex(@"^(no(?=\s*$|\s+(thanks?|thank\s+you|gracias|merci|danke|need|that'?s|thats|it'?s|wait|stop|don'?t|please|way|more|longer)\b)|nope|nah|nein|non(?!-)\b|never\s*mind|forget\s+(it|that|about\s+it)|don'?t|do\s+not|dont|stop\s*$|wait\s*$|hold\s+(on|off)|cancel\s+that|not\s+now|not\s+yet|laisse[zr]?\s+tomber|olvida(lo|le)|vergiss\s+(es|das)|lieber\s+nicht|mejor\s+no|ahora\s+no|jetzt\s+nicht|noch\s+nicht|pas\s+maintenant|pas\s+encore|todavia\s+no|aun\s+no|n'en\s+faites\s+rien|ne\s+faites\s+(rien|pas)|nao(?=\s*$|\s+(obrigad[oa]|precisa|quero|faca|facam|agora|ainda|pode|espera))|esquece|deixa\s+(pra|para)\s+la|agora\s+nao|ainda\s+nao|melhor\s+nao|lascia\s+(stare|perdere)|non\s+ora|non\s+ancora|meglio\s+di\s+no|non\s+farlo|non\s+fate\s+niente|aspetta\s*$)")]
    private static partial Regex NegationStartPattern();

    [GeneratedRegex(@"\b(never\s*mind|forget\s+it|please\s+don'?t|don'?t\s+(do\s+(it|that|anything)|bother|proceed|go\s+ahead)|do\s+not\s+(do|proceed|go\s+ahead)|laisse[zr]?\s+tomber|olvidalo|vergiss\s+es|no\s+lo\s+hagas|n'en\s+faites\s+rien|ne\s+faites\s+rien|esquece|nao\s+(faca|facam)\s+(isso|nada)|deixa\s+(pra|para)\s+la|lascia\s+perdere|non\s+farlo|non\s+fate\s+niente)\b")]
    private static partial Regex NegationAnywherePattern();
}
