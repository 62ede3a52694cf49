using Leeway.StripeSandbox;

namespace Leeway.Tests.Diagnostics;

/// <summary>
/// A test against the Stripe sandbox: skipped, saying why, while the sandbox in this build has no admin API yet
/// (its seeding endpoint <c>/_sandbox/world</c>), so these tests run by themselves once it lands.
/// </summary>
public sealed class SandboxFactAttribute : FactAttribute
{
    public SandboxFactAttribute()
    {
        Skip = SandboxAvailability.SkipReason;
    }
}

/// <summary>The theory form of <see cref="SandboxFactAttribute"/>.</summary>
public sealed class SandboxTheoryAttribute : TheoryAttribute
{
    public SandboxTheoryAttribute()
    {
        Skip = SandboxAvailability.SkipReason;
    }
}

internal static class SandboxAvailability
{
    public static string? SkipReason { get; } =
        typeof(SandboxHost).Assembly.GetType("Leeway.StripeSandbox.Admin.AdminApi") is null
            ? "The Stripe sandbox's admin API (/_sandbox/world) is not in this build yet."
            : null;
}
