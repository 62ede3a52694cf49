namespace Leeway.Storage;

/// <summary>
/// One capability's tables. Each capability registers its own; the migrator applies them all at start.
/// Statements must be idempotent (<c>CREATE TABLE IF NOT EXISTS</c>) and portable where possible:
/// use TEXT and BIGINT: times as Unix milliseconds, money in minor units, and booleans and counts too (SQLite reads every
/// integer as 64-bit; a 32-bit INTEGER column on PostgreSQL would not map onto the same <c>long</c> in a row record).
/// </summary>
internal interface ISchema
{
    string Capability { get; }

    IEnumerable<string> Statements(SqlDialect dialect);

    /// <summary>Columns added to this capability's tables since they first shipped, applied after <see cref="Statements"/>.</summary>
    IEnumerable<AddedColumn> AddedColumns => [];
}
