using System.Text.RegularExpressions;
using Leeway.Diagnostics;
using Leeway.Knowledge;
using Leeway.Storage;

namespace Leeway.Tests.Knowledge;

public sealed partial class SeedArticleTests
{
    private static readonly IReadOnlyList<SeedArticle> All = SeedArticle.LoadEmbedded();
    private static readonly IReadOnlyList<SeedArticle> Seeds = [.. All.Where(s => !s.IsTranslation)];

    public static TheoryData<string> RootCauseNames() => [.. WireName.All<RootCause>()];

    public static TheoryData<string> SeedIds() => [.. Seeds.Select(s => s.Id)];

    public static TheoryData<string, string> Translations()
    {
        var data = new TheoryData<string, string>();
        foreach (var (id, language) in from s in Seeds from l in ArticleLanguages.All.Skip(1) select (s.Id, l))
        {
            data.Add(id, language);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RootCauseNames))]
    public void Every_root_cause_has_a_seed_article(string code)
    {
        Assert.Contains(Seeds, s => s.RootCauses.Contains(code));
    }

    [Theory]
    [MemberData(nameof(SeedIds))]
    public void A_seed_article_is_short_uses_known_root_causes_and_invents_no_amounts(string id)
    {
        var seed = Seeds.Single(s => s.Id == id);
        var words = seed.Body.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Length;

        Assert.InRange(words, 80, 200);
        Assert.All(seed.RootCauses, c => Assert.True(WireName.TryParse<RootCause>(c, out _), c));
        // Prices and policy numbers come from the diagnosis and the policy, never from an article.
        Assert.DoesNotMatch(MoneyPattern(), seed.Body);
        Assert.All(DayCounts().Matches(seed.Body), m => Assert.Equal("5 to 10 business days", m.Value));
    }

    /// <summary>
    /// Every article is in every language Lee speaks, and a translation states the same facts: the same numbers (days,
    /// digits of a security code), no price, no new root cause.
    /// </summary>
    [Theory]
    [MemberData(nameof(Translations))]
    public void Every_seed_article_has_a_translation_that_keeps_its_numbers(string id, string language)
    {
        var english = Seeds.Single(s => s.Id == id);
        var translation = Assert.Single(All, s => s.Id == id && s.Language == language);
        var words = translation.Body.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Length;

        Assert.Empty(translation.RootCauses);
        Assert.NotEqual(english.Title, translation.Title);
        Assert.InRange(words, 70, 260);
        Assert.Equal(Numbers().Matches(english.Body).Select(m => m.Value).Order(), Numbers().Matches(translation.Body).Select(m => m.Value).Order());
        Assert.DoesNotMatch(MoneyPattern(), translation.Body);
    }

    [Fact]
    public void A_translation_without_an_English_article_or_with_root_causes_is_refused()
    {
        var rootCauses = Assert.Throws<InvalidDataException>(() => SeedArticle.Parse("---\nid: kb_x\nlanguage: es\ntitle: T\nroot_causes: [none]\n---\nCuerpo", "es/x.md"));
        var language = Assert.Throws<InvalidDataException>(() => SeedArticle.Parse("---\nid: kb_x\nlanguage: nl\ntitle: T\n---\nTekst", "nl/x.md"));

        Assert.Contains("takes its root causes from the English article", rootCauses.Message, StringComparison.Ordinal);
        Assert.Contains("language 'nl'", language.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Front_matter_errors_name_the_file_and_the_field()
    {
        var missingTitle = Assert.Throws<InvalidDataException>(() => SeedArticle.Parse("---\nid: kb_x\n---\nBody", "x.md"));
        var unknownField = Assert.Throws<InvalidDataException>(() => SeedArticle.Parse("---\nid: kb_x\ntitle: T\nauthor: me\n---\nBody", "y.md"));

        Assert.Equal("x.md: front matter field 'title' is missing or empty.", missingTitle.Message);
        Assert.Contains("y.md line 4: unknown field 'author'", unknownField.Message, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"[$€£]\s?\d|\d+(\.\d+)?\s?(USD|EUR|GBP|dollars|euros)", RegexOptions.IgnoreCase)]
    private static partial Regex MoneyPattern();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Numbers();

    [GeneratedRegex(@"\d+( to \d+)? (business )?days")]
    private static partial Regex DayCounts();
}
