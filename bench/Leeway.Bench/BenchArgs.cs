using System.Globalization;

namespace Leeway.Bench;

/// <summary>The benchmarks' <c>--name value</c> options: the value after the name, else the fallback.</summary>
internal static class BenchArgs
{
    public static string Text(string[] args, string name, string fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
    }

    public static int Int(string[] args, string name, int fallback) =>
        int.TryParse(Text(args, name, ""), CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
