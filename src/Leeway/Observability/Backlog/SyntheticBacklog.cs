using System.Globalization;
using CsvHelper;
using Leeway.Agent.Understanding;

namespace Leeway.Observability.Backlog;

/// <summary>
/// Writes a realistic, entirely made-up Salesforce case export for tests and demos (no real customer data in the
/// repository): Salesforce's column names, a long-tailed intent mix, emails written the way customers write them,
/// multi-line descriptions with commas and quotes. The same seed gives the same file, byte for byte.
/// </summary>
internal static class SyntheticBacklog
{
    public static readonly IReadOnlyList<string> Columns =
        ["CaseNumber", "CreatedDate", "Status", "Origin", "Priority", "Type", "Reason", "Subject", "Description", "SuppliedEmail"];

    /// <summary>How often each intent comes in: a few intents carry most of the volume, as in real billing queues.</summary>
    private static readonly (string Intent, double Weight, string Type, string Reason)[] Mix =
    [
        (Intent.PaymentFailed, 0.20, "Billing", "Payment Failure"),
        (Intent.BillingQuestion, 0.14, "Question", "Invoice"),
        (Intent.RefundRequest, 0.11, "Billing", "Refund"),
        (Intent.UpdateCard, 0.09, "Billing", "Payment Method"),
        (Intent.DuplicateCharge, 0.07, "Problem", "Double Charge"),
        (Intent.UnrecognizedCharge, 0.07, "Problem", "Unknown Charge"),
        (Intent.AccessIssue, 0.06, "Problem", "Access"),
        (Intent.CancelSubscription, 0.06, "Account", "Cancellation"),
        (Intent.RefundStatus, 0.05, "Billing", "Refund"),
        (Intent.PaymentLink, 0.04, "Billing", "Payment Link"),
        (Intent.UsageQuestion, 0.04, "Question", "Usage"),
        (Intent.RetryPayment, 0.03, "Billing", "Payment Failure"),
        (Intent.TalkToHuman, 0.02, "Other", "Callback"),
        (Intent.Dispute, 0.01, "Problem", "Chargeback"),
        (Intent.Other, 0.01, "Other", "General"),
    ];

