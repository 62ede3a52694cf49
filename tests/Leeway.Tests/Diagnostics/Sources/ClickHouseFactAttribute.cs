namespace Leeway.Tests.Diagnostics.Sources;

/// <summary>A test that needs a real ClickHouse server: skipped, saying why, only when <c>LEEWAY_CLICKHOUSE_URL</c> is unset.</summary>
public sealed class ClickHouseFactAttribute : FactAttribute
{
    public const string Variable = "LEEWAY_CLICKHOUSE_URL";

    public ClickHouseFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable)))
        {
            Skip = $"{Variable} is unset: run ./test.sh, whose scripts/test-services.d/clickhouse.sh installs and starts ClickHouse and sets it.";
        }
    }
}
