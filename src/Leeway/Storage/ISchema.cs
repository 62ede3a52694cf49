namespace Leeway.Storage;

/// <summary>
/// One capability's tables. Each capability registers its own; the migrator applies them all at start.
/// Statements must be idempotent (<c>CREATE TABLE IF NOT EXISTS</c>) and portable where possible:
/// use TEXT, BIGINT (times as Unix milliseconds, money in minor units) and INTEGER for booleans.
/// </summary>
public interface ISchema
{
    string Capability { get; }

    IEnumerable<string> Statements(SqlDialect dialect);
}
