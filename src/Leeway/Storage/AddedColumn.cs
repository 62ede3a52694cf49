namespace Leeway.Storage;

/// <summary>
/// A column a capability added to one of its tables after the table first shipped (<see cref="ISchema.AddedColumns"/>).
/// The table's <c>CREATE TABLE</c> lists it too, so a fresh database has it at once; a database created before gets it
/// from the migrator, which adds it only where it is missing (<c>ADD COLUMN IF NOT EXISTS</c> on PostgreSQL; SQLite has
/// no such clause, so the migrator asks <c>pragma_table_info</c> first).
/// </summary>
/// <param name="Definition">The column's type and constraints, e.g. <c>TEXT NULL</c>: nullable or with a default, as SQLite requires of an added column.</param>
internal sealed record AddedColumn(string Table, string Column, string Definition);
