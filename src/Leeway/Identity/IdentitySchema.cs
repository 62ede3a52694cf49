using Leeway.Storage;

namespace Leeway.Identity;

/// <summary><c>dataprotection_keys</c>: ASP.NET Core's data-protection key ring (what signs antiforgery tokens and
/// sign-in cookies), kept in the product database so every host behind a balancer reads and writes the same keys.</summary>
internal sealed class IdentitySchema : ISchema
{
    public string Capability => "identity";

    public IEnumerable<string> Statements(SqlDialect dialect) =>
    [
        """
        CREATE TABLE IF NOT EXISTS dataprotection_keys (
            name TEXT PRIMARY KEY,
            xml TEXT NOT NULL
        )
        """,
    ];
}
