using System.CommandLine;

namespace Leeway.Cli;

/// <summary>
/// How much the commands log, and where: results go to standard output, logs to standard error, warnings and errors
/// only unless <c>--verbose</c> (then information too, with HTTP requests and the host's lifetime).
/// </summary>
internal static class CommandLogging
{
    /// <summary>Offered by every command (recursive from the root).</summary>
    public static Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "Also log what happens (information level, HTTP requests included) to standard error",
        Recursive = true,
    };

    public static bool IsVerbose(ParseResult parse) => parse.GetValue(Verbose);

    /// <summary>Settings for a product host a command builds: its logs on standard error, at the chosen level.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> HostSettings(bool verbose) =>
    [
        new("Logging:Console:LogToStandardErrorThreshold", "Trace"),
        new("Logging:LogLevel:Default", verbose ? "Information" : "Warning"),
        // Every HttpClient request is two information lines per handler; only worth reading when asked for.
        new("Logging:LogLevel:System.Net.Http.HttpClient", verbose ? "Information" : "Warning"),
        // The key ring in the user profile is unencrypted at rest on a developer machine: said once, at first start, as
        // a warning that is not about Leeway. Shown with --verbose.
        new("Logging:LogLevel:Microsoft.AspNetCore.DataProtection", verbose ? "Information" : "Error"),
    ];

    public static Dictionary<string, string?> HostSettings(ParseResult parse, IEnumerable<KeyValuePair<string, string?>>? more = null)
    {
        var settings = new Dictionary<string, string?>(HostSettings(IsVerbose(parse)));
        foreach (var (key, value) in more ?? [])
        {
            settings[key] = value;
        }

        return settings;
    }
}
