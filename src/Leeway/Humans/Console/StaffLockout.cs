using Dapper;
using Leeway.Storage;
using Microsoft.Extensions.Options;

namespace Leeway.Humans.Console;

/// <summary>
/// Counts failed staff sign-ins per email (known or not, so a lockout tells nobody which emails have accounts) in the
/// database, so every host sees the same count. One atomic upsert per failure; a success clears the count.
/// </summary>
internal sealed class StaffLockout(Database database, TimeProvider time, IOptions<StaffLockoutOptions> options)
{
    /// <summary>Until when the account is locked, or null when it is not.</summary>
    public async Task<DateTimeOffset?> LockedUntilAsync(string email, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var until = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT locked_until FROM staff_sign_in_failures WHERE email = @email",
            new { email = Normalize(email) },
            cancellationToken: cancellationToken));
        var now = time.GetUtcNow();
        return until is { } ms && DateTimeOffset.FromUnixTimeMilliseconds(ms) > now ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
    }

    /// <summary>Counts one failure; the lock's end when this one locked the account.</summary>
    public async Task<DateTimeOffset?> FailedAsync(string email, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        var windowStart = now.AddMinutes(-o.WindowMinutes).ToUnixTimeMilliseconds();
        await using var connection = await database.OpenAsync(cancellationToken);
        var failures = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO staff_sign_in_failures (email, failures, first_at, locked_until) VALUES (@email, 1, @now, NULL)
            ON CONFLICT (email) DO UPDATE SET
                failures = CASE WHEN staff_sign_in_failures.first_at < @windowStart THEN 1 ELSE staff_sign_in_failures.failures + 1 END,
                first_at = CASE WHEN staff_sign_in_failures.first_at < @windowStart THEN @now ELSE staff_sign_in_failures.first_at END
            RETURNING failures
            """,
            new { email = Normalize(email), now = now.ToUnixTimeMilliseconds(), windowStart },
            cancellationToken: cancellationToken));
        if (failures < o.MaxFailures)
        {
            return null;
        }

        // Locked; the count starts again, so the first wrong password after the lock does not lock it again at once.
        var until = now.AddMinutes(o.LockMinutes);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE staff_sign_in_failures SET failures = 0, first_at = @now, locked_until = @until WHERE email = @email",
            new { email = Normalize(email), now = now.ToUnixTimeMilliseconds(), until = until.ToUnixTimeMilliseconds() },
            cancellationToken: cancellationToken));
        return until;
    }

    public async Task SucceededAsync(string email, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM staff_sign_in_failures WHERE email = @email", new { email = Normalize(email) }, cancellationToken: cancellationToken));
    }

    private static string Normalize(string email) => email.Trim().ToLowerInvariant();
}
