namespace Leeway.Agent.Requests;

/// <summary>
/// The words the request-act reader knows, per role, in English, Spanish, German, French, Portuguese and Italian,
/// folded (lower case, no accents). A phrase is tokens separated by spaces; a token ending in <c>*</c> is a stem.
/// The reader's structure (sentences → clauses → action, polarity, mood) decides; these only name the words.
/// </summary>
internal static class ActWords
{
    public static readonly IReadOnlyDictionary<ActionKind, string[]> Actions = new Dictionary<ActionKind, string[]>
    {
        [ActionKind.Cancel] =
        [
            "cancel*", "cancal*", "cancle*", "cacel*", "unsubscrib*", "terminate*", "stop charging", "stop billing", "stop* my subscription",
            "stop* the subscription", "stop* my plan", "stop* the plan", "stop the renewal", "stop renewing", "stop the recurring", "stop auto*",
            "end my subscription", "end my plan", "end the subscription", "close my account", "no more charges", "no further charges",
            "downgrade me to free", "downgrade to free", "de baja", "baja de", "anular*", "anulen", "anula", "kundig*", "kuendig*", "storniert*",
            "stornieren", "abbestell*", "abo beenden", "abonnement beenden", "vertrag beenden", "annul*", "resili*", "desabonn*", "desinscri*",
            "mettre fin", "encerr*", "desativ*", "disdic*", "disdett*", "disdire", "disattiv*",
        ],
        [ActionKind.Refund] =
        [
            "refund*", "money back", "my money", "pay me back", "reimburs*", "get it back", "it back", "reverse the charge", "reverse it",
            "reembols*", "rembols*", "devolu*", "devuelv*", "devolver*", "mi dinero", "reintegr*", "erstatt*", "ruckerstatt*", "rueckerstatt*",
            "zuruckerstatt*", "geld zuruck", "zuruckbuch*", "zuruckzahl*", "rembours*", "mon argent", "estorn*", "devolv*", "devoluc*",
            "meu dinheiro", "dinheiro de volta", "rimbors*", "soldi indietro", "i miei soldi", "restitu*",
        ],
        [ActionKind.Retry] =
        [
            "retry*", "re try", "try again", "try it again", "try the payment", "try my card", "charge it", "charge me", "charge my", "charge the",
            "charge again", "charge now", "recharge", "re charge", "run the payment", "run my card", "run it again", "take the payment",
            "process the payment", "collect the payment", "reintent*", "intentar de nuevo", "intenta de nuevo", "intenten de nuevo",
            "intentad de nuevo", "cobra", "cobren", "cobrar", "cobrame", "cobrenme", "cobradme", "cobre", "cobrem", "volver a cobrar",
            "vuelvan a cobrar", "vuelve a cobrar", "pasar el cobro", "pasen el cobro", "erneut versuch*", "nochmal versuch*", "noch einmal versuch*",
            "versuchen sie es erneut", "versuchen sie es nochmal", "versucht es nochmal", "versucht es erneut", "abbuch*", "erneut belast*",
            "nochmal belast*", "erneut einzieh*", "einziehen", "reessay*", "retent*", "debitez", "debiter", "prelevez", "prelever",
            "relancer le paiement", "relancez le paiement", "repasser le paiement", "repassez le paiement", "refaire le paiement", "encaissez",
            "tentar de novo", "tente de novo", "tentem de novo", "tentar novamente", "tente novamente", "cobrar de novo", "debitar", "debite",
            "riprov*", "ritent*", "addebit*", "riaddebit*", "rifare il pagamento",
        ],
        [ActionKind.Credit] =
        [
            "credit my account", "credit to my account", "account credit", "credit my balance", "store credit", "a credit", "some credit",
            "credito en mi cuenta", "saldo a favor", "gutschrift*", "guthaben", "un avoir", "credit sur mon compte", "credito na minha conta",
            "credito sul mio", "un credito",
        ],
    };

    /// <summary>Keeping what an action would end: a negated cancel ("I want to keep my subscription").</summary>
    public static readonly string[] Keep =
    [
        "keep my subscription", "keep my plan", "keep my account", "keep the subscription", "keep the plan", "stay subscribed", "i'll stay",
        "mantener mi suscripcion", "mantener mi plan", "quedarme con", "behalten", "garder mon abonnement", "garder mon forfait",
        "manter minha assinatura", "manter o plano", "mantenere l'abbonamento", "mantenere il mio abbonamento", "tenere l'abbonamento",
    ];

