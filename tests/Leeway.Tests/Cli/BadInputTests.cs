namespace Leeway.Tests.Cli;

/// <summary>
/// Every command with each kind of wrong input: one line on standard error that starts with the command, names the
/// option or value and says what to do; exit 2; nothing on standard output; no stack trace.
/// </summary>
public sealed class BadInputTests(CliFolder folder) : IClassFixture<CliFolder>
{
    public static TheoryData<string, string, string> Cases => new()
    {
        // command line ({data}, {csv}, {taken}, {dev}, {root} filled in), the command the message starts with, what it names
        { "token cus_demo_funds --data nodir", "leeway token", "--data nodir" },
        { "token cus_nobody --data {data}", "leeway token", "cus_nobody" },
        { "token", "leeway token", "Required argument" },
        { "report cost --data nodir", "leeway report cost", "--data nodir" },
        { "report cost --data {root}", "leeway report cost", "leeway.db is missing" },
        { "report cost --data {data} --from March", "leeway report cost", "--from" },
        { "audit verify --data nodir", "leeway audit verify", "--data nodir" },
        { "audit verify --connection-string Host=127.0.0.1;Port=1;Database=leeway;Password=hunter2", "leeway audit verify", "Port=1" },
        { "audit verify --connection-string DataSource=nothere/leeway.db", "leeway audit verify", "nothere/leeway.db" },
        { "backlog generate --cases 3 --out /nonexistent/dir/cases.csv", "leeway backlog generate", "/nonexistent/dir" },
        { "backlog generate --cases -1 --out cases.csv", "leeway backlog generate", "--cases -1" },
        { "backlog generate --cases many --out cases.csv", "leeway backlog generate", "many" },
        { "backlog rank missing.csv", "leeway backlog rank", "missing.csv" },
        { "backlog rank {root}", "leeway backlog rank", "is a folder" },
        { "backlog rank {csv} --format xml", "leeway backlog rank", "xml" },
        { "backlog rank {csv} --chart /nonexistent/dir/chart.html", "leeway backlog rank", "--chart" },
        { "backlog rank {csv} --json /nonexistent/dir/ranking.json", "leeway backlog rank", "--json" },
        { "backlog rank {csv} --workers 0", "leeway backlog rank", "--workers 0" },
        { "sandbox --port 99999", "leeway sandbox", "--port 99999" },
        { "sandbox --port {taken}", "leeway sandbox", "--port" },
        { "serve --urls http://127.0.0.1:99999", "leeway serve", "--urls" },
        { "serve --urls 127.0.0.1", "leeway serve", "--urls" },
        { "serve --urls http://127.0.0.1:{taken}", "leeway serve", "127.0.0.1:{taken}" },
        { "serve --urls http://127.0.0.1:0 --data {csv}", "leeway serve", "--data" },
        { "eval nothere", "leeway eval", "nothere" },
        { "eval {dev} --json /nonexistent/dir/report.json", "leeway eval", "--json" },
        { "eval {dev} --parallel 0", "leeway eval", "--parallel 0" },
        { "train --corpus nothere", "leeway train", "--corpus nothere" },
        { "frobnicate", "leeway", "frobnicate" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_wrong_input_is_one_line_naming_it_and_exit_2(string commandLine, string command, string names)
    {
        string Fill(string text) => text.Replace("{data}", folder.Data).Replace("{csv}", folder.Csv).Replace("{root}", folder.Root)
            .Replace("{taken}", folder.TakenPort.ToString(System.Globalization.CultureInfo.InvariantCulture)).Replace("{dev}", SharedFiles.DevScenarios);
        var args = Fill(commandLine).Split(' ');

        var result = await LeewayProcess.RunAsync(folder.Root, args);

        Assert.True(result.Exit == 2, result.ToString());
        var line = Assert.Single(result.StderrLines);
        Assert.StartsWith(command + ": ", line);
        Assert.Contains(Fill(names), line);
        Assert.DoesNotContain("   at ", result.Stderr);
        Assert.DoesNotContain("Exception", line);
        Assert.DoesNotContain("hunter2", line);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task A_wrong_data_folder_is_never_created_nor_given_a_key_or_a_database()
    {
        var root = LeewayProcess.TempFolder("nothing-created");
        Directory.CreateDirectory(Path.Combine(root, "empty"));

        Assert.Equal(2, (await LeewayProcess.RunAsync(root, "token", "cus_demo_funds", "--data", "typo")).Exit);
        Assert.Equal(2, (await LeewayProcess.RunAsync(root, "report", "cost", "--data", "typo")).Exit);
        Assert.Equal(2, (await LeewayProcess.RunAsync(root, "audit", "verify", "--data", "typo")).Exit);
        Assert.Equal(2, (await LeewayProcess.RunAsync(root, "token", "cus_demo_funds", "--data", "empty")).Exit);
        Assert.Equal(2, (await LeewayProcess.RunAsync(root, "report", "cost", "--data", "empty")).Exit);
        Assert.Equal(2, (await LeewayProcess.RunAsync(root, "audit", "verify", "--connection-string", "Data Source=empty/leeway.db")).Exit);

        Assert.False(Directory.Exists(Path.Combine(root, "typo")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(root, "empty")));
    }
}
