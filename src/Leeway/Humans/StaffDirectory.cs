using Dapper;
using Leeway.Identity;
using Leeway.Storage;
using Microsoft.AspNetCore.Identity;

namespace Leeway.Humans;

internal sealed class StaffDirectory(Database database, IdGenerator ids, TimeProvider time) : IStaffDirectory
{
    public const int MinPasswordLength = 8;
    public const int MaxPasswordLength = 256;

    private const string Columns =
        "id AS Id, email AS Email, name AS Name, role AS Role, created_at AS CreatedAt, password_hash AS PasswordHash, d.disabled_at AS DisabledAt";

    private const string From = "staff LEFT JOIN staff_disabled d ON d.staff_id = staff.id";

    private static readonly PasswordHasher<StaffMember> Hasher = new();

    /// <summary>Verified against when the email is unknown, so a wrong email costs as much time as a wrong password.</summary>
    private static readonly Lazy<string> DecoyHash = new(() => Hasher.HashPassword(null!, "decoy-password-never-matches"));

    public static string? EmailProblem(string? email) =>
        string.IsNullOrWhiteSpace(email) ? "an email is required."
        : email.Trim() is var e && (e.IndexOf('@', StringComparison.Ordinal) is <= 0 || e.EndsWith('@') || e.Contains(' ', StringComparison.Ordinal)) ? $"'{e}' is not an email address."
        : null;

    public static string? PasswordProblem(string? password) =>
        password is null || password.Length < MinPasswordLength ? $"a password of at least {MinPasswordLength} characters is required."
        : password.Length > MaxPasswordLength ? $"a password of at most {MaxPasswordLength} characters is required."
        : null;

    public async Task<StaffMember> CreateAsync(string email, string name, string password, string role, CancellationToken cancellationToken)
    {
        if (EmailProblem(email) is { } emailProblem)
        {
            throw new ArgumentException("Staff email: " + emailProblem, nameof(email));
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("Staff name is required.", nameof(name));
        }

        if (PasswordProblem(password) is { } passwordProblem)
        {
            throw new ArgumentException("Staff password: " + passwordProblem, nameof(password));
        }

        var member = new StaffMember(ids.NewId("stf"), Normalize(email), name.Trim(), CanonicalRole(role), time.GetUtcNow());
        await using var connection = await database.OpenAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO staff (id, email, name, password_hash, role, created_at) VALUES (@Id, @Email, @Name, @hash, @Role, @createdAt)
            ON CONFLICT DO NOTHING
            """,
            new { member.Id, member.Email, member.Name, hash = Hasher.HashPassword(member, password), member.Role, createdAt = member.CreatedAt.ToUnixTimeMilliseconds() },
            cancellationToken: cancellationToken));
        return inserted == 1 ? member : throw new InvalidOperationException($"A staff account for {member.Email} already exists.");
    }

    public async Task<StaffMember?> VerifyAsync(string email, string password, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(email) || string.IsNullOrEmpty(password) || password.Length > MaxPasswordLength)
        {
            return null;
        }

        var row = await QueryOneAsync("staff.email = @key", Normalize(email), cancellationToken);
        if (row is null)
        {
            Hasher.VerifyHashedPassword(null!, DecoyHash.Value, password);
            return null;
        }

        var member = row.ToMember();
        if (member.IsDisabled)
        {
            // As slow as a wrong password, and indistinguishable from one to the caller.
            Hasher.VerifyHashedPassword(member, row.PasswordHash, password);
            return null;
        }

        var result = Hasher.VerifyHashedPassword(member, row.PasswordHash, password);
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            // The hash format or iteration count was upgraded since it was written: store it the new way.
            await using var connection = await database.OpenAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE staff SET password_hash = @hash WHERE id = @id",
                new { hash = Hasher.HashPassword(member, password), id = member.Id },
                cancellationToken: cancellationToken));
        }

        return result == PasswordVerificationResult.Failed ? null : member;
    }

    public async Task<StaffMember?> GetAsync(string staffId, CancellationToken cancellationToken) =>
        (await QueryOneAsync("staff.id = @key", staffId, cancellationToken))?.ToMember();

    public async Task<StaffMember?> FindByEmailAsync(string email, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(email) ? null : (await QueryOneAsync("staff.email = @key", Normalize(email), cancellationToken))?.ToMember();

    public async Task<IReadOnlyList<StaffMember>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<StaffRow>(new CommandDefinition($"SELECT {Columns} FROM {From} ORDER BY email", cancellationToken: cancellationToken));
        return rows.Select(r => r.ToMember()).ToList();
    }

    public async Task<StaffMember?> SetDisabledAsync(string staffId, bool disabled, CancellationToken cancellationToken)
    {
        if (await GetAsync(staffId, cancellationToken) is null)
        {
            return null;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            disabled
                ? "INSERT INTO staff_disabled (staff_id, disabled_at) VALUES (@staffId, @at) ON CONFLICT DO NOTHING"
                : "DELETE FROM staff_disabled WHERE staff_id = @staffId",
            new { staffId, at = time.GetUtcNow().ToUnixTimeMilliseconds() },
            cancellationToken: cancellationToken));
        return await GetAsync(staffId, cancellationToken);
    }

    public async Task<StaffMember?> ResetPasswordAsync(string staffId, string password, CancellationToken cancellationToken)
    {
        if (PasswordProblem(password) is { } problem)
        {
            throw new ArgumentException("Staff password: " + problem, nameof(password));
        }

        var member = await GetAsync(staffId, cancellationToken);
        if (member is null)
        {
            return null;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE staff SET password_hash = @hash WHERE id = @id",
            new { hash = Hasher.HashPassword(member, password), id = member.Id },
            cancellationToken: cancellationToken));
        return member;
    }

    public async Task<StaffMember?> SetRoleAsync(string staffId, string role, CancellationToken cancellationToken)
    {
        var canonical = CanonicalRole(role);
        await using var connection = await database.OpenAsync(cancellationToken);
        var updated = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE staff SET role = @canonical WHERE id = @staffId", new { canonical, staffId }, cancellationToken: cancellationToken));
        return updated == 0 ? null : await GetAsync(staffId, cancellationToken);
    }

    /// <exception cref="ArgumentException">The role is none of <see cref="StaffRoles.All"/>.</exception>
    private static string CanonicalRole(string role) =>
        StaffRoles.Parse(role) ?? throw new ArgumentException($"Staff role '{role}' is not one of: {string.Join(", ", StaffRoles.All)}.", nameof(role));

    private static string Normalize(string email) => email.Trim().ToLowerInvariant();

    private async Task<StaffRow?> QueryOneAsync(string where, string key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<StaffRow>(new CommandDefinition(
            $"SELECT {Columns} FROM {From} WHERE {where}", new { key }, cancellationToken: cancellationToken));
    }

    private sealed class StaffRow
    {
        public string Id { get; set; } = "";
        public string Email { get; set; } = "";
        public string Name { get; set; } = "";
        public string Role { get; set; } = "";
        public long CreatedAt { get; set; }
        public string PasswordHash { get; set; } = "";

        public long? DisabledAt { get; set; }

        // Accounts written before roles had three levels say "support": they are agents.
        public StaffMember ToMember() => new(Id, Email, Name, StaffRoles.Parse(Role) ?? Role, DateTimeOffset.FromUnixTimeMilliseconds(CreatedAt))
        {
            DisabledAt = DisabledAt is { } at ? DateTimeOffset.FromUnixTimeMilliseconds(at) : null,
        };
    }
}
