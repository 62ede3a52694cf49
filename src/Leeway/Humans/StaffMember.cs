using System.Text.Json.Serialization;

namespace Leeway.Humans;

/// <summary>A person on the billing team. The password hash never leaves <see cref="IStaffDirectory"/>.
/// <see cref="Role"/> is one of <see cref="Identity.StaffRoles.All"/>; a disabled member cannot sign in and their sessions stop.</summary>
internal sealed record StaffMember(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("email")] string Email,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt)
{
    [JsonPropertyName("disabled_at")]
    public DateTimeOffset? DisabledAt { get; init; }

    [JsonIgnore]
    public bool IsDisabled => DisabledAt is not null;
}