    public static readonly string[] Duplicate =
    [
        "twice", "double*", "duplicat*", "extra one", "the extra", "second one", "second charge", "one of them", "two charges", "2 charges",
        "dos veces", "duplicad*", "doble", "cobro extra", "doppelt*", "zweimal", "zweite", "en double", "deux fois", "doublon*", "duas vezes",
        "dobrad*", "due volte", "doppi*", "l'altro", "uno de ellos", "einen davon", "l'un des deux", "um deles", "uno dei due",
    ];

    public static readonly string[] Negators =
    [
        "not", "no", "never", "don't", "dont", "doesn't", "didn't", "won't", "wouldn't", "shouldn't", "cannot", "can't", "nothing", "neither",
        "nor", "nunca", "jamas", "ni", "nada", "nicht", "kein", "keine", "keinen", "keiner", "keinesfalls", "nie", "niemals", "nichts",
        "ne", "n", "pas", "jamais", "rien", "aucun", "aucune", "nao", "nem", "non", "mai", "niente", "nulla",
    ];

    /// <summary>Markers that make a clause a request: please, a wish, "can you…".</summary>
    public static readonly string[] Directive =
    [
        "i want", "i wanna", "we want", "i'd like", "id like", "we'd like", "i would like", "we would like", "i need", "we need", "please",
        "pls", "plz", "kindly", "go ahead", "can you", "could you", "would you", "will you", "can u", "could u", "i request",
        "i demand", "i'm asking", "make sure", "i'd love", "let's", "i expect", "quiero", "queremos", "quisiera", "quisieramos",
        "me gustaria", "nos gustaria", "necesito", "necesitamos", "por favor", "porfa", "puede", "puedes", "pueden", "podria", "podrias",
        "podrian", "hazlo", "solicito", "pido", "exijo", "ich mochte", "ich moechte", "wir mochten", "wir moechten", "ich will",
        "wir wollen", "ich hatte gern", "ich hatte gerne", "ich brauche", "wir brauchen", "bitte", "konnen sie", "koennen sie",
        "konnten sie", "kannst du", "konntest du", "wurden sie", "wurdest du", "ich verlange", "je veux", "je voudrais", "nous voulons",
        "nous voudrions", "aimerais", "aimerions", "je souhaite", "nous souhaitons", "s il vous plait", "s il te plait", "svp", "stp",
        "merci de", "pouvez vous", "pourriez vous", "peux tu", "pourrais tu", "vous pouvez", "veuillez", "je demande", "il me faut",
        "j ai besoin", "quero", "queremos", "queria", "gostaria", "gostariamos", "preciso", "precisamos", "pode", "podem", "poderia",
        "poderiam", "solicito", "peco", "voglio", "vogliamo", "vorrei", "vorremmo", "ho bisogno", "abbiamo bisogno", "per favore",
        "per piacere", "puoi", "potete", "potresti", "potreste", "potrebbe", "chiedo", "gentilmente", "vi prego", "ti prego",
    ];

    /// <summary>A wish to know is a question, not a request ("I'd like to know how to cancel").</summary>
    public static readonly string[] WishToKnow =
    [
        "want to know", "like to know", "need to know", "want to understand", "want to ask", "wanted to ask", "like to ask", "wondering",
        "quiero saber", "quisiera saber", "gustaria saber", "necesito saber", "mochte wissen", "moechte wissen", "will wissen", "wissen",
        "savoir", "saber", "sapere", "se puede", "si puo", "da pra",
    ];

    /// <summary>Asking to be given something ("could I get the $29 back?"): a request for a refund or credit.</summary>
    public static readonly string[] AskToGet =
    [
        "can i get", "could i get", "can i have", "could i have", "may i have", "may i get", "can we get", "could we get", "possible to get",
        "possible to have", "i get my", "puedo obtener", "puedo tener", "puedo recibir", "me pueden", "me puede", "me podrian",
        "bekommen", "erhalten", "zuruckbekommen", "puis je avoir", "puis je obtenir", "je peux avoir", "je peux obtenir", "possible d avoir",
        "posso ter", "posso receber", "posso obter", "posso avere", "posso ottenere", "posso ricevere",
    ];

    public static readonly string[] Interrogative =
    [
        "how", "what", "when", "why", "where", "which", "who", "can i", "could i", "do i", "does", "is it", "are", "will i", "would i",
        "should i", "is there", "como", "cuando", "por que", "donde", "cual", "puedo", "es posible", "wie", "was", "wann", "warum",
        "wo", "welche", "kann ich", "ist es", "muss ich", "comment", "quand", "pourquoi", "quel", "quelle", "est ce que", "puis je",
        "combien", "quando", "porque", "onde", "qual", "posso", "e possivel", "come", "perche", "dove", "quale", "e possibile",
    ];

