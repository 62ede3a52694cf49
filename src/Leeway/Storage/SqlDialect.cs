namespace Leeway.Storage;

internal enum SqlDialect
{
    Sqlite,
    Postgres,
}
