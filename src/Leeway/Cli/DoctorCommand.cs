using System.CommandLine;
using Leeway.Observability.Doctor;

namespace Leeway.Cli;

/// <summary><c>leeway doctor</c>: is this configuration a deployment that works?</summary>
internal static class DoctorCommand
{
    public static Command Create()
    {
        var url = new Option<string?>("--url") { Description = "The address Stripe posts events to (default: Billing:PublicBaseUrl + /webhooks/stripe)" };
        var data = new Option<string>("--data") { Description = "The data folder `serve --data` uses (for SQLite; ignored with Storage:ConnectionString)", DefaultValueFactory = _ => "data" };
        var command = new Command("doctor", """
            Check every dependency a deployment needs, with the configuration `leeway serve` would use (appsettings and the
            environment): the settings, the Stripe key and its mode, the webhook endpoint (URL, API version, events) and
            its secret, the public address, the database, SMTP, and the entitlements and usage sources. Prints a table with
            a fix for each problem; exit 1 when anything fails (warnings alone exit 0). Changes nothing.

            Example: ./leeway doctor --url https://billing.example.com/webhooks/stripe
            """)
        {
            url,
            data,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var webhookUrl = parse.GetValue(url);
            if (webhookUrl is not null && !Uri.TryCreate(webhookUrl, UriKind.Absolute, out _))
            {
                throw new BadInputException($"--url {webhookUrl}: not an absolute URL; pass the address Stripe posts to, e.g. --url https://billing.example.com/webhooks/stripe.");
            }

            var app = LeewayApp.Build([], CommandLogging.HostSettings(parse, [new("Storage:DataDirectory", parse.GetValue(data))]));
            await using (app)
            {
                var findings = await new DeploymentDoctor(app.Services, app.Configuration).ExamineAsync(webhookUrl, cancellationToken);
                var table = new TextTable([new TextColumn("check"), new TextColumn("status"), new TextColumn("found"), new TextColumn("fix")]);
                foreach (var finding in findings)
                {
                    table.AddRow(finding.Check, Label(finding.Status), finding.Detail, finding.Fix);
                }

                Console.Write(table.Render(Console.IsOutputRedirected ? null : Math.Max(20, Console.WindowWidth - 1)));
                var failed = findings.Count(f => f.Status == DoctorStatus.Fail);
                var warned = findings.Count(f => f.Status == DoctorStatus.Warn);
                Console.WriteLine($"{findings.Count} checks: {findings.Count - failed - warned} ok, {warned} warnings, {failed} failed.");
                return failed > 0 ? 1 : 0;
            }
        });
        return command;
    }

    private static string Label(DoctorStatus status) => status switch
    {
        DoctorStatus.Ok => "ok",
        DoctorStatus.Warn => "warn",
        _ => "FAIL",
    };
}
