using System.Text.RegularExpressions;

namespace Leeway.StripeSandbox.Wire;

/// <summary>Stripe API versions as they are written: a release date, then a release name since 2024 (2026-10-28.endive).</summary>
internal static partial class ApiVersions
{
    public static bool IsWellFormed(string version) => Shape().IsMatch(version);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(\.[a-z]+)?$")]
    private static partial Regex Shape();
}
