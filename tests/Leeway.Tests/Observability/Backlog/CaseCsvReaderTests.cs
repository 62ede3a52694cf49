using System.Text;
using Leeway.Observability.Backlog;

namespace Leeway.Tests.Observability.Backlog;

public sealed class CaseCsvReaderTests
{
    [Fact]
    public void Reads_a_bom_reordered_columns_and_quoted_multi_line_descriptions()
    {
        var csv = "\uFEFFDescription,Status,CreatedDate,Subject,CaseNumber\r\n"
            + "\"Hi,\nmy card was \"\"declined\"\" twice.\nThanks\",New,2026-03-01T10:00:00.000Z,Payment failed,00000001\r\n"
            + "Plain text,Closed,2026-03-02 08:30:00,Refund please,00000002\r\n";

        using var reader = Open(csv);
        var cases = reader.Cases().ToList();

        Assert.Equal(2, cases.Count);
        Assert.Equal("Payment failed\nHi,\nmy card was \"declined\" twice.\nThanks", cases[0].Text);
        Assert.Equal(("00000001", 2L), (cases[0].CaseNumber, cases[0].Line));
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero), cases[0].CreatedAt);
        Assert.Equal(5, cases[1].Line);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 8, 30, 0, TimeSpan.Zero), cases[1].CreatedAt);
        Assert.Equal(0, reader.ProblemCount);
    }

    [Fact]
    public void A_malformed_row_is_reported_by_its_line_and_the_rest_of_the_file_is_read()
    {
        var csv = "CaseNumber,Subject,Description\n"
            + "1,Card declined,\"two\nlines\"\n"
            + "2,only two fields\n"
            + "3,stray,ab\"c\n"
            + "4,Refund,please refund me\n";

        using var reader = Open(csv);
        var cases = reader.Cases().ToList();

        Assert.Equal(["1", "4"], cases.Select(c => c.CaseNumber));
        Assert.Equal(2, reader.ProblemCount);
        Assert.Equal([4L, 5L], reader.Problems.Select(p => p.Line));
        Assert.Contains("cases.csv, line 4", reader.Problems[0].Problem);
        Assert.Contains("number of fields", reader.Problems[0].Problem);
        Assert.Contains("quote", reader.Problems[1].Problem);
    }

    [Fact]
    public void Report_style_headers_with_spaces_are_matched_and_a_missing_date_is_unknown()
    {
        using var reader = Open("Case Number,Date/Time Opened,Subject\n00042,not a date,Charged twice\n00043,,Where is my refund\n");
        var cases = reader.Cases().ToList();

        Assert.Equal(("00042", "Charged twice", (DateTimeOffset?)null), (cases[0].CaseNumber, cases[0].Text, cases[0].CreatedAt));
        Assert.Null(cases[1].CreatedAt);
    }

    [Fact]
    public void An_export_without_subject_or_description_is_refused_naming_the_columns_found()
    {
        var e = Assert.Throws<BacklogFileException>(() => Open("CaseNumber,Status,Origin\n1,New,Email\n"));

        Assert.Contains("cases.csv", e.Message);
        Assert.Contains("CaseNumber, Status, Origin", e.Message);
        Assert.Contains("no such file", Assert.Throws<BacklogFileException>(() => CaseCsvReader.Open("/nonexistent/cases.csv")).Message);
    }

    [Fact]
    public void Very_long_descriptions_are_cut_for_classification()
    {
        using var reader = Open($"Subject,Description\nHello,\"{new string('x', 10_000)}\"\n");

        Assert.Equal(CaseCsvReader.MaxTextLength, reader.Cases().Single().Text.Length);
    }

    private static CaseCsvReader Open(string csv) => CaseCsvReader.Open(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "cases.csv");
}
