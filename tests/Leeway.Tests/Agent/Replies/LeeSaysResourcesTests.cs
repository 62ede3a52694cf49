using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Leeway.Agent.Replies;
using Leeway.Agent.Understanding;

namespace Leeway.Tests.Agent.Replies;

/// <summary>
/// The translations as they ship (the satellite assemblies beside the product): every key in every language, no key
/// left in English, the same placeholders as the English, and the follow-up phrase where a person is promised.
/// </summary>
public sealed partial class LeeSaysResourcesTests
{
    private static readonly ResourceManager Resources = new(typeof(LeeSays).FullName!, typeof(LeeSays).Assembly);

    // Sentences that tell the customer a person will follow up (AgentLee appends a handover when a reply lacks one).
    private static readonly string[] FollowUpKeys =
    [
        "PersonAlreadyHasIt", "AddedToCase", "NothingNewSince.Person", "NothingNewSince.Case.Ask", "NothingNewSince.Case.Added", "HandingToPerson",
        "CannotReadBilling", "RanOutOfTime.Handover", "DisputeHandledByPeople", "Explain.Entitlement.NoSubscription",
    ];

    public static TheoryData<string> Translations() => new(LanguageGuesser.Supported.Where(l => l != "en"));

    private static Dictionary<string, string> Strings(CultureInfo culture) =>
        Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string)e.Value!, StringComparer.Ordinal);

    [Fact]
    public void Lee_answers_in_every_language_it_understands()
    {
        Assert.Equal(["en", "es", "de", "fr", "pt", "it"], LanguageGuesser.Supported);
        Assert.All(LanguageGuesser.Supported, l => Assert.Equal(l, LeeSays.For(l).Language));
    }

    [Theory]
    [MemberData(nameof(Translations))]
    public void Every_key_is_translated_with_the_same_placeholders(string language)
    {
        var english = Strings(CultureInfo.InvariantCulture);
        var translated = Strings(CultureInfo.GetCultureInfo(language));
        Assert.True(english.Count > 100, $"{english.Count} English strings");

        var missing = english.Keys.Where(k => !translated.ContainsKey(k)).ToList();
        Assert.True(missing.Count == 0, $"{language} lacks: {string.Join(", ", missing)}");
        Assert.Empty(translated.Keys.Except(english.Keys));

        // Left in English: the same words as the English (format patterns and bare placeholders aside).
        var untranslated = english
            .Where(e => !e.Key.StartsWith("Format.", StringComparison.Ordinal) && Words(e.Value).Length > 0 && translated[e.Key] == e.Value)
            .Select(e => e.Key)
            .ToList();
        Assert.True(untranslated.Count == 0, $"{language} still in English: {string.Join(", ", untranslated)}");

        var mismatched = english
            .Where(e => !Placeholders(e.Value).SetEquals(Placeholders(translated[e.Key])))
            .Select(e => $"{e.Key}: {{{string.Join(",", Placeholders(e.Value))}}} vs {{{string.Join(",", Placeholders(translated[e.Key]))}}}")
            .ToList();
        Assert.True(mismatched.Count == 0, $"{language} placeholders differ: {string.Join("; ", mismatched)}");
    }

    [Theory]
    [MemberData(nameof(Translations))]
    public void Translated_sentences_read_as_their_language(string language)
    {
        var sentences = Strings(CultureInfo.GetCultureInfo(language))
            .Where(e => !e.Key.StartsWith("Format.", StringComparison.Ordinal) && Words(e.Value).Length >= 8)
            .ToList();
        var wrong = sentences.Where(e => LanguageGuesser.Guess(e.Value) != language).Select(e => $"{e.Key} ({LanguageGuesser.Guess(e.Value)})").ToList();

        // The product's own detector reads (nearly) every full sentence as the language it was written in.
        Assert.True(wrong.Count <= sentences.Count / 20, $"{wrong.Count} of {sentences.Count} {language} sentences guessed otherwise: {string.Join(", ", wrong)}");
    }

    [Theory]
    [MemberData(nameof(Translations))]
    public void Every_promise_of_a_person_holds_the_follow_up_phrase(string language)
    {
        var strings = Strings(CultureInfo.GetCultureInfo(language));
        var marker = strings["FollowUpMarker"];
        var lacking = FollowUpKeys.Where(k => !strings[k].Contains(marker, StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(lacking.Count == 0, $"{language}: '{marker}' missing from {string.Join(", ", lacking)}");
        Assert.DoesNotContain(marker, strings["NothingNewSince.Ask"], StringComparison.OrdinalIgnoreCase);
    }

    private static HashSet<string> Placeholders(string text) => Placeholder().Matches(text).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);

    private static string[] Words(string text) => Placeholder().Replace(text, " ").Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Any(char.IsLetter)).ToArray();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
