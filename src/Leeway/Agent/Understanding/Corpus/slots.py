"""Slot fillers for the corpus templates: {name} in a template draws one of these."""

import string


def _id(prefix):
    def make(rng, lang):
        n = rng.randint(6, 14)
        return prefix + "".join(rng.choice(string.ascii_letters + string.digits) for _ in range(n))
    return make


def _amount(rng, lang):
    whole = rng.choice([5, 9, 12, 15, 19, 20, 24, 29, 39, 45, 49, 59, 60, 79, 86, 99, 120, 149, 199, 240, 299, 480,
                        1200, 1499, 2400])
    cents = rng.choice([0, 0, 0, 0, 99, 50, 49, 95])
    us = f"{whole:,}" + (f".{cents:02d}" if cents else "")
    eu = f"{whole:,}".replace(",", ".") + (f",{cents:02d}" if cents else "")
    if lang in ("es", "de", "fr", "pt", "it"):
        return rng.choice([f"{eu} €", f"{eu}€", f"€{eu}", f"{eu} euros", f"{eu} EUR", f"{eu} Euro", f"${us}",
                           f"{whole} euros", f"{us} USD"])
    return rng.choice([f"${us}", f"${us}", f"${whole}", f"{us} USD", f"USD {us}", f"{whole} dollars", f"€{us}",
                       f"£{us}", f"{whole} bucks", f"${whole}.00", f"{us}"])


SLOTS = {
    "amt": _amount,
    "inv": _id("in_"),
    "ch": _id("ch_"),
    "sub": _id("sub_"),
    "pi": _id("pi_"),
    "re": _id("re_"),
    "cs": _id("cs_"),
    "l4": lambda rng, lang: "".join(rng.choice(string.digits) for _ in range(4)),
    "email": lambda rng, lang: rng.choice(["sam", "ana.lopez", "jk", "finance", "billing", "m.weber", "claire",
                                           "ops-team", "j.doe"]) + "@" + rng.choice(
        ["example.com", "acme.io", "gmail.com", "firma.de", "societe.fr", "empresa.es", "outlook.com"]),
    "prod": ["seats add-on", "Pro plan", "Team plan", "storage pack", "100 GB storage pack", "priority support",
             "data export pack", "onboarding session", "API add-on", "Business plan", "annual plan", "monthly plan",
             "SSO add-on", "extra seats", "analytics add-on", "premium plan", "add-on", "upgrade", "renewal",
             "subscription"],
    "feat": ["SSO", "single sign-on", "audit logs", "API access", "priority support", "the extra storage",
             "custom domains", "SAML login", "the analytics dashboard", "advanced reports", "team workspaces",
             "webhooks", "the Pro features", "the seats I bought", "the export tool", "premium templates"],
    "plan": ["Pro", "Team", "Business", "Starter", "Enterprise", "Premium", "Plus", "Growth"],
    "month": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December", "Nov", "Oct", "Sept", "Dec"],
    "mes": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
            "noviembre", "diciembre"],
    "monat": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
              "November", "Dezember"],
    "mois": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
             "novembre", "décembre"],
    "when": ["this month", "last month", "yesterday", "last week", "on Tuesday", "in {month}", "on the 3rd",
             "today", "this morning", "two days ago", "on {month} 8", "on 2026-11-01", "over the weekend",
             "for {month}", "a few days ago", "earlier today", "on Friday"],
    "cuando": ["este mes", "el mes pasado", "ayer", "la semana pasada", "en {mes}", "hoy", "el martes",
               "hace dos días", "esta mañana"],
    "wann": ["diesen Monat", "letzten Monat", "gestern", "letzte Woche", "im {monat}", "heute", "am Dienstag",
             "vor zwei Tagen", "heute früh"],
    "quand": ["ce mois-ci", "le mois dernier", "hier", "la semaine dernière", "en {mois}", "aujourd'hui", "mardi",
              "il y a deux jours", "ce matin"],
    "card": ["my card", "my Visa", "my Mastercard", "my Amex", "the card on file", "my debit card",
             "my company card", "the card ending {l4}", "my Visa ending in {l4}", "card **** {l4}",
             "the Mastercard ending {l4}", "my credit card", "the card", "my business card"],
    "tarjeta": ["mi tarjeta", "la tarjeta", "mi Visa", "la tarjeta terminada en {l4}", "mi tarjeta de crédito",
                "la tarjeta de la empresa"],
    "karte": ["meine Karte", "die Karte", "meine Kreditkarte", "die Visa mit Endung {l4}", "meine Mastercard",
              "die Firmenkarte", "meine EC-Karte"],
    "carte": ["ma carte", "la carte", "ma Visa", "la carte qui finit par {l4}", "ma carte bancaire",
              "la carte de l'entreprise", "ma CB"],
    "bank": ["my bank", "the bank", "my card issuer", "Chase", "Barclays", "Revolut", "Wells Fargo", "my credit union",
             "HSBC", "Amex", "the card company", "N26"],
    "meter": ["API calls", "API usage", "compute minutes", "storage", "emails sent", "events", "tokens",
              "bandwidth", "requests", "build minutes", "messages", "overage"],
    "bill": ["bill", "invoice", "charge", "statement", "payment"],
    "obj": ["charge", "payment", "transaction", "debit", "line on my statement", "card charge", "entry"],
    "us": ["you", "you guys", "your company", "you people", "your system", "Leeway", "y'all"],
    "hi": ["Hi", "Hello", "Hey", "Hi there", "Good morning", "Hiya", "Hey team", "Dear support"],
}

