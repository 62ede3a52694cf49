namespace Leeway.Storage;

/// <summary>
/// "Column is one of a list" in each database's own form. Dapper expands <c>IN @list</c> into one parameter per item on
/// SQLite but hands Npgsql the list as one array parameter, which PostgreSQL accepts only as <c>= ANY(@list)</c>.
/// Pass the list as an array.
/// </summary>
internal static class SqlLists
{
    /// <example><c>$"... WHERE {database.Dialect.AnyOf("type", "@Types")}"</c> with <c>new { Types = types.ToArray() }</c>.</example>
    public static string AnyOf(this SqlDialect dialect, string column, string parameter) => dialect switch
    {
        SqlDialect.Postgres => $"{column} = ANY({parameter})",
        _ => $"{column} IN {parameter}",
    };
}