    /// <summary>Question words: a question that opens with one asks about the action, even "how would you cancel?".</summary>
    public static readonly string[] WhQuestion =
    [
        "how", "what", "when", "why", "where", "which", "que", "quoi", "o que", "cosa", "che", "como", "cuando", "por que", "porque", "donde", "cual", "wie", "was", "wann",
        "warum", "wo", "welche", "weshalb", "comment", "quand", "pourquoi", "quel", "quelle", "combien", "ou", "quando", "onde", "qual",
        "come", "perche", "dove", "quale", "quanto",
    ];

    /// <summary>"Can I cancel?": asking whether the customer may, not asking Lee to.</summary>
    public static readonly string[] AbilityQuestion =
    [
        "can i", "could i", "may i", "am i able", "is it possible", "puedo", "se puede", "es posible", "kann ich", "konnte ich", "darf ich",
        "ist es moglich", "puis je", "est ce que je peux", "est il possible", "peut on", "posso", "e possivel", "da para", "e possibile",
        "si puo",
    ];

    public static readonly string[] Conditional =
    [
        "if", "suppose", "supposing", "hypothetically", "hypothetical", "imagine", "whether", "what if", "in case", "let's say", "lets say",
        "suponiendo", "supongamos", "hipoteticamente", "en caso de", "imaginemos", "wenn", "falls", "angenommen", "hypothetisch", "sofern",
        "au cas ou", "supposons", "hypothetiquement", "imaginons", "caso", "supondo", "suponhamos", "nel caso", "qualora", "supponiamo",
        "ipoteticamente",
    ];

    /// <summary>Politeness that looks conditional but asks ("cancel it, if possible").</summary>
    public static readonly string[] PoliteConditions =
    [
        "if possible", "if you can", "if you could", "if that's ok", "if thats ok", "if you don't mind", "si es posible", "si puedes",
        "si pueden", "si puede", "wenn moglich", "falls moglich", "wenn es geht", "si possible", "si vous pouvez", "se possivel",
        "se puder", "se possibile", "se puoi", "se potete",
    ];

    public static readonly string[] Withdrawal =
    [
        "never mind", "nevermind", "nvm", "forget it", "forget that", "forget about", "forget what i said", "scratch that", "ignore that",
        "ignore my last", "disregard that", "disregard my", "changed my mind", "change of plans", "on second thought", "on second thoughts",
        "actually no", "no wait", "hold on", "hold off", "don't bother", "let's not", "lets not", "olvidalo", "olvida lo", "olvidelo",
        "olvidate", "no importa", "dejalo", "dejelo", "mejor no", "cambie de opinion", "cambie de idea", "ya no hace falta", "no hace falta",
        "pensandolo bien", "vergiss es", "vergessen sie es", "vergiss das", "vergessen sie das", "schon gut", "doch nicht",
        "hat sich erledigt", "lieber nicht", "anders uberlegt", "nicht notig", "laisse tomber", "laissez tomber", "oubliez", "oublie ca",
        "finalement non", "tant pis", "change d avis", "pas la peine", "deixa pra la", "deixa para la", "esquece", "esqueca", "esquecam",
        "mudei de ideia", "nao precisa", "melhor nao", "lascia perdere", "lasciate perdere", "lascia stare", "non importa",
        "ho cambiato idea", "cambiato idea", "non serve", "meglio di no", "dimentica", "dimenticate",
    ];

    /// <summary>A clause that is only this says stop (to whatever was asked), not "stop my subscription".</summary>
    public static readonly string[] BareStop = ["stop", "stop it", "stop that", "wait", "para", "halt", "stopp", "arrete", "arretez", "pare", "basta", "ferma"];

    public static readonly string[] Greetings =
    [
        "hi", "hello", "hey", "hiya", "good morning", "good afternoon", "good evening", "hola", "buenas", "buenos dias", "buenas tardes",
        "hallo", "guten tag", "guten morgen", "moin", "servus", "gruss gott", "bonjour", "bonsoir", "salut", "coucou", "ola", "oi", "bom dia",
        "boa tarde", "boa noite", "ciao", "buongiorno", "buonasera", "salve",
    ];

    public static readonly string[] Closings =
    [
        "thanks", "thank you", "thank u", "thx", "ty", "cheers", "bye", "goodbye", "that's all", "thats all", "that's it", "have a nice day",
        "gracias", "muchas gracias", "adios", "hasta luego", "eso es todo", "danke", "vielen dank", "danke schon", "tschuss", "auf wiedersehen",
        "das wars", "merci", "merci beaucoup", "au revoir", "bonne journee", "c est tout", "obrigado", "obrigada", "muito obrigado", "tchau",
        "ate logo", "e so isso", "grazie", "grazie mille", "arrivederci", "buona giornata", "e tutto", "appreciate it",
    ];