    private static readonly Dictionary<string, (string[] Subjects, string[] Bodies)> Phrases = new()
    {
        [Intent.PaymentFailed] = (
            ["Payment failed", "My card was declined", "Why did my payment not go through?", "Subscription payment failed", "Declined payment on {plan} plan"],
            ["I got an email that my payment of {amount} failed. My {card} ending in {last4} has money on it, so I don't understand why.",
             "The renewal for my {plan} subscription was declined this morning. What happened?",
             "Your system says the charge for invoice {invoice} failed, but my bank says nothing was attempted.",
             "My payment keeps failing and now I'm worried the account will be suspended. Can you tell me why it was declined?"]),
        [Intent.BillingQuestion] = (
            ["Question about my invoice", "Invoice {invoice}", "How does billing work?", "When am I charged?", "Proration question"],
            ["Can you explain the line items on invoice {invoice}? I see a prorated amount and I'm not sure what it is for.",
             "When exactly will I be billed for the {plan} plan each month, and is tax included?",
             "I upgraded mid-cycle, how is the price calculated for the rest of the month?",
             "Where can I download a PDF of my invoices for {month}? Our accounting team needs them."]),
        [Intent.RefundRequest] = (
            ["Refund request", "Please refund my last payment", "Requesting a refund", "Charged after I stopped using it", "Refund for {month}"],
            ["I was charged {amount} for {month} but I did not use the service at all. Please refund it.",
             "I'd like my money back for the {plan} upgrade, it was a mistake, I clicked the wrong button.",
             "Can you refund the last charge of {amount}? We moved to another tool weeks ago.",
             "Please issue a refund for invoice {invoice}, the product did not work for us."]),
        [Intent.UpdateCard] = (
            ["Update card details", "New credit card", "Change payment method", "How do I update my card?", "Card expired"],
            ["My {card} expired and the bank sent me a new one. How do I put the new card on my account?",
             "I want to pay with a different card from now on, the company card ending in {last4}.",
             "Where do I change the payment method? I can't find it in settings.",
             "Please replace the card on file, the old one was cancelled by my bank."]),
        [Intent.DuplicateCharge] = (
            ["Charged twice", "Double charge on my card", "Duplicate payment", "Two charges for the same invoice", "I was billed two times"],
            ["I see two charges of {amount} on {date} on my {card} statement. I only have one subscription.",
             "You charged me twice for {month}! Please fix this, the second one has to go back.",
             "There are two identical payments for invoice {invoice} on my bank account.",
             "My bank shows the same {amount} charge twice within a minute."]),
        [Intent.UnrecognizedCharge] = (
            ["Unknown charge", "What is this charge?", "I don't recognize a payment", "Strange charge on my statement", "Charge of {amount}?"],
            ["There is a charge of {amount} from you on my statement and I have no idea what it is for.",
             "Who authorized this payment? I don't recognize the {amount} on {date}.",
             "I can't match a {amount} payment to any of our invoices, can you tell me what it was?",
             "My card ending in {last4} shows a charge from your company that nobody here made."]),
        [Intent.AccessIssue] = (
            ["Paid but no access", "Features locked after payment", "Account still suspended", "Can't access {plan} features", "Upgrade not applied"],
            ["I paid for the {plan} plan yesterday but the features are still locked.",
             "The invoice is paid but my account still says suspended and my team can't log in.",
             "We bought extra seats and they are not showing up in the admin panel.",
             "After paying {amount} the add-on is still not active on our workspace."]),
        [Intent.CancelSubscription] = (
            ["Cancel subscription", "Please cancel my account", "Stop my renewal", "Cancellation request", "Don't renew"],
            ["Please cancel my {plan} subscription at the end of this billing period.",
             "I want to cancel before the next renewal on {date}, we no longer need it.",
             "How do I stop the automatic renewal? I don't want to be charged again.",
             "We're closing the company, please cancel everything and confirm by email."]),
        [Intent.RefundStatus] = (
            ["Where is my refund?", "Refund not received", "Status of refund", "Refund still pending", "Refund for {invoice}"],
            ["You told me the refund of {amount} was processed a week ago but it's still not on my {card}.",
             "When will I see the refund for invoice {invoice}? It has been ten days.",
             "Has my refund actually been sent? My bank says nothing came in.",
             "I'm still waiting for the money back you promised on {date}."]),
        [Intent.PaymentLink] = (
            ["Payment link expired", "Link to pay invoice not working", "Need a new payment link", "Can't pay invoice online", "Checkout link broken"],
            ["The link in the invoice email says it expired, how can I pay invoice {invoice} now?",
             "Can you send me a new link to pay the {amount}? The old one doesn't open.",
             "I tried to pay online but the checkout page says the session is no longer valid.",
             "Please send a payment link, our finance team pays by card from the email."]),
        [Intent.UsageQuestion] = (
            ["Usage charges", "Why is my bill higher?", "Overage question", "Usage-based billing", "API usage on my invoice"],
            ["My bill for {month} is much higher than usual. Which usage caused the extra {amount}?",
             "How is API usage counted? We were charged for more calls than we think we made.",
             "Can I see a breakdown of the metered usage on invoice {invoice}?",
             "Why am I paying overage when we are on the {plan} plan?"]),
        [Intent.RetryPayment] = (
            ["Please retry my payment", "Charge my card again", "Try the payment again", "Funds are available now", "Retry invoice {invoice}"],
            ["I've added money to my account, please try charging the {amount} again now.",
             "The card is fine now, can you retry the failed payment instead of waiting?",
             "Please run the payment for invoice {invoice} again, the bank lifted the block.",
             "Go ahead and charge my {card} again, it should work today."]),
        [Intent.TalkToHuman] = (
            ["Call me please", "I want to talk to a person", "Speak to someone in billing", "Need a human", "Request callback"],
            ["I don't want to deal with a bot, please have someone from billing call me.",
             "Can a real person look at my account? I'd like to speak with somebody.",
             "Please get me a human agent, this is the third time I'm writing.",
             "I need to talk to a manager about our account."]),
        [Intent.Dispute] = (
            ["Chargeback", "I disputed the charge with my bank", "Bank dispute", "Filed a dispute", "Reversing payment"],
            ["I have filed a chargeback with my bank for the {amount} charge on {date}.",
             "My bank opened a dispute for invoice {invoice}, what do you need from me?",
             "I called my card issuer to reverse the payment, it was not authorized.",
             "We disputed the last charge with the bank because nobody answered us."]),
        [Intent.Other] = (
            ["Hello", "Question", "Partnership", "Feedback", "Misc"],
            ["Do you have a reseller program for agencies?",
             "Just wanted to say the new dashboard looks great.",
             "Is there a mobile app?",
             "Who should I contact about a press inquiry?"]),
    };

