using System.Text;
using Leeway.Diagnostics;
using Leeway.Diagnostics.Sources;
using Leeway.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Leeway.Tests.Diagnostics.Sources;

/// <summary>
/// The ClickHouse usage adapter against a real server (Debian's 18.16 in CI) over its HTTP interface. Each test class
/// instance owns a fresh database, dropped at the end.
/// </summary>
public sealed class ClickHouseUsageSourceTests : IAsyncLifetime
{
    private static readonly string? ServerUrl = Environment.GetEnvironmentVariable(ClickHouseFactAttribute.Variable);
    private readonly string _database = "leeway_test_" + Guid.NewGuid().ToString("N")[..12];
    private static readonly HttpClient Admin = new();

    public async Task InitializeAsync()
    {
        if (ServerUrl is null)
        {
            return;
        }

        await Execute($"CREATE DATABASE {_database}");
        await Execute($"CREATE TABLE {_database}.billable_usage (customer_id String, meter String, period_start DateTime, period_end DateTime, quantity Int64, amount Int64) "
            + "ENGINE = MergeTree ORDER BY (customer_id, meter, period_start)");
        await Execute($"INSERT INTO {_database}.billable_usage VALUES "
            + "('cus_a', 'api_calls', 1788220800, 1790812800, 610000, 6100), "      // 2026-09
            + "('cus_a', 'api_calls', 1785542400, 1788220800, 590000, 5900), "      // 2026-08
            + "('cus_a', 'api_calls', 1790812800, 1793491200, 8600000, 86000), "    // 2026-10
            + "('cus_a', 'storage_gb', 1790812800, 1793491200, 50, 500), "
            + "('cus_b', 'api_calls', 1790812800, 1793491200, 1, 99999), "
            + "('cus_o\\'brien\\\\', 'api_calls', 1790812800, 1793491200, 7, 70)");
    }

    public async Task DisposeAsync()
    {
        if (ServerUrl is not null)
        {
            await Execute($"DROP DATABASE IF EXISTS {_database}");
        }

    }

    private async Task Execute(string statement)
    {
        using var response = await Admin.PostAsync(new Uri(ServerUrl!.TrimEnd('/') + "/"), new StringContent(statement, Encoding.UTF8));
        Assert.True(response.IsSuccessStatusCode, $"{statement}: {await response.Content.ReadAsStringAsync()}");
    }

    private ClickHouseUsageSource Source(string table = "billable_usage") => new(
        new ServiceCollection().AddHttpClient().BuildServiceProvider().GetRequiredService<IHttpClientFactory>(),
        new UsageSourceOptions { Kind = UsageSourceOptions.ClickHouse, Url = ServerUrl!, Database = _database, Table = table });

    [ClickHouseFact]
    public async Task Reads_only_the_customers_rows_in_meter_and_period_order()
    {
        var usage = await Source().ReadAsync("cus_a", CancellationToken.None);

        Assert.Equal(
            [
                new UsageRecord("api_calls", ScenarioWorld.Time("2026-08-01T00:00:00Z"), ScenarioWorld.Time("2026-09-01T00:00:00Z"), 590000, 5900),
                new UsageRecord("api_calls", ScenarioWorld.Time("2026-09-01T00:00:00Z"), ScenarioWorld.Time("2026-10-01T00:00:00Z"), 610000, 6100),
                new UsageRecord("api_calls", ScenarioWorld.Time("2026-10-01T00:00:00Z"), ScenarioWorld.Time("2026-11-01T00:00:00Z"), 8600000, 86000),
                new UsageRecord("storage_gb", ScenarioWorld.Time("2026-10-01T00:00:00Z"), ScenarioWorld.Time("2026-11-01T00:00:00Z"), 50, 500),
            ],
            usage);
    }

    [ClickHouseFact]
    public async Task An_id_with_quotes_and_backslashes_is_escaped_and_finds_its_own_rows()
    {
        var usage = await Source().ReadAsync("cus_o'brien\\", CancellationToken.None);

        Assert.Equal(70, Assert.Single(usage).Amount);
    }

    [ClickHouseFact]
    public async Task An_injection_attempt_in_the_id_matches_nothing()
    {
        Assert.Empty(await Source().ReadAsync("x' OR 1=1 OR customer_id='", CancellationToken.None));
        Assert.Empty(await Source().ReadAsync("cus_a' --", CancellationToken.None));
    }

    [ClickHouseFact]
    public async Task A_missing_table_fails_the_read_with_the_servers_reason()
    {
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => Source("no_such_table").ReadAsync("cus_a", CancellationToken.None));

        Assert.Contains("no_such_table", error.Message);
    }

    [ClickHouseFact]
    public async Task The_reads_are_read_only_on_the_server()
    {
        // The same endpoint and setting the adapter uses refuses a write.
        using var response = await Admin.PostAsync(
            new Uri(ServerUrl!.TrimEnd('/') + "/?readonly=1"),
            new StringContent($"INSERT INTO {_database}.billable_usage VALUES ('cus_z', 'm', 0, 0, 0, 0)"));

        Assert.False(response.IsSuccessStatusCode);
        Assert.Contains("readonly", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [ClickHouseFact]
    public async Task The_product_configured_for_clickhouse_finds_a_usage_spike_in_it()
    {
        await using var product = await ProductHost.StartAsync(new Dictionary<string, string?>
        {
            ["Diagnostics:Usage:Kind"] = "clickhouse",
            ["Diagnostics:Usage:Url"] = ServerUrl,
            ["Diagnostics:Usage:Database"] = _database,
            ["Diagnostics:Usage:Table"] = "billable_usage",
            ["Diagnostics:Faults:stripe"] = "error",
        });

        var diagnosis = await product.DiagnosisAsync("cus_a");

        Assert.True(Assert.Single(diagnosis.Sources, s => s.Name == "usage").Answered);
        var spike = Assert.Single(diagnosis.Findings, f => WireName.Of(f.RootCause) == "usage_spike");
        Assert.Equal("api_calls", spike.Facts[FactKeys.Meter]);
        Assert.Equal("86000", spike.Facts[FactKeys.Amount]);
    }

    [Fact]
    public void String_literals_escape_quotes_backslashes_and_control_characters()
    {
        Assert.Equal("'cus_o\\'brien\\\\'", ClickHouseUsageSource.Literal("cus_o'brien\\"));
        Assert.Equal("'a\\nb\\0'", ClickHouseUsageSource.Literal("a\nb\0"));
    }

    [Fact]
    public void The_query_names_validated_identifiers_and_asks_for_json_rows()
    {
        var query = ClickHouseUsageSource.Query("billing", "usage_v2", "x' OR '1'='1");

        Assert.Contains("FROM `billing`.`usage_v2` WHERE customer_id = 'x\\' OR \\'1\\'=\\'1'", query);
        Assert.EndsWith("FORMAT JSONEachRow", query);
        Assert.Throws<ArgumentException>(() => ClickHouseUsageSource.Query("billing; DROP", "usage", "cus_a"));
    }

    [Fact]
    public void Rows_parse_whether_64_bit_integers_come_quoted_or_not()
    {
        var rows = ClickHouseUsageSource.Parse("""
            {"meter":"api","period_start":1790812800,"period_end":1793491200,"quantity":"8600000","amount":"86000"}
            {"meter":"api","period_start":1788220800,"period_end":1790812800,"quantity":610000,"amount":6100}

            """);

        Assert.Equal([86000L, 6100L], rows.Select(r => r.Amount));
        Assert.Equal(ScenarioWorld.Time("2026-10-01T00:00:00Z"), rows[0].PeriodStart);
    }
}
