using System.Globalization;
using System.Text.RegularExpressions;
using Leeway.Agent.Brain;
using Leeway.Billing;
using Leeway.Diagnostics;
using Leeway.Policy;
using Leeway.Policy.Actions;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Stripe;

namespace Leeway.Agent.Replies;

/// <summary>
/// Everything the built-in brain says, in the customer's language: the words come from resources
/// (<c>LeeSays.resx</c>, one translation per language, read through <see cref="IStringLocalizer"/>), amounts and dates
/// are formatted for <see cref="Culture"/>. Every fact comes from the turn (diagnosis, Stripe, a knowledge article);
/// nothing here invents a price, a date, a policy or a promise.
/// </summary>
internal sealed partial class LeeSays
{
    private static readonly Lazy<IStringLocalizer<LeeSays>> Standalone = new(() =>
        new StringLocalizer<LeeSays>(new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance)));

    private readonly IStringLocalizer<LeeSays> _text;

    public LeeSays(IStringLocalizer<LeeSays> text, CultureInfo culture)
    {
        _text = text;
        Culture = culture;
    }

    /// <summary>English (en-US), read without a host: the default of a turn built outside one.</summary>
    public static LeeSays English { get; } = new(Standalone.Value, ReplyCulture.For("en"));

    /// <summary>Lee's words in <paramref name="language"/>, formatted for it and the customer's currency.</summary>
    public static LeeSays For(string language, string? currency = null, IStringLocalizer<LeeSays>? text = null) =>
        new(text ?? Standalone.Value, ReplyCulture.For(language, currency));

    public CultureInfo Culture { get; }

    /// <summary>The two-letter language of <see cref="Culture"/> (en, es, de, fr, pt, it).</summary>
    public string Language => Culture.TwoLetterISOLanguageName;

    /// <summary>
    /// The resource <paramref name="key"/> in <see cref="Culture"/>, filled with <paramref name="args"/> (already
    /// formatted text). The localizer reads the current UI culture, so it is set for this one lookup only.
    /// </summary>
    internal string Text(string key, params object?[] args) =>
        LocalizedText.Read(_text, "LeeSays", Culture, key, args);

    /// <summary>An amount in minor units, as a reader of this language writes it (<c>$15.00</c>, <c>15,00 €</c>).</summary>
    public string Amount(long minorUnits, string? currency) => Money.Format(minorUnits, currency, Culture);

    /// <summary>A day as a reader of this language writes it (<c>December 1, 2026</c>, <c>1. Dezember 2026</c>), UTC.</summary>
    public string Date(DateTimeOffset time) => time.UtcDateTime.ToString(Text("Format.Day"), Culture);

    /// <summary>A month (<c>November 2026</c>, <c>noviembre de 2026</c>).</summary>
    public string Month(int month, int year) =>
        new DateTime(year, Math.Clamp(month, 1, 12), 1, 0, 0, 0, DateTimeKind.Utc).ToString(Text("Format.Month"), Culture);

    /// <summary>A card as the customer names it: <c>Visa ending in 4242</c>, or the brand alone.</summary>
    public string Card(string? brand, string? last4)
    {
        var name = string.IsNullOrWhiteSpace(brand) || brand.Equals("unknown", StringComparison.OrdinalIgnoreCase) ? Text("Card.Unknown") : CardFormat.Brand(brand);
        var card = string.IsNullOrWhiteSpace(last4) ? Text("Card.Brand", name) : Text("Card.Ending", name, last4);

        // Languages that say "tarjeta Visa" leave the brand out when it is unknown: "tarjeta terminada en 4242".
        return card.Replace("  ", " ", StringComparison.Ordinal).Trim();
    }

    /// <summary>
    /// A feature's or a meter's code as a person reads it (<c>api_calls</c> → <c>API calls</c>, <c>sso</c> → <c>SSO</c>):
    /// a customer never sees a raw code.
    /// </summary>
    public static string Humanize(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return "";
        }

        var words = code.Trim().Split(['_', '-', '.'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => Acronyms.Contains(w) ? w.ToUpperInvariant() : w);
        return string.Join(' ', words);
    }

    private static readonly HashSet<string> Acronyms = new(StringComparer.OrdinalIgnoreCase) { "api", "sso", "saml", "sms", "ip", "url", "cpu", "gpu", "ai", "llm", "gb", "tb", "mb", "sla", "scim", "mfa", "2fa" };

    /// <summary>"your Visa ending in 4242" (a sentence's object), or "your card" when nothing is known.</summary>
    public string YourCard(PaymentMethodCard? card) => card is null ? Text("Card.YourCard") : Text("Card.Your", Card(card.Brand, card.Last4));

    public string YourCard(ChargePaymentMethodDetailsCard? card) => card is null ? Text("Card.YourCard") : Text("Card.Your", Card(card.Brand, card.Last4));

    /// <summary>The sentences that tell the customer a person will follow up all hold this phrase (one per language).</summary>
    public bool PromisesFollowUp(string reply) =>
        reply.Contains(Text("FollowUpMarker"), StringComparison.OrdinalIgnoreCase) || reply.Contains("follow up", StringComparison.OrdinalIgnoreCase);

    public string PersonAlreadyHasIt => Text("PersonAlreadyHasIt");

    public string AddedToCase => Text("AddedToCase");

    public string NothingChanged => Text("NothingChanged");

    public string CreditNeedsPerson => Text("CreditNeedsPerson");

    public string NothingChangedYet => Text("NothingChangedYet");

    public string CreditIsAPersonsCall => Text("CreditIsAPersonsCall");

    public string CancelDoesNotRefund(Charge? charge) => charge is null
        ? Text("CancelDoesNotRefund")
        : Text("CancelDoesNotRefund.Offer", Amount(charge.Amount - charge.AmountRefunded, charge.Currency), Date(charge.Created));

    public string SorryForTheTrouble => Text("SorryForTheTrouble");

    public string PayYourself => Text("PayYourself");

    /// <summary>What Lee says instead of repeating itself word for word: nothing changed, what is still wrong; then a person.</summary>
    public IReadOnlyList<string> NothingNewSince(Turn turn) => turn.Conversation.CaseId is null
        ? [Text("NothingNewSince.Ask"), Text("NothingNewSince.Person")]
        : [Text("NothingNewSince.Case.Ask"), Text("NothingNewSince.Case.Added")];

    public string Greeting(Turn turn) =>
        turn.Diagnosis is { } d && d.RootCause != RootCause.None
            ? Text("Greeting.Problem", Explain(turn, d))
            : Text("Greeting");

    public string Closing(Turn turn)
    {
        var said = turn.History.Where(m => m.From == LeeNames.Author).Select(m => m.Text).ToHashSet();
        var options = new[] { Text("Closing.1"), Text("Closing.2"), Text("Closing.3") };
        return options.FirstOrDefault(o => !said.Contains(o)) ?? options[^1];
    }

    /// <summary>"Is everything OK now?", answered from the diagnosis read this turn.</summary>
    public string Status(Turn turn)
    {
        var d = turn.Diagnosis!;
        var open = turn.Billing?.OpenInvoices().Where(i => i.Owed() > 0).ToList() ?? [];
        if (d.RootCause == RootCause.None && open.Count == 0)
        {
            return Text("Status.AllClear");
        }

        if (d.RootCause is RootCause.RefundInProgress or RootCause.CardExpiringSoon or RootCause.None)
        {
            return Text("Status.NothingOverdue", Explain(turn, d));
        }

        return Text("Status.NotYet", Explain(turn, d));
    }

    /// <summary>The diagnosis explained as the customer should read it, in their language, without internal object ids.</summary>
    public string Explain(Turn turn, Diagnosis diagnosis)
    {
        _ = turn;
        return Scrub(LeeExplains.Write(this, diagnosis.RootCause, diagnosis.Findings));
    }

    public string Explain(Turn turn, Finding finding) =>
        turn.Diagnosis?.Primary == finding ? Explain(turn, turn.Diagnosis) : Scrub(LeeExplains.Write(this, finding.RootCause, [finding]));

    /// <summary>
    /// The last guard against a Stripe object id a customer never sees, in this language: an invoice id (with the word
    /// for invoice before it, if any) becomes "your invoice", a charge id "the extra charge", any other id "it", each from
    /// the resources (<c>Scrub.*</c>); at the start of a sentence the words start with a capital.
    /// </summary>
    public string Scrub(string text)
    {
        var words = ScrubWords.GetOrAdd(Language, _ => new(Words("Scrub.InvoiceWords", "(?:in|il)"), Words("Scrub.ChargeWords", "(?:ch|py)")));
        var scrubbed = InvoiceRef().Replace(text, "");
        scrubbed = words.Invoice.Replace(scrubbed, m => InPlace(m, Text("Scrub.Invoice")));
        scrubbed = words.Charge.Replace(scrubbed, m => InPlace(m, Text("Scrub.Charge")));
        return BareId().Replace(scrubbed, m => InPlace(m, Text("Scrub.Other")));
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (Regex Invoice, Regex Charge)> ScrubWords = new(StringComparer.Ordinal);

    /// <summary>An id of <paramref name="prefixes"/>, with one of the words for it (resource <paramref name="key"/>, <c>|</c>-separated) before it.</summary>
    private Regex Words(string key, string prefixes)
    {
        var nouns = Text(key).Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .OrderByDescending(w => w.Length)
            .Select(w => Regex.Escape(w).Replace(@"\ ", @"\s+", StringComparison.Ordinal));
        return new Regex(
            $@"(?<![\p{{L}}\p{{N}}_'])(?:(?:{string.Join('|', nouns)})\s+)?{prefixes}_[A-Za-z0-9_]+",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
            TimeSpan.FromSeconds(1));
    }

    /// <summary><paramref name="words"/> in place of the id <paramref name="match"/>, with a capital at the start of a sentence.</summary>
    private string InPlace(Match match, string words)
    {
        var before = match.Result("$`").TrimEnd();
        return before.Length == 0 || before[^1] is '.' or '!' or '?' or ':'
            ? char.ToUpper(words[0], Culture) + words[1..]
            : words;
    }

    [GeneratedRegex(@" for invoice (?:in|il)_[A-Za-z0-9_]+")]
    private static partial Regex InvoiceRef();

    [GeneratedRegex(@"\b(?:in|ch|pi|sub|cs|re|dp|pm|cus)_[A-Za-z0-9_]+")]
    private static partial Regex BareId();

    public string NotCancelled(Turn turn)
    {
        var live = turn.Billing?.Subscriptions.FirstOrDefault(s => s.Status is "active" or "trialing" or "past_due");
        return live is null
            ? Text("NotCancelled")
            : live.CancelAtPeriodEnd
                ? Text("NotCancelled.Ending", Date(PeriodEnd(live)))
                : Text("NotCancelled.Renews", Date(PeriodEnd(live)));
    }

    public string OfferRefund(Charge charge) =>
        Text(
            string.IsNullOrEmpty(charge.Description) ? "OfferRefund" : "OfferRefund.Described",
            Amount(charge.Amount - charge.AmountRefunded, charge.Currency),
            Date(charge.Created),
            YourCard(charge.PaymentMethodDetails?.Card),
            charge.Description);

    public string OfferDuplicateRefund(Charge charge) =>
        Text("OfferDuplicateRefund", Amount(charge.Amount, charge.Currency), Date(charge.Created), Amount(charge.Amount - charge.AmountRefunded, charge.Currency));

    public string AlreadyRefunded(Charge charge) =>
        charge.Refunds?.Data?.OrderByDescending(r => r.Created).FirstOrDefault() is { } refund
            ? Text("AlreadyRefunded.On", Amount(charge.Amount, charge.Currency), Date(charge.Created), Date(refund.Created))
            : Text("AlreadyRefunded", Amount(charge.Amount, charge.Currency), Date(charge.Created));

    public string Clarify(Turn turn, Diagnosis diagnosis) =>
        diagnosis.RootCause == RootCause.None ? Text("Clarify") : Text("Clarify.Problem", Explain(turn, diagnosis));

    public string HandingToPerson => Text("HandingToPerson");

    public string SorryHandingToPerson => $"{Text("SorryFrustrating")} {HandingToPerson}";

    public string OnlyYourAccount => Text("OnlyYourAccount");

    public string CannotReadBilling => Text("CannotReadBilling");

    /// <summary>What <see cref="ReplyGuard"/> sends instead of a reply that failed its check.</summary>
    public string Withheld => Text("Withheld");

    /// <summary>The turn ran out of time (a slow Stripe): what could not be done, that nothing is guessed, and who has it now.</summary>
    /// <param name="unfinished">The action type that was sent and not confirmed (<c>refund</c>, …), or null when only reading was under way.</param>
    public string RanOutOfTime(ActionType? unfinished) =>
        Text(unfinished switch
        {
            ActionType.Refund => "RanOutOfTime.Refund",
            ActionType.RetryPayment => "RanOutOfTime.Retry",
            ActionType.CancelSubscription => "RanOutOfTime.Cancel",
            ActionType.Credit => "RanOutOfTime.Credit",
            ActionType.ResumeSubscription or null => "RanOutOfTime.Reading",
            ActionType.RegenerateLink or ActionType.CardUpdateLink or ActionType.AuthenticatePayment or ActionType.UseCard => "RanOutOfTime.Link",
        })
        + " " + Text("RanOutOfTime.Handover");

    public string DisputeHandledByPeople => Text("DisputeHandledByPeople");

    public string OrUseAnotherCard => Text("OrUseAnotherCard");

    public string AllSet => Text("AllSet");

    public string NoSubscription => Text("NoSubscription");

    public string WhichSubscription => Text("WhichSubscription");

    public string NoAuthorityFromMessages(Turn turn) =>
        turn.Diagnosis is { } d && d.RootCause != RootCause.None
            ? Text("NoAuthority.Status", Explain(turn, d))
            : Text("NoAuthority");

    public string CardLinkIntro(Turn turn) =>
        turn.Diagnosis is { } d && d.RootCause != RootCause.None && d.RecommendedAction is RecommendedAction.UpdateCard or RecommendedAction.ContactBank
            ? Explain(turn, d)
            : Text("CardLinkIntro");

    public string HereIsYourLink(string intro, ActionType action, string url)
    {
        var what = Text(action switch
        {
            ActionType.CardUpdateLink => "Link.Card",
            ActionType.AuthenticatePayment => "Link.Authenticate",
            ActionType.RegenerateLink or ActionType.RetryPayment or ActionType.Refund or ActionType.CancelSubscription
                or ActionType.Credit or ActionType.UseCard or ActionType.ResumeSubscription => "Link.Pay",
        });
        return $"{intro}\n\n{what}: {url}".Trim();
    }

    public string OfferRetry(Invoice invoice) => Text("OfferRetry", Amount(invoice.AmountRemaining, invoice.Currency));

    public string NothingOutstanding(Turn turn) =>
        turn.Billing?.Invoices.Any(i => i.Status == "open" && i.AmountRemaining > 0) == true
            ? Text("NothingToRetry")
            : Text("NothingOutstanding");

    public string RetrySucceeded(Turn turn, Invoice invoice, GateOutcome outcome)
    {
        var card = turn.Billing?.DefaultPaymentMethod?.Card;
        var amount = Amount(outcome.Result?.Amount ?? invoice.AmountRemaining, outcome.Result?.Currency ?? invoice.Currency);
        return card is null ? Text("RetrySucceeded", amount) : Text("RetrySucceeded.Card", amount, YourCard(card));
    }

    public string RetryDeclined() => Text("RetryDeclined");

    public string Refunded(Charge charge, GateOutcome outcome)
    {
        var amount = Amount(outcome.Result?.Amount ?? (charge.Amount - charge.AmountRefunded), charge.Currency);
        var to = YourCard(charge.PaymentMethodDetails?.Card);
        return string.IsNullOrEmpty(charge.Description) ? Text("Refunded", amount, to) : Text("Refunded.Described", amount, to, charge.Description);
    }

    private string ChargeLine(Charge c) =>
        string.IsNullOrEmpty(c.Description)
            ? Text("ChargeLine", Amount(c.Amount, c.Currency), Date(c.Created))
            : Text("ChargeLine.Described", Amount(c.Amount, c.Currency), Date(c.Created), c.Description);

    public string WhichCharge(Turn turn)
    {
        var recent = (turn.Billing?.Charges ?? []).Where(c => c.Status == "succeeded" && c.AmountRefunded < c.Amount)
            .OrderByDescending(c => c.Created).Take(3)
            .Select(ChargeLine)
            .ToList();
        return recent.Count == 0 ? Text("WhichCharge.None") : Text("WhichCharge", string.Join("; ", recent));
    }

    public string RefundStatus(Turn turn)
    {
        var refunds = turn.Billing?.Refunds ?? [];
        var pending = refunds.Where(r => r.Status == "pending").ToList();
        if (turn.Diagnosis is { RootCause: RootCause.RefundInProgress } d)
        {
            return Text("RefundStatus.InProgress", Explain(turn, d));
        }

        if (pending.Count > 0)
        {
            var r = pending[0];
            return Text("RefundStatus.Pending", Amount(r.Amount, r.Currency), Date(r.Created));
        }

        var recent = refunds.Where(r => r.Status == "succeeded").OrderByDescending(r => r.Created).FirstOrDefault();
        return recent is not null
            ? Text("RefundStatus.Completed", Amount(recent.Amount, recent.Currency), Date(recent.Created))
            : Text("RefundStatus.None");
    }

    public string RecentCharges(Turn turn)
    {
        var charges = (turn.Billing?.Charges ?? []).Where(c => c.Status == "succeeded").OrderByDescending(c => c.Created).Take(5)
            .Select(c => Text(
                "RecentCharges.Line",
                Amount(c.Amount, c.Currency),
                Date(c.Created),
                string.IsNullOrEmpty(c.Description) ? Text(turn.Billing!.InvoiceOf(c) is null ? "RecentCharges.OneTime" : "RecentCharges.Subscription") : c.Description))
            .ToList();
        return charges.Count == 0 ? Text("RecentCharges.None") : Text("RecentCharges", string.Join("; ", charges));
    }

    public string EmailOnFile(string? email) => string.IsNullOrWhiteSpace(email) ? Text("EmailOnFile.None") : Text("EmailOnFile", email);

    public string AlreadyCancelling(Subscription subscription) => Text("AlreadyCancelling", Date(PeriodEnd(subscription)));

    public string OfferCancel(Subscription subscription) => Text("OfferCancel", Date(PeriodEnd(subscription)));

    public string Cancelled(Subscription subscription) => Text("Cancelled", Date(PeriodEnd(subscription)));

    public string CannotDoThisMyself(GateOutcome outcome) => Text(outcome.Allowed
        ? "CannotDo.NotConfirmed"
        : outcome.Action switch
        {
            ActionType.Refund => "CannotDo.Refund",
            ActionType.CancelSubscription => "CannotDo.Cancel",
            ActionType.RetryPayment => "CannotDo.Retry",
            ActionType.Credit => "CannotDo.Credit",
            ActionType.RegenerateLink or ActionType.CardUpdateLink or ActionType.AuthenticatePayment or ActionType.UseCard or ActionType.ResumeSubscription => "CannotDo.Other",
        });

    public string NotPossible(GateOutcome outcome) => Text(outcome.Rule switch
    {
        "already_refunded" => "NotPossible.AlreadyRefunded",
        "invoice_not_open" => "NotPossible.InvoiceNotOpen",
        _ => "NotPossible",
    });

    public string Answer(Turn turn, bool offerPerson)
    {
        var parts = new List<string>();
        var diagnosis = turn.Diagnosis;
        if (diagnosis is not null && diagnosis.RootCause != RootCause.None)
        {
            parts.Add(Explain(turn, diagnosis));
        }
        else if (turn.Billing is { } billing && NextRenewal(billing) is { } renewal)
        {
            parts.Add(renewal);
        }

        if (turn.Citations.Count > 0)
        {
            var article = turn.Citations[0];
            // An article cited in the reader's language is quoted; one only in English (no current translation) is linked, not quoted.
            parts.Add(article.Language == Language
                ? Text("Article", Excerpt(article.Body), article.Title, ArticleLink(article))
                : Text("Article.Link", ArticleLink(article)));
        }

        if (parts.Count == 0)
        {
            parts.Add(diagnosis is null ? Text("AccountHealthy") : Explain(turn, diagnosis));
        }

        if (offerPerson)
        {
            parts.Add(Text("OfferPerson"));
        }

        return string.Join("\n\n", parts);
    }

    private string? NextRenewal(BillingSnapshot billing)
    {
        var subscription = billing.Subscriptions.Where(s => s.Status is "active" or "trialing" && !s.CancelAtPeriodEnd).OrderBy(PeriodEnd).FirstOrDefault();
        if (subscription is null)
        {
            return billing.Subscriptions.FirstOrDefault(s => s.CancelAtPeriodEnd && s.Status == "active") is { } ending
                ? Text("Renewal.Ends", Date(PeriodEnd(ending)))
                : Text("Renewal.None");
        }

        var amount = subscription.Items?.Data?.Sum(i => (i.Price?.UnitAmount ?? 0) * Math.Max(1, i.Quantity)) ?? 0;
        var card = billing.DefaultPaymentMethod?.Card;
        return card is null
            ? Text("Renewal.Next", Date(PeriodEnd(subscription)), Amount(amount, subscription.Currency))
            : Text("Renewal.Next.Card", Date(PeriodEnd(subscription)), Amount(amount, subscription.Currency), YourCard(card));
    }

    private static DateTimeOffset PeriodEnd(Subscription subscription) =>
        (subscription.Items?.Data?.Select(i => i.CurrentPeriodEnd).DefaultIfEmpty(DateTime.MinValue).Min() ?? DateTime.MinValue).Utc();

    /// <summary>
    /// The opening of an article, up to about 400 characters, in whole paragraphs of prose (a list or a heading ends
    /// it), and always ending on a whole sentence: a paragraph too long is cut after its last sentence that fits.
    /// </summary>
    public static string Excerpt(string body, int budget = 400)
    {
        var paragraphs = body.ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var taken = new List<string>();
        var length = 0;
        foreach (var paragraph in paragraphs)
        {
            if (paragraph.StartsWith('-') || paragraph.StartsWith('*') || paragraph.StartsWith('#') || paragraph.EndsWith(':'))
            {
                if (taken.Count > 0)
                {
                    break;
                }

                continue;
            }

            var text = paragraph.ReplaceLineEndings(" ");
            if (length + text.Length > budget)
            {
                if (taken.Count == 0)
                {
                    taken.Add(WholeSentences(text, budget));
                }

                break;
            }

            taken.Add(text);
            length += text.Length + 1;
        }

        return taken.Count == 0 ? WholeSentences(body.ReplaceLineEndings(" ").Trim(), budget) : string.Join(" ", taken);
    }

    /// <summary>The sentences of <paramref name="text"/> that fit in <paramref name="budget"/> characters (at least the first).</summary>
    private static string WholeSentences(string text, int budget)
    {
        var ends = SentenceEnd().Matches(text).Select(m => m.Index + 1).ToList();
        if (ends.Count == 0)
        {
            return text;
        }

        var fits = ends.LastOrDefault(e => e <= budget);
        return text[..(fits > 0 ? fits : ends[0])].Trim();
    }

    // A sentence ends at . ! or ? followed by a space and a capital, or the end of the text; "e.g." and "i.e." do not end one.
    [GeneratedRegex(@"(?<!\b(?:e\.g|i\.e|etc|z\.B|p\.ex|ca))[.!?](?=\s+[\p{Lu}\d""“«]|\s*$)")]
    private static partial Regex SentenceEnd();

    /// <summary>The article's page for people (not its JSON), in the language it was cited in.</summary>
    private static string ArticleLink(Knowledge.Article article) => Knowledge.KnowledgePages.PathOf(article.Id, article.Language);
}
