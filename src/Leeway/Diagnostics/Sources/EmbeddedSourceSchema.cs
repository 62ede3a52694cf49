using Leeway.Storage;

namespace Leeway.Diagnostics.Sources;

/// <summary>The embedded entitlement and usage sources' tables (a scenario's or the demo's <c>entitlements</c> and <c>usage</c>).</summary>
internal sealed class EmbeddedSourceSchema : ISchema
{
    public string Capability => "diagnostics";

    public IEnumerable<string> Statements(SqlDialect dialect) =>
    [
        """
        CREATE TABLE IF NOT EXISTS diagnostics_entitlements (
            customer_id TEXT NOT NULL,
            position BIGINT NOT NULL,
            feature TEXT NOT NULL,
            active BIGINT NOT NULL,
            source TEXT NOT NULL,
            PRIMARY KEY (customer_id, position))
        """,
        """
        CREATE TABLE IF NOT EXISTS diagnostics_usage (
            customer_id TEXT NOT NULL,
            position BIGINT NOT NULL,
            meter TEXT NOT NULL,
            period_start BIGINT NOT NULL,
            period_end BIGINT NOT NULL,
            quantity BIGINT NOT NULL,
            amount BIGINT NOT NULL,
            PRIMARY KEY (customer_id, position))
        """,
    ];
}