    private static readonly string[] Greetings = ["Hi,", "Hello,", "Hi team,", "Dear support,", "Hey there,", "Good morning,", ""];
    private static readonly string[] SignOffs = ["Thanks", "Thank you,", "Regards,", "Best,", "Cheers", "Kind regards,", ""];
    private static readonly string[] Names = ["Alex", "Sam", "Jordan", "Taylor", "Morgan", "Casey", "Riley", "Jamie", "Robin", "Avery"];
    private static readonly string[] Cards = ["Visa", "Mastercard", "Amex", "debit card", "company card"];
    private static readonly string[] Plans = ["Starter", "Pro", "Team", "Business", "\"Growth\""];
    private static readonly string[] Statuses = ["New", "Working", "Escalated", "Closed", "Closed", "Closed"];
    private static readonly string[] Origins = ["Email", "Email", "Web", "Phone", "Chat"];
    private static readonly string[] Priorities = ["Low", "Medium", "Medium", "High"];

    /// <summary>The last day of the default export, fixed so a seed always gives the same file.</summary>
    public static readonly DateTimeOffset DefaultEnd = new(2026, 3, 31, 23, 59, 0, TimeSpan.Zero);

    /// <param name="output">UTF-8 CSV is written to it; left open.</param>
    /// <param name="days">The export covers this many days before <paramref name="end"/>.</param>
    public static void Write(Stream output, long cases, int seed, int days = 90, DateTimeOffset? end = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cases);
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var random = new Random(seed);
        var last = end ?? DefaultEnd;
        var spanSeconds = days * 86_400L;
        var cumulative = Cumulative();
        using var csv = CsvWriter.Create(output, new CsvWriterOptions { FormatProvider = CultureInfo.InvariantCulture }, leaveOpen: true);
        csv.WriteHeader([.. Columns]);
        for (long i = 0; i < cases; i++)
        {
            var pick = random.NextDouble();
            var index = Array.FindIndex(cumulative, c => pick < c);
            var kind = Mix[index < 0 ? Mix.Length - 1 : index];
            var (subjects, bodies) = Phrases[kind.Intent];
            // Spread evenly over the span, so the dates stay in order as a real export sorted by creation would.
            var created = last.AddSeconds(-spanSeconds + (spanSeconds * (i + 1) / Math.Max(cases, 1)) - random.Next(0, 60));
            csv.WriteRecord(
                (i + 1).ToString("D8", CultureInfo.InvariantCulture),
                created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'.000Z'", CultureInfo.InvariantCulture),
                Pick(random, Statuses),
                Pick(random, Origins),
                Pick(random, Priorities),
                kind.Type,
                kind.Reason,
                Fill(random, Pick(random, subjects), created),
                Description(random, bodies, created),
                $"{Pick(random, Names).ToLowerInvariant()}.{random.Next(1000, 9999)}@example.com");
        }
    }

    private static string Description(Random random, string[] bodies, DateTimeOffset created)
    {
        var lines = new List<string>(5);
        var greeting = Pick(random, Greetings);
        if (greeting.Length > 0)
        {
            lines.Add(greeting);
        }

        lines.Add(Fill(random, Pick(random, bodies), created));
        if (random.NextDouble() < 0.35)
        {
            lines.Add(Fill(random, Pick(random, bodies), created));
        }

        var signOff = Pick(random, SignOffs);
        if (signOff.Length > 0)
        {
            lines.Add("");
            lines.Add(signOff);
            lines.Add(Pick(random, Names));
        }

        return string.Join('\n', lines);
    }

    private static string Fill(Random random, string template, DateTimeOffset created) => template
        .Replace("{amount}", $"${random.Next(9, 500)}.{random.Next(0, 100):00}", StringComparison.Ordinal)
        .Replace("{card}", Pick(random, Cards), StringComparison.Ordinal)
        .Replace("{last4}", random.Next(1000, 10000).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{plan}", Pick(random, Plans), StringComparison.Ordinal)
        .Replace("{invoice}", $"INV-{random.Next(10000, 99999)}", StringComparison.Ordinal)
        .Replace("{month}", created.AddMonths(-random.Next(0, 2)).ToString("MMMM", CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{date}", created.AddDays(-random.Next(1, 20)).ToString("MMMM d", CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];

    private static double[] Cumulative()
    {
        var total = Mix.Sum(m => m.Weight);
        var sums = new double[Mix.Length];
        var running = 0.0;
        for (var i = 0; i < Mix.Length; i++)
        {
            running += Mix[i].Weight / total;
            sums[i] = running;
        }

        return sums;
    }
}
