namespace Leeway.Humans;

/// <summary>Staff accounts with hashed passwords (ASP.NET Core Identity's PBKDF2 format) and a role
/// (<see cref="Identity.StaffRoles"/>). Emails are compared case-insensitively.</summary>
internal interface IStaffDirectory
{
    /// <summary>Creates an account (id <c>stf_…</c>).</summary>
    /// <exception cref="ArgumentException">An invalid email, an empty name, a password shorter than 8 characters, or an unknown role.</exception>
    /// <exception cref="InvalidOperationException">The email already has an account.</exception>
    Task<StaffMember> CreateAsync(string email, string name, string password, string role, CancellationToken cancellationToken);

    /// <summary>The account when the password is right; null for a wrong password or an unknown email (indistinguishable, and as slow).</summary>
    Task<StaffMember?> VerifyAsync(string email, string password, CancellationToken cancellationToken);

    Task<StaffMember?> GetAsync(string staffId, CancellationToken cancellationToken);

    Task<StaffMember?> FindByEmailAsync(string email, CancellationToken cancellationToken);

    Task<IReadOnlyList<StaffMember>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Disables (or enables again) an account: a disabled member's password is refused and their sessions stop
    /// at their next request. Null when there is no such member.</summary>
    Task<StaffMember?> SetDisabledAsync(string staffId, bool disabled, CancellationToken cancellationToken);

    /// <summary>Replaces the password. Null when there is no such member.</summary>
    /// <exception cref="ArgumentException">A password shorter than 8 characters.</exception>
    Task<StaffMember?> ResetPasswordAsync(string staffId, string password, CancellationToken cancellationToken);

    /// <summary>Changes the role. Null when there is no such member.</summary>
    /// <exception cref="ArgumentException">An unknown role.</exception>
    Task<StaffMember?> SetRoleAsync(string staffId, string role, CancellationToken cancellationToken);
}
