using System.Security.Cryptography;
using System.Text;
using Dapper;
using Leeway.Storage;

namespace Leeway.Identity;

/// <summary>
/// The server-side revocation list behind sign-out: a signed token or session cookie stays valid until it expires,
/// unless it is listed here. In the database, so a sign-out on one host holds on every host.
/// </summary>
internal sealed class RevokedCredentials(Database database, TimeProvider time)
{
    /// <summary>The id a customer token is listed under: its SHA-256, so the list holds nothing that signs anyone in.</summary>
    public static string TokenId(string token) => "token:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static string SessionId(string sessionId) => "session:" + sessionId;

    /// <param name="validFor">How long the credential could still be presented (it is forgotten after that).</param>
    public async Task RevokeAsync(string id, TimeSpan validFor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO revoked_credentials (id, revoked_at, expires_at) VALUES (@id, @now, @expires) ON CONFLICT (id) DO NOTHING",
            new { id, now, expires = now + (long)validFor.TotalMilliseconds },
            cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM revoked_credentials WHERE expires_at < @now", new { now }, cancellationToken: cancellationToken));
    }

    /// <summary>Revokes <paramref name="id"/> if nobody has yet: true for exactly one caller (a single-use link's one use).</summary>
    public async Task<bool> RevokeOnceAsync(string id, TimeSpan validFor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await database.OpenAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO revoked_credentials (id, revoked_at, expires_at) VALUES (@id, @now, @expires) ON CONFLICT (id) DO NOTHING",
            new { id, now, expires = now + (long)validFor.TotalMilliseconds },
            cancellationToken: cancellationToken));
        return inserted == 1;
    }

    public async Task<bool> IsRevokedAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT 1 FROM revoked_credentials WHERE id = @id", new { id }, cancellationToken: cancellationToken)) is not null;
    }
}
