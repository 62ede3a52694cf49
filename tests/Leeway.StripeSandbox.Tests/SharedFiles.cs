namespace Leeway.StripeSandbox.Tests;

/// <summary>Finds <c>../shared</c> (Stripe's fixtures, the dev scenarios) beside the repository, from wherever the tests run.</summary>
internal static class SharedFiles
{
    public static string Root { get; } = Find();

    public static string Fixtures => Path.Combine(Root, "stripe", "fixtures3.json");

    public static IEnumerable<string> DevScenarios => Directory.EnumerateFiles(Path.Combine(Root, "scenarios", "dev"), "*.json").Order(StringComparer.Ordinal);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (File.Exists(Path.Combine(candidate, "stripe", "fixtures3.json")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"No shared/stripe/fixtures3.json above {AppContext.BaseDirectory}");
    }
}
