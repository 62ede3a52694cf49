using Leeway.Cli;

namespace Leeway.Tests.Cli;

public sealed class TextTableTests
{
    private static TextTable Table() => new TextTable([new("Intent"), new("Cases", RightAligned: true), new("Tier that could take it"), new("Monthly with Leeway", RightAligned: true)])
        .AddRow("duplicate_charge", "1,204", "Tier 2 (Agent Lee)", "$1,806.00")
        .AddRow("unrecognized_charge", "87", "Tier 3 (a person)", "$69,600.00")
        .AddFooter("Billing cases", "1,291", "", "$71,406.00");

    private static readonly HashSet<string> Words =
    [
        "Intent", "Cases", "Tier", "that", "could", "take", "it", "Monthly", "with", "Leeway", "duplicate_charge", "1,204", "2", "(Agent", "Lee)",
        "$1,806.00", "unrecognized_charge", "87", "3", "(a", "person)", "$69,600.00", "Billing", "cases", "1,291", "$71,406.00",
        "Intent:", "Cases:", "it:", "Leeway:",
    ];

    [Fact]
    public void No_width_is_one_line_per_row_with_whole_headers()
    {
        var lines = Table().Render(null).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(6, lines.Length); // header, rule, two rows, rule, total
        Assert.Matches(@"^Intent\s+Cases  Tier that could take it  Monthly with Leeway$", lines[0]);
        Assert.Matches(@"^duplicate_charge\s+1,204  Tier 2 \(Agent Lee\)\s+\$1,806\.00$", lines[2]);
    }

    [Theory]
    [InlineData(20)]
    [InlineData(40)]
    [InlineData(60)]
    [InlineData(70)]
    [InlineData(80)]
    [InlineData(200)]
    public void At_any_width_no_word_is_broken_and_no_line_is_wider_than_the_screen_unless_one_word_is(int width)
    {
        var text = Table().Render(width);

        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !w.All(c => c == '-')).ToList();
            Assert.All(words, w => Assert.Contains(w, Words));
            Assert.True(line.Length <= width || words.Count == 1, $"'{line}' is wider than {width}");
        }

        Assert.Contains("duplicate_charge", text);
        Assert.Contains("unrecognized_charge", text);
    }

    [Fact]
    public void A_narrow_screen_wraps_headers_between_words_before_it_stacks_rows()
    {
        var lines = Table().Render(60).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Contains(lines, l => l.StartsWith("unrecognized_charge", StringComparison.Ordinal) && l.EndsWith("$69,600.00", StringComparison.Ordinal));
        Assert.True(lines.TakeWhile(l => !l.StartsWith('-')).Count() > 1, "the headers take more than one line");
    }
}
