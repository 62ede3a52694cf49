using Microsoft.Extensions.Options;

namespace Leeway.Policy.Rules;

/// <summary>Loads <see cref="PolicyOptions"/> from the policy file and the configured overrides (see <see cref="PolicyOptions"/>).</summary>
internal sealed class PolicyOptionsSetup(IConfiguration configuration) : IConfigureOptions<PolicyOptions>
{
    public const string DefaultFileName = "policy.yaml";

    public void Configure(PolicyOptions options)
    {
        var section = configuration.GetSection(PolicyOptions.Section);
        var configured = section["File"];
        var settings = new PolicySettings();
        var path = configured is { Length: > 0 } ? configured : FindDefault();
        if (path is not null)
        {
            if (File.Exists(path))
            {
                options.Source = Path.GetFullPath(path);
                settings = PolicyLoader.ParseYaml(File.ReadAllText(path), path, settings, options.Errors);
            }
            else
            {
                options.Errors.Add($"Policy:File: the policy file '{path}' does not exist");
            }
        }

        foreach (var child in section.GetSection("Overrides").GetChildren())
        {
            settings = PolicyLoader.Apply(settings, child.Key, child.Value, $"Policy:Overrides:{child.Key}", options.Errors);
        }

        options.Settings = settings;
    }

    private static string? FindDefault()
    {
        foreach (var folder in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            var candidate = Path.Combine(folder, DefaultFileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
