namespace Leeway.Tests.Diagnostics;

/// <summary>Where the shared scenarios live: <c>../shared</c> beside the repository.</summary>
internal static class ScenarioFiles
{
    public static string DevFolder { get; } = Path.Combine(SharedFolder(), "scenarios", "dev");

    private static string SharedFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Leeway.slnx")))
            {
                return Path.Combine(dir.Parent!.FullName, "shared");
            }
        }

        throw new DirectoryNotFoundException($"No Leeway.slnx above {AppContext.BaseDirectory}, so ../shared cannot be found.");
    }
}