STYLE_BITS = {
    "en": {
        "greet": ["Hi,", "Hello,", "Hey there,", "Good morning,", "Hi team,", "Hi Lee,", "Hey,", "Dear support,",
                  "Good afternoon.", "Yo", "Hello again,", "Quick question:"],
        "ramble": ["So I've been a customer for about two years and never had an issue, but",
                   "Long story short,", "I'm writing on behalf of our finance team.", "Not sure if this is the right place, but",
                   "Sorry, I'm not very good with this stuff.", "I already tried the help center and it didn't help.",
                   "OK so here's the thing.", "Bear with me, this is a bit of a saga.", "My accountant asked me to check this:",
                   "I'm on my phone so excuse the typos.", "Apologies if this was asked before.", "Quick one from our office manager:",
                   "We're a small team and I handle the admin side.", "I've been going back and forth on this all morning."],
        "thanks": ["Thanks!", "Thank you.", "Cheers", "thx", "Many thanks in advance.", "Thanks a lot", "ty",
                   "Appreciate it.", "Best, Sam", "Regards, Ana", "thanks in advance!", "Thank you so much!"],
        "angry": ["This is ridiculous.", "Unacceptable!", "WTF", "I'm furious.", "Third time I'm asking.",
                  "Fix it NOW.", "Seriously??", "Worst service ever.", "I'm so done with this.", "Get it sorted.",
                  "This is a joke.", "Absolutely unacceptable.", "I'm losing my patience.", "wtf is going on",
                  "Not happy at all.", "This is the last straw."],
        "urgent": ["asap", "ASAP please", "it's urgent", "today if possible", "quickly please", "right now",
                   "as soon as you can", "urgently"],
    },
    "es": {
        "greet": ["Hola,", "Buenas,", "Buenos días,", "Hola equipo,", "Hola Lee,", "Buenas tardes,"],
        "ramble": ["Les escribo porque", "Mire, llevo dos años con ustedes y", "No sé si es aquí, pero",
                   "Perdón por el rollo, pero", "Escribo de parte de contabilidad:"],
        "thanks": ["Gracias!", "Muchas gracias.", "Gracias de antemano.", "Saludos.", "Un saludo, Ana"],
        "angry": ["Esto es inaceptable.", "Es ridículo.", "Ya es la tercera vez.", "Estoy harto.", "Qué vergüenza.",
                  "¡Arreglenlo YA!"],
        "urgent": ["urgente", "lo antes posible", "hoy mismo por favor", "ya"],
    },
    "de": {
        "greet": ["Hallo,", "Guten Tag,", "Hi,", "Moin,", "Servus,", "Sehr geehrte Damen und Herren,"],
        "ramble": ["Ich schreibe, weil", "Kurz zur Lage:", "Ich bin seit zwei Jahren Kunde und", "Sorry für die lange Nachricht, aber",
                   "Im Auftrag unserer Buchhaltung:"],
        "thanks": ["Danke!", "Vielen Dank.", "Danke im Voraus.", "Gruß, Max", "Beste Grüße", "Merci!"],
        "angry": ["Das ist inakzeptabel.", "Das ist lächerlich.", "Schon das dritte Mal!", "Ich bin sauer.",
                  "Unglaublich.", "Eine Frechheit!"],
        "urgent": ["dringend", "bitte schnell", "heute noch bitte", "sofort"],
    },
    "fr": {
        "greet": ["Bonjour,", "Salut,", "Bonsoir,", "Bonjour l'équipe,", "Bonjour Lee,", "Madame, Monsieur,"],
        "ramble": ["Je vous écris car", "Alors voilà,", "Je suis client depuis deux ans et", "Désolé pour le pavé, mais",
                   "De la part de notre service compta :"],
        "thanks": ["Merci !", "Merci beaucoup.", "Merci d'avance.", "Cordialement.", "Bonne journée, Claire"],
        "angry": ["C'est inadmissible.", "C'est ridicule.", "C'est la troisième fois !", "J'en ai marre.",
                  "Inacceptable.", "Franchement, c'est n'importe quoi."],
        "urgent": ["urgent", "au plus vite", "aujourd'hui svp", "rapidement"],
    },
}
STYLE_BITS["mix"] = {k: STYLE_BITS["en"][k] + STYLE_BITS["es"][k] + STYLE_BITS["de"][k] + STYLE_BITS["fr"][k]
                     for k in STYLE_BITS["en"]}
