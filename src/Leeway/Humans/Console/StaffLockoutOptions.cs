using System.ComponentModel.DataAnnotations;

namespace Leeway.Humans.Console;

/// <summary>
/// Section <c>Humans:Lockout</c>: after <see cref="MaxFailures"/> wrong passwords for one email within
/// <see cref="WindowMinutes"/>, that account is refused (even with the right password) for <see cref="LockMinutes"/>.
/// </summary>
internal sealed class StaffLockoutOptions
{
    public const string Section = "Humans:Lockout";

    [Range(1, 1000)]
    public int MaxFailures { get; set; } = 5;

    [Range(1, 24 * 60)]
    public int WindowMinutes { get; set; } = 15;

    [Range(1, 24 * 60)]
    public int LockMinutes { get; set; } = 15;
}
