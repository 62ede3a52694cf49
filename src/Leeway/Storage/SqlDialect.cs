namespace Leeway.Storage;

public enum SqlDialect
{
    Sqlite,
    Postgres,
}
