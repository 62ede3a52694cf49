using System.Text.RegularExpressions;
using Leeway.Diagnostics;
using Leeway.Knowledge;
using Leeway.Storage;

namespace Leeway.Tests.Knowledge;

public sealed partial class SeedArticleTests
{
    private static readonly IReadOnlyList<SeedArticle> Seeds = SeedArticle.LoadEmbedded();

    public static TheoryData<string> RootCauseNames() => [.. WireName.All<RootCause>()];

    public static TheoryData<string> SeedIds() => [.. Seeds.Select(s => s.Id)];

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

    [GeneratedRegex(@"\d+( to \d+)? (business )?days")]
    private static partial Regex DayCounts();
}
