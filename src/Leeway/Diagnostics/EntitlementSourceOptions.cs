namespace Leeway.Diagnostics;

/// <summary><c>Diagnostics:Entitlements</c>: <c>Kind</c> = <c>embedded</c> (default) or <c>http</c> with <c>BaseUrl</c>.</summary>
internal sealed class EntitlementSourceOptions
{
    public const string Embedded = "embedded";
    public const string Http = "http";

    public string Kind { get; set; } = Embedded;

    /// <summary>The entitlements service, e.g. <c>http://entitlements.internal</c>: Leeway calls <c>{BaseUrl}/customers/{id}/entitlements</c>.</summary>
    public string? BaseUrl { get; set; }
}
