using Leeway.Storage;

namespace Leeway.Identity;

/// <summary>
/// Credentials signed out before they expire: a customer token (by its SHA-256, never the token itself) or a staff
/// session id. Kept until the credential would have expired anyway.
/// </summary>
internal sealed class IdentitySchema : ISchema
{
    public string Capability => "identity";

    public IEnumerable<string> Statements(SqlDialect dialect) =>
    [
        """
        CREATE TABLE IF NOT EXISTS revoked_credentials (
            id TEXT PRIMARY KEY,
            revoked_at BIGINT NOT NULL,
            expires_at BIGINT NOT NULL
        )
        """,
        "CREATE INDEX IF NOT EXISTS ix_revoked_credentials_expiry ON revoked_credentials (expires_at)",
    ];
}
