using Leeway.Eval;

namespace Leeway.Tests.Eval;

/// <summary>
/// One <c>leeway eval</c> over the dev and links scenarios, shared by the tests that read it (the tally and report, and
/// the Stripe spec check over its traced traffic): a whole run takes minutes on a busy machine, so it runs once.
/// </summary>
public sealed class DevAndLinksEvalRun : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("leeway-eval-run-").FullName;

    public static string[] Folders { get; } = [SharedFiles.DevScenarios, SharedFiles.LinkScenarios];

    public int Exit { get; private set; }

    public string Output { get; private set; } = "";

    public string Errors { get; private set; } = "";

    /// <summary>The <c>--json</c> report.</summary>
    public string ReportFile => Path.Combine(_directory, "report.json");

    /// <summary>The <c>--stripe-trace</c> folder: <c>requests.jsonl</c>, <c>webhooks.jsonl</c>.</summary>
    public string TraceDirectory => Path.Combine(_directory, "stripe");

    public async Task InitializeAsync()
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        Exit = await EvalRunner.RunAsync(Folders, 2, 1, ReportFile, output, errors, CancellationToken.None, stripeTrace: TraceDirectory);
        (Output, Errors) = (output.ToString(), errors.ToString());
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class DevAndLinksEvalCollection : ICollectionFixture<DevAndLinksEvalRun>
{
    public const string Name = "dev and links eval run";
}
