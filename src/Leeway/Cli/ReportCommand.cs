using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Leeway.Observability;
using Leeway.Observability.Cost;
using Leeway.Storage;
using Spectre.Console;

namespace Leeway.Cli;

internal static class ReportCommand
{
    public static Command Create()
    {
        var from = new Option<string?>("--from") { Description = "First day (yyyy-MM-dd, UTC); default: 30 days before --to" };
        var to = new Option<string?>("--to") { Description = "Last day (yyyy-MM-dd, UTC), included; default: today" };
        var data = new Option<string>("--data") { Description = "The data folder of the Leeway whose contact log to read", DefaultValueFactory = _ => "data" };
        var json = new Option<bool>("--json") { Description = "Print the table as JSON instead" };
        var cost = new Command("cost", """
            The cost model from the recorded contacts: per tier (0 prevent, 1 self-heal, 2 AI, 3 human) its mix, volume,
            unit cost (configuration Cost:Human/Agent/SelfHeal/Prevent, minor units) and monthly cost; what people alone
            would cost; and the revenue recovered (failed payments later paid after a nudge, retry or link).

            Example: ./leeway report cost --data data
            """)
        {
            from,
            to,
            data,
            json,
        };
        cost.SetAction(async (parse, ct) =>
        {
            var folder = parse.GetValue(data)!;
            var app = LeewayApp.Build([], CommandLogging.HostSettings(parse, [new("Storage:DataDirectory", folder)]));
            await using (app)
            {
                // Read what a Leeway recorded; a wrong folder must not become a new, empty database that reports zeros.
                if (app.Configuration["Storage:ConnectionString"] is { Length: > 0 } connectionString)
                {
                    (await CommandInputs.OpenDatabaseAsync(connectionString, "Storage:ConnectionString", ct)).Dispose();
                }
                else
                {
                    CommandInputs.ExistingDataFolder(folder);
                }

                var reports = app.Services.GetRequiredService<OpsReports>();
                var window = OpsWindow.Parse(parse.GetValue(from), parse.GetValue(to), reports.Today, out var error);
                if (window is null)
                {
                    throw new BadInputException($"--{error!.Value.Field}: {error.Value.Message} E.g. --from 2026-03-01 --to 2026-03-31.");
                }

                // A database from an older Leeway gets the tables added since, so the report reads it instead of failing.
                foreach (var migrator in app.Services.GetServices<IHostedService>().OfType<SchemaMigrator>())
                {
                    await migrator.StartAsync(ct);
                }

                var table = await reports.CostAsync(window, ct);
                if (parse.GetValue(json))
                {
                    Console.WriteLine(JsonSerializer.Serialize(table, new JsonSerializerOptions { WriteIndented = true }));
                }
                else
                {
                    Print(table);
                }

                return 0;
            }
        });

        return new Command("report", """
            Reports from the contacts a Leeway recorded in its data folder.

            Example: ./leeway report cost --data data
            """) { cost };
    }

    private static void Print(CostTable cost)
    {
        string Money(long minor) => Billing.Money.Format(minor, cost.Currency);
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"Cost model, {cost.From:yyyy-MM-dd} to {cost.To:yyyy-MM-dd} ({cost.WindowDays:0} days, scaled to a month)")
            .AddColumn("Tier").AddColumn(new TableColumn("Mix").RightAligned()).AddColumn(new TableColumn("Contacts").RightAligned())
            .AddColumn(new TableColumn("Volume / month").RightAligned()).AddColumn(new TableColumn("Unit cost").RightAligned())
            .AddColumn(new TableColumn("Monthly").RightAligned());
        foreach (var row in cost.Rows)
        {
            table.AddRow(Markup.Escape(row.Label), row.Mix.ToString("P1", CultureInfo.InvariantCulture), row.Volume.ToString("N0", CultureInfo.InvariantCulture),
                row.MonthlyVolume.ToString("N0", CultureInfo.InvariantCulture), Markup.Escape(Money(row.UnitCost)), Markup.Escape(Money(row.MonthlyCost)));
        }

        table.AddRow($"[bold]{cost.Total.Label}[/]", cost.Total.Mix.ToString("P1", CultureInfo.InvariantCulture), cost.Total.Volume.ToString("N0", CultureInfo.InvariantCulture),
            cost.Total.MonthlyVolume.ToString("N0", CultureInfo.InvariantCulture), Markup.Escape(Money(cost.Total.UnitCost)) + " avg",
            $"[bold]{Markup.Escape(Money(cost.Total.MonthlyCost))}[/]");
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"Without Leeway (people handle every contact): [bold]{Markup.Escape(Money(cost.MonthlyCostAllHuman))}[/] a month; with Leeway: [bold]{Markup.Escape(Money(cost.Total.MonthlyCost))}[/]; saved: [bold green]{Markup.Escape(Money(cost.MonthlySavings))}[/].");
        if (cost.Recovered.Count == 0)
        {
            AnsiConsole.MarkupLine("Recovered revenue: none recorded in this window.");
        }

        foreach (var recovered in cost.Recovered)
        {
            var via = string.Join(", ", recovered.ByVia.Select(v => $"{v.Key} {Billing.Money.Format(v.Value, recovered.Currency)}"));
            AnsiConsole.MarkupLine($"Recovered revenue ({recovered.Currency.ToUpperInvariant()}): [bold]{Markup.Escape(Billing.Money.Format(recovered.Amount, recovered.Currency))}[/] from {recovered.Payments:N0} payments ({Markup.Escape(via)}); {Markup.Escape(Billing.Money.Format(recovered.MonthlyAmount, recovered.Currency))} a month.");
        }
    }
}
