namespace Leeway.Diagnostics.Sources;

/// <summary>The three sources a diagnosis reads, by the names the scenario format, the configuration and the reports use.</summary>
internal static class SourceNames
{
    public const string Stripe = "stripe";
    public const string Entitlements = "entitlements";
    public const string Usage = "usage";

    public static readonly IReadOnlyList<string> All = [Stripe, Entitlements, Usage];

    /// <summary>How a customer would name the source.</summary>
    public static string Describe(string source) => source switch
    {
        Stripe => "our payment records",
        Entitlements => "our subscription records",
        Usage => "our usage records",
        _ => "one of our systems",
    };
}
