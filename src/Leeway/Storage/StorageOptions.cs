namespace Leeway.Storage;

/// <summary>Where Leeway keeps its state. SQLite in <see cref="DataDirectory"/> unless a connection string names PostgreSQL.</summary>
internal sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>
    /// Empty: SQLite file <c>leeway.db</c> in <see cref="DataDirectory"/>.
    /// Starting with <c>Host=</c> (Npgsql syntax): PostgreSQL. Starting with <c>Data Source=</c>: that SQLite database.
    /// </summary>
    public string? ConnectionString { get; set; }

    public string DataDirectory { get; set; } = "data";
}
