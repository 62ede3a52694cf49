namespace Leeway.Diagnostics;

/// <summary><c>Diagnostics:Usage</c>: <c>Kind</c> = <c>embedded</c> (default) or <c>clickhouse</c> with its HTTP endpoint and table.</summary>
internal sealed class UsageSourceOptions
{
    public const string Embedded = "embedded";
    public const string ClickHouse = "clickhouse";

    public string Kind { get; set; } = Embedded;

    /// <summary>ClickHouse's HTTP interface, e.g. <c>http://127.0.0.1:8123</c>.</summary>
    public string Url { get; set; } = "http://127.0.0.1:8123";

    public string Database { get; set; } = "default";

    public string Table { get; set; } = "billable_usage";

    /// <summary>Empty: ClickHouse's <c>default</c> user without credentials.</summary>
    public string? User { get; set; }

    public string? Password { get; set; }
}
