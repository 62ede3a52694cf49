namespace Leeway.Tests;

/// <summary>Finds ../shared (the scenarios, Stripe's fixtures) beside the repository, from wherever the tests run.</summary>
internal static class SharedFiles
{
    public static string Root { get; } = Find();

    public static string DevScenarios => Path.Combine(Root, "scenarios", "dev");

    public static string LinkScenarios => Path.Combine(Root, "scenarios", "links");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "scenario-format.md");
            if (File.Exists(candidate))
            {
                return Path.Combine(dir.FullName, "shared");
            }
        }

        throw new InvalidOperationException("../shared (with scenario-format.md) was not found above " + AppContext.BaseDirectory);
    }
}
