using Leeway.Identity;

namespace Leeway.Humans;

/// <summary>A staff account created at start when its email is not known yet (<c>Humans:Staff:&lt;n&gt;:*</c>). Never updates an existing one.</summary>
internal sealed class StaffSeed
{
    public string? Email { get; set; }

    public string? Name { get; set; }

    public string? Password { get; set; }

    public string Role { get; set; } = StaffRoles.Agent;
}