    public static readonly string[] Yes =
    [
        "yes", "yeah", "yep", "yup", "sure", "ok", "okay", "go ahead", "do it", "please do", "confirm", "confirmed", "i confirm", "absolutely",
        "of course", "correct", "sounds good", "go for it", "ja", "jawohl", "klar", "gerne", "einverstanden", "mach das", "machen sie das",
        "si", "claro", "adelante", "vale", "hazlo", "de acuerdo", "confirmo", "por supuesto", "oui", "ouais", "d accord", "je confirme",
        "allez y", "vas y", "bien sur", "sim", "pode sim", "com certeza", "certo", "isso", "va bene", "procedi", "confermo", "certamente",
    ];

    public static readonly string[] No =
    [
        "no", "nope", "nah", "nein", "non", "nao", "no thanks", "not now", "not yet", "no gracias", "nein danke", "non merci", "nao obrigado",
        "no grazie", "ahora no", "jetzt nicht", "pas maintenant", "agora nao", "non ora",
    ];

    public static readonly string[] StatusCheck =
    [
        "everything ok", "everything okay", "everything fine", "everything good", "everything sorted", "all good now", "all set", "all square",
        "is it fixed", "is it sorted", "is it resolved", "are we good", "nothing else outstanding", "anything else outstanding", "am i good",
        "todo bien", "todo en orden", "todo arreglado", "ya esta todo", "alles in ordnung", "alles ok", "alles gut", "alles erledigt",
        "tout est bon", "tout est en ordre", "tout est regle", "tout va bien", "tudo certo", "tudo ok", "tudo bem agora", "tudo resolvido",
        "tutto a posto", "tutto ok", "tutto bene", "tutto risolto",
    ];

    /// <summary>Words for an email address, as the tokenizer cuts them ("e-mail" is "e mail").</summary>
    public static readonly string[] EmailWords = ["email", "emails", "e mail", "mail address", "correo", "courriel", "correio", "emailadresse", "mailadresse", "adresse e mail"];

    /// <summary>What makes a sentence about an email address ask which one is on file: a which-word or "on file".</summary>
    public static readonly string[] WhichOnFile =
    [
        "what", "which", "what's", "whats", "on file", "have for me", "you have", "registered", "cual", "que", "welche", "welcher", "welches",
        "hinterlegt", "quel", "quelle", "enregistre", "enregistree", "qual", "registrado", "registrada", "cadastrado", "quale", "registrato",
        "registrata",
    ];

    /// <summary>Words that carry no request: with greetings, closings and yeses, a message of only these is small talk.</summary>
    public static readonly string[] Filler =
    [
        "lee", "there", "team", "so", "much", "very", "a", "lot", "you", "again", "great", "perfect", "awesome", "cool", "excellent",
        "wonderful", "super", "nice", "good", "genial", "perfecto", "perfekt", "parfait", "otimo", "perfeito", "ottimo", "perfetto", "equipo",
        "and", "y", "und", "et", "e", "all", "for", "your", "help", "the", "that", "this", "now", "then", "really", "mucho", "muito", "tanto",
        "por", "su", "ayuda", "ihre", "hilfe", "pour", "votre", "aide", "pela", "ajuda", "per", "l", "aiuto", "de", "the", "it", "is",
    ];

    /// <summary>Words that start a clause without carrying its verb (skipped when looking for an imperative).</summary>
    public static readonly string[] Openers =
    [
        "please", "pls", "plz", "just", "ok", "okay", "so", "then", "and", "now", "also", "kindly", "go", "ahead", "right", "well", "hey",
        "hi", "hello", "lee", "por", "favor", "bitte", "svp", "merci", "de", "y", "und", "et", "e", "ahora", "jetzt", "maintenant", "agora",
        "ora", "allora", "pues", "bueno", "bon", "also", "dann", "alors", "entao", "yes", "yeah", "si", "ja", "oui", "sim", "sure",
    ];

    public static readonly string[] ClauseBreaks =
    [
        "but", "and", "and then", "so", "y", "und", "et", "e", "because", "also", "however", "though", "pero", "porque", "asi que", "aber", "weil", "sondern", "jedoch",
        "mais", "car", "donc", "pourtant", "mas", "porem", "entao", "ma", "perche", "quindi", "pero", "pourtant", "instead", "en cambio",
        "stattdessen", "plutot", "invece",
    ];
}
