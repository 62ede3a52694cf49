using Leeway.Observability.Backlog;

namespace Leeway.Tests.Observability.Backlog;

public sealed class SyntheticBacklogTests
{
    [Fact]
    public void The_same_seed_writes_the_same_file_and_another_seed_another()
    {
        Assert.Equal(Write(500, 7), Write(500, 7));
        Assert.NotEqual(Write(500, 7), Write(500, 8));
    }

    [Fact]
    public void Every_generated_case_reads_back_with_salesforce_columns_multi_line_text_and_dates_in_the_span()
    {
        var bytes = Write(1_000, 3);
        using var reader = CaseCsvReader.Open(new MemoryStream(bytes), "synthetic.csv");

        var cases = reader.Cases().ToList();

        Assert.Equal(1_000, cases.Count);
        Assert.Equal(0, reader.ProblemCount);
        Assert.Equal("00000001", cases[0].CaseNumber);
        Assert.Contains(cases, c => c.Text.Contains('\n', StringComparison.Ordinal) && c.Text.Contains(',', StringComparison.Ordinal));
        Assert.All(cases, c => Assert.InRange(c.CreatedAt!.Value, SyntheticBacklog.DefaultEnd.AddDays(-90), SyntheticBacklog.DefaultEnd));
        Assert.StartsWith(string.Join(',', SyntheticBacklog.Columns), System.Text.Encoding.UTF8.GetString(bytes));
        Assert.DoesNotContain(cases, c => c.Text.Contains('{', StringComparison.Ordinal));
    }

    private static byte[] Write(int cases, int seed)
    {
        using var stream = new MemoryStream();
        SyntheticBacklog.Write(stream, cases, seed);
        return stream.ToArray();
    }
}
