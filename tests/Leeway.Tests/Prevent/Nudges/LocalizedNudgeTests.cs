using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Leeway.Agent;
using Leeway.Agent.Conversations;
using Leeway.Agent.Replies;
using Leeway.Agent.Understanding;
using Leeway.Billing;
using Leeway.Diagnostics;
using Leeway.Policy;
using Leeway.Prevent.Nudges;
using MimeKit;

namespace Leeway.Tests.Prevent.Nudges;

/// <summary>
/// Tier 0 nudges in the customer's language, through the real webhook path (the sandbox signs and posts
/// <c>invoice.payment_failed</c>, the product diagnoses and nudges): the language from the Stripe customer's
/// <c>preferred_locales</c>, else the language they last wrote to Lee in, else English; amounts in that language's
/// culture; no Stripe id or raw code in the subject or the body.
/// </summary>
public sealed partial class LocalizedNudgeTests : IDisposable
{
    private readonly TestFolder _folder = new();

    [Theory]
    [InlineData("de-DE", "eur", "de", "Ihre Karte ist abgelaufen", "Hallo Robin,", "Aktualisieren Sie Ihre Karte hier", "Rechnung")]
    [InlineData("de", "usd", "de", "Ihre Karte ist abgelaufen", "Hallo Robin,", "Aktualisieren Sie Ihre Karte hier", "Rechnung")]
    [InlineData("pt-BR", "brl", "pt", "O seu cartão expirou", "Olá, Robin,", "Atualize o seu cartão aqui", "Fatura")]
    public async Task An_expired_card_is_nudged_in_the_customers_language_with_its_amounts_and_no_Stripe_ids(
        string locale, string currency, string language, string subject, string greeting, string linkLabel, string invoiceWord)
    {
        var customer = $"cus_ln_{language}_{currency}";
        await using var world = await Tier0World.StartAsync(_folder, Worlds.Now,
            Worlds.FailedRenewal(customer, "decline:expired_card", "expired_card", preferredLocales: $"[\"{locale}\"]", currency: currency));

        await world.FireAsync("invoice.payment_failed", $"in_{customer}");

        var nudges = await world.NudgesAsync(customer);
        Assert.Equal(["email", "in_app"], nudges.Select(n => n.Nudge.Channel));
        var invoice = await world.ObjectAsync($"in_{customer}");
        var number = invoice["number"]!.GetValue<string>();
        var amount = Money.Format(4900, currency, ReplyCulture.For(language, currency));
        Assert.Contains("49,00", amount, StringComparison.Ordinal);
        foreach (var nudge in nudges)
        {
            var link = nudge.Nudge.Link!;
            Assert.Equal(subject, nudge.Subject);
            Assert.StartsWith(greeting, nudge.Body, StringComparison.Ordinal);
            Assert.Contains(amount, nudge.Body, StringComparison.Ordinal);
            Assert.Contains($"{linkLabel}: {link}", nudge.Body, StringComparison.Ordinal);
            Assert.Contains($"{invoiceWord} {number}", nudge.Body, StringComparison.Ordinal);
            Assert.Contains("Visa", nudge.Body, StringComparison.Ordinal);
            Assert.Contains("4000", nudge.Body, StringComparison.Ordinal);
            AssertNoStripeIds(nudge.Subject, nudge.Body, link);
            Assert.Equal(language, LanguageGuesser.Guess(nudge.Body.Replace(link, "", StringComparison.Ordinal)));
        }

        using var email = await MimeMessage.LoadAsync(Path.Combine(world.Folder, "mail-pickup", nudges[0].Nudge.Id + ".eml"));
        Assert.Equal(subject, email.Subject);
        Assert.Contains(amount, email.TextBody, StringComparison.Ordinal);

        world.Product.SignInAs(customer);
        var shown = Assert.Single((await world.Product.Http.GetFromJsonAsync<JsonObject>("/api/v1/me/nudges"))!["data"]!.AsArray());
        Assert.Equal(subject, shown!["title"]!.GetValue<string>());
        Assert.Contains(amount, shown["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preferred_locales_win_over_the_language_the_customer_last_wrote_to_Lee_in()
    {
        await using var world = await Tier0World.StartAsync(_folder, Worlds.Now,
            Worlds.FailedRenewal("cus_ln_pref", "decline:expired_card", "expired_card", preferredLocales: """["it-IT", "en"]"""));
        await WroteToLeeAsync(world, "cus_ln_pref", "Hola, ¿por qué me cobraron dos veces este mes?");

        await world.FireAsync("invoice.payment_failed", "in_cus_ln_pref");

        Assert.All(await world.NudgesAsync("cus_ln_pref"), n =>
        {
            Assert.Equal("La tua carta è scaduta", n.Subject);
            Assert.Contains("Aggiorna la tua carta qui", n.Body, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Without_preferred_locales_the_nudge_is_in_the_language_of_the_last_conversation()
    {
        await using var world = await Tier0World.StartAsync(_folder, Worlds.Now,
            Worlds.FailedRenewal("cus_ln_conv", "decline:expired_card", "expired_card", preferredLocales: """["ja-JP"]"""));
        await WroteToLeeAsync(world, "cus_ln_conv", "Hi, why was I charged twice this month?");
        world.Clock.Advance(TimeSpan.FromMinutes(5));
        await WroteToLeeAsync(world, "cus_ln_conv", "Bonjour, pourquoi mon paiement a-t-il échoué ?", "merci");

        await world.FireAsync("invoice.payment_failed", "in_cus_ln_conv");

        Assert.All(await world.NudgesAsync("cus_ln_conv"), n =>
        {
            Assert.Equal("Votre carte a expiré", n.Subject);
            Assert.StartsWith("Bonjour Robin,", n.Body, StringComparison.Ordinal);
            Assert.Contains("Mettez à jour votre carte ici", n.Body, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task With_no_preferred_locale_and_no_conversation_the_nudge_is_in_English()
    {
        await using var world = await Tier0World.StartAsync(_folder, Worlds.Now, Worlds.FailedRenewal("cus_ln_en", "decline:expired_card", "expired_card"));

        await world.FireAsync("invoice.payment_failed", "in_cus_ln_en");

        var nudges = await world.NudgesAsync("cus_ln_en");
        Assert.Equal(2, nudges.Count);
        Assert.All(nudges, n =>
        {
            Assert.Equal("Your card has expired", n.Subject);
            Assert.StartsWith("Hi Robin,", n.Body, StringComparison.Ordinal);
            Assert.Contains("$49.00", n.Body, StringComparison.Ordinal);
            Assert.Contains("Update your card here: " + n.Nudge.Link, n.Body, StringComparison.Ordinal);
            AssertNoStripeIds(n.Subject, n.Body, n.Nudge.Link!);
        });
    }

    [Theory]
    [InlineData(new[] { "de-DE" }, null, "de")]
    [InlineData(new[] { "ja-JP", "pt-BR" }, "fr", "pt")]
    [InlineData(new[] { "ja-JP" }, "es", "es")]
    [InlineData(new[] { "zh" }, "xx", "en")]
    [InlineData(new string[0], null, "en")]
    [InlineData(new[] { "FR_ca" }, "de", "fr")]
    public void The_language_is_the_first_supported_preferred_locale_then_the_conversations_then_English(string[] preferred, string? spoken, string expected) =>
        Assert.Equal(expected, NudgeSays.For(preferred, spoken, null).Language);

    public static TheoryData<string, RootCause> EveryLanguageAndKind()
    {
        var data = new TheoryData<string, RootCause>();
        foreach (var language in NudgeSays.Languages)
        {
            foreach (var cause in Enum.GetValues<RootCause>())
            {
                data.Add(language, cause);
            }
        }

        return data;
    }

    /// <summary>Every kind of nudge, with a link, handed to a person, and with neither, renders in every language without an
    /// English leftover (other than in English), without a placeholder, an id or a raw code.</summary>
    [Theory]
    [MemberData(nameof(EveryLanguageAndKind))]
    public void Every_kind_of_nudge_renders_in_every_language(string language, RootCause cause)
    {
        var says = NudgeSays.For([language], null, "eur");
        var english = NudgeSays.For([], null, "eur");
        var finding = new Finding(cause, "s", ["in_test_1", "ch_test_1"], FullFacts(cause));
        var primary = new global::Leeway.Prevent.Handlers.Cause(cause, null, cause == RootCause.None ? null : finding);
        foreach (var (link, toHuman) in new[] { ("https://pay.example/c/cs_test_1", false), ((string?)null, true), (null, false) })
        {
            var (subject, body) = NudgeWording.Write(says, primary, "Robin Tester", link, toHuman);
            var (englishSubject, englishBody) = NudgeWording.Write(english, primary, "Robin Tester", link, toHuman);

            Assert.False(string.IsNullOrWhiteSpace(subject));
            Assert.DoesNotContain("{", subject + body, StringComparison.Ordinal);
            AssertNoStripeIds(subject, body, link);
            if (cause != RootCause.None)
            {
                Assert.Contains("A1B2C3-0002", body, StringComparison.Ordinal);
            }

            if (language != "en")
            {
                Assert.NotEqual(englishSubject, subject);
                var englishLines = englishBody.Split("\n\n").Skip(1).SkipLast(1).ToHashSet(StringComparer.Ordinal);
                Assert.DoesNotContain(body.Split("\n\n"), englishLines.Contains);
            }
        }
    }

    [Fact]
    public void Every_key_is_in_every_language_with_the_same_placeholders()
    {
        var resources = new System.Resources.ResourceManager(typeof(NudgeSays).FullName!, typeof(NudgeSays).Assembly);
        Dictionary<string, string> Strings(CultureInfo culture) =>
            resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!
                .Cast<System.Collections.DictionaryEntry>()
                .ToDictionary(e => (string)e.Key, e => (string)e.Value!, StringComparer.Ordinal);
        var english = Strings(CultureInfo.InvariantCulture);
        Assert.True(english.Count >= 20, $"{english.Count} English strings");
        Assert.Equal(["en", "es", "de", "fr", "pt", "it"], NudgeSays.Languages);

        foreach (var language in NudgeSays.Languages.Where(l => l != "en"))
        {
            var translated = Strings(CultureInfo.GetCultureInfo(language));
            Assert.Equal(english.Keys.Order(StringComparer.Ordinal), translated.Keys.Order(StringComparer.Ordinal));
            var untranslated = english.Where(e => translated[e.Key] == e.Value).Select(e => e.Key).ToList();
            Assert.True(untranslated.Count == 0, $"{language} still in English: {string.Join(", ", untranslated)}");
            Assert.All(english, e => Assert.Equal(Placeholder().Matches(e.Value).Select(m => m.Value).Order(), Placeholder().Matches(translated[e.Key]).Select(m => m.Value).Order()));
        }

        // Every subject a nudge can carry is a key, so no kind falls back to an exception or to English.
        foreach (var cause in Enum.GetValues<RootCause>())
        {
            Assert.Contains(NudgeWording.SubjectKey(cause, "https://x"), english.Keys);
            Assert.Contains(NudgeWording.SubjectKey(cause, null), english.Keys);
        }
    }

    public void Dispose() => _folder.Dispose();

    /// <summary>The customer had a chat with Lee: their messages as the conversation store keeps them.</summary>
    private static async Task WroteToLeeAsync(Tier0World world, string customerId, params string[] messages)
    {
        var store = world.Product.Service<ConversationStore>();
        var conversation = await store.StartAsync(customerId, "chat", default);
        foreach (var text in messages)
        {
            await store.AppendAsync(conversation.Id, AgentLee.Customer, text, null, null, default);
            await store.AppendAsync(conversation.Id, LeeNames.Author, "…", null, null, default);
        }
    }

    private static void AssertNoStripeIds(string subject, string body, string? link)
    {
        var text = subject + "\n" + (link is null ? body : body.Replace(link, "", StringComparison.Ordinal));
        Assert.DoesNotMatch(StripeId(), text);
        Assert.Empty(ReplyGuard.RawCodes(text));
        Assert.DoesNotContain("expired_card", text, StringComparison.Ordinal);
    }

    /// <summary>Facts as the rules write them, ids and raw codes included: none may reach the nudge.</summary>
    private static Dictionary<string, string> FullFacts(RootCause cause) => new()
    {
        [FactKeys.Customer] = "cus_test_1",
        [FactKeys.Amount] = "123400",
        [FactKeys.Currency] = "eur",
        [FactKeys.AmountDisplay] = "€1,234.00",
        [FactKeys.Invoice] = "in_test_1",
        [FactKeys.InvoiceNumber] = "A1B2C3-0002",
        [FactKeys.DueDate] = "2026-11-01T00:00:00Z",
        [FactKeys.NextPaymentAttempt] = "2026-11-13T09:00:00Z",
        [FactKeys.PaymentIntent] = "pi_test_1",
        [FactKeys.DeclineCode] = cause == RootCause.PaymentFailedIncorrectDetails ? "incorrect_cvc" : "expired_card",
        [FactKeys.PaymentMethod] = "pm_test_1",
        [FactKeys.CardBrand] = "visa",
        [FactKeys.CardLast4] = "4242",
        [FactKeys.CardExpMonth] = "10",
        [FactKeys.CardExpYear] = "2026",
        [FactKeys.RenewalAt] = "2026-12-01T00:00:00Z",
        [FactKeys.CheckoutSession] = "cs_test_1",
        [FactKeys.LinkExpiredAt] = "2026-11-10T08:30:00Z",
        [FactKeys.Charge] = "ch_test_1",
        [FactKeys.ChargeCreated] = "2026-11-01T10:00:00Z",
        [FactKeys.Refund] = "re_test_1",
        [FactKeys.RefundCreated] = "2026-11-10T08:00:00Z",
        [FactKeys.RefundExpectedBy] = "2026-11-24T00:00:00Z",
        [FactKeys.Dispute] = "dp_test_1",
        [FactKeys.DisputeCreated] = "2026-11-10T08:00:00Z",
        [FactKeys.Feature] = "api_calls",
        [FactKeys.Meter] = "api_calls",
        [FactKeys.PeriodStart] = "2026-10-01T00:00:00Z",
        [FactKeys.PeriodEnd] = "2026-11-01T00:00:00Z",
        [FactKeys.Source] = "usage",
    };

    [GeneratedRegex(@"\b(?:in|il|ch|cus|pi|sub|pm|cs|re|dp|price|prod|evt)_[A-Za-z0-9_]+")]
    private static partial Regex StripeId();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
